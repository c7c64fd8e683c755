// The LLM fallback for mapping: at most MAX_LLM_SAMPLE_ROWS rows out, a zod-checked answer back, checked against the values.
import { z } from 'zod';
import { TitanError } from '../../errors.ts';
import type { Category } from '../../warehouse/tables.ts';
import { targetColumns } from '../normalise/target-columns.ts';
import type { ColumnMapping, LlmSchemaMapper } from '../port.ts';
import { capSample } from '../sample-cap.ts';
import { normaliseHeader } from './header-words.ts';
import { type ColumnProfile, shapeFit } from './value-shape.ts';

const LlmAnswer = z.object({
  mapping: z.record(z.string(), z.string().nullable()),
  confidence: z.number().min(0).max(1),
});

/** An answer below this per-column fit (e.g. "date" → a column of names) is dropped, not trusted. */
const MIN_SHAPE_FIT = 0.5;

export interface LlmMappingRequest {
  llm: LlmSchemaMapper;
  category: Category;
  headers: readonly string[];
  sample: readonly (readonly string[])[];
  profiles: readonly ColumnProfile[];
  /** The heuristic mapping, which fills any column the model did not mention. */
  fallback: ColumnMapping;
}

function columnIndex(headers: readonly string[], name: string): number {
  const exact = headers.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = normaliseHeader(name);
  return headers.findIndex((h) => normaliseHeader(h) === wanted);
}

/** Asks the LLM for a mapping; throws 'llm.failed' when its answer is not the promised shape. */
export async function mapWithLlm(
  req: LlmMappingRequest,
): Promise<{ mapping: ColumnMapping; confidence: number }> {
  const raw = await req.llm({
    category: req.category,
    headers: [...req.headers],
    sample: capSample(req.sample).map((row) => [...row]),
  });
  const answer = LlmAnswer.safeParse(raw);
  if (!answer.success) {
    throw new TitanError('llm.failed', 'The model answered the column mapping in an unexpected shape.', {
      cause: answer.error,
    });
  }
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const mentioned = new Set<string>();
  for (const target of targetColumns(req.category)) {
    if (!(target.name in answer.data.mapping)) continue;
    mentioned.add(target.name);
    const name = answer.data.mapping[target.name];
    if (name === null || name === undefined) continue;
    const col = columnIndex(req.headers, name);
    const profile = req.profiles[col];
    if (col < 0 || used.has(col) || !profile || shapeFit(target, profile) < MIN_SHAPE_FIT) continue;
    mapping[target.name] = col;
    used.add(col);
  }
  for (const [target, col] of Object.entries(req.fallback)) {
    if (!mentioned.has(target) && !(target in mapping) && !used.has(col)) {
      mapping[target] = col;
      used.add(col);
    }
  }
  return { mapping, confidence: answer.data.confidence };
}
