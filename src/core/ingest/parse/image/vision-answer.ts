// What a VisionTableExtractor returns is model output: checked here before it becomes a table.
import { z } from 'zod';
import { TitanError } from '../../../errors.ts';

const Cell = z.union([z.string(), z.number(), z.null()]).transform((v) => (v === null ? '' : String(v)));
const VisionAnswer = z.object({ headers: z.array(Cell), rows: z.array(z.array(Cell)) });

/** The extractor's table, cells as strings; throws 'llm.failed' when the answer has another shape. */
export function readVisionAnswer(raw: unknown): { headers: string[]; rows: string[][] } {
  const parsed = VisionAnswer.safeParse(raw);
  if (!parsed.success) {
    throw new TitanError('llm.failed', 'The vision model answered in an unexpected shape.', {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
