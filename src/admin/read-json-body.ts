// Every admin route reads its JSON body the same way: zod-checked, a bad body named by its field.
import type { z } from 'zod';
import { TitanError } from '../core/errors.ts';

/** `example` shows the caller a body that works, when theirs is not JSON at all. */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  example?: string,
): Promise<z.infer<T>> {
  const json: unknown = await request.json().catch(() => {
    throw new TitanError(
      'request.invalid',
      `The body must be a JSON object${example ? `, e.g. ${example}` : ''}.`,
    );
  });
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    throw new TitanError('request.invalid', `${field}: ${issue.message}`, { detail: { field } });
  }
  return parsed.data;
}
