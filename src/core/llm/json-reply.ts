// Reads a JSON-mode reply: parse, then validate with zod; a reply that fails either is a clear llm.failed.
import type { z } from 'zod';
import { TitanError } from '../errors.ts';

export function parseJsonReply<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new TitanError(
      'llm.failed',
      `Gemini's ${what} was not JSON; Titan falls back to its offline path.`,
      {
        cause,
      },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new TitanError(
      'llm.failed',
      `Gemini's ${what} did not match the expected shape${where} (${issue?.message ?? 'invalid'}); Titan falls back to its offline path.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
