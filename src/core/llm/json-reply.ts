// One JSON-mode model call: Titan's instructions, the user's parts, a response schema, and zod on the way back.
import type { Part, Schema } from '@google/genai';
import type { z } from 'zod';
import { TitanError } from '../errors.ts';
import type { Llm, LlmPurpose } from './port.ts';

/** Parses and validates a JSON reply; a reply that fails either is a clear llm.failed. */
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

export interface JsonRequest<T> {
  purpose: LlmPurpose;
  orgId?: string | undefined;
  systemInstruction: string;
  /** The user turn: a text part with any data blocks, and inline files. */
  parts: Part[];
  /** What Gemini is asked to produce (OpenAPI subset). */
  responseSchema: Schema;
  /** What Titan accepts; checked whatever the responseSchema promised. */
  reply: z.ZodType<T>;
  /** How errors name the reply ("column mapping"). */
  what: string;
}

export async function generateJson<T>(llm: Llm, request: JsonRequest<T>): Promise<T> {
  const response = await llm.generate({
    purpose: request.purpose,
    ...(request.orgId ? { orgId: request.orgId } : {}),
    systemInstruction: request.systemInstruction,
    temperature: 0,
    contents: [{ role: 'user', parts: request.parts }],
    responseSchema: request.responseSchema,
  });
  return parseJsonReply(response.text, request.reply, request.what);
}
