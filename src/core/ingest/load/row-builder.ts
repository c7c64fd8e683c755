// Raw rows → row text ready to insert: normalised, completed to every target column, hashed. Runs in a worker for big files.
import type { Scope } from '../../model/scope.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { RowNormaliser } from '../normalise/normalise-row.ts';
import { targetColumns } from '../normalise/target-columns.ts';
import { rowHash, scopeHashKey } from './row-hash.ts';
import { FIELD_SEP, rowText } from './row-text.ts';
import type { SeenValues } from './seen-values.ts';

/** A row that could not be read: its place in its batch and why. */
export interface BadRow {
  index: number;
  error: string;
}

/**
 * One batch of a file, built. The good rows travel as one text (see row-text.ts): a worker thread hands
 * over a single string per batch instead of cloning thousands of values one by one.
 */
export interface BuiltBatch {
  /** The good rows' values in RowBuilder.columns order, FIELD_SEP between every value. */
  text: string;
  rows: number;
  /** Source rows this batch covers, good and bad. */
  read: number;
  bad: BadRow[];
  /** Unknown statuses and sites first seen in this batch, for the file's report and the one-site check. */
  seen?: SeenValues;
}

export interface RowBuilder {
  /** The target columns, then `_row_hash`: the order of every row's values. */
  columns: readonly string[];
  /** The row's text, its hash last (no trailing separator), or why the row cannot be stored. */
  build(raw: string[]): { ok: true; text: string } | { ok: false; error: string };
  /** Values worth reporting seen since the last call (see seen-values.ts). */
  drainSeen(): SeenValues | undefined;
}

/** `convert` gives a value per target column, in targetColumns order (the normaliser, or a test's stand-in). */
export function createRowBuilder(convert: RowNormaliser, category: Category, scope: Scope): RowBuilder {
  const scopeKey = scopeHashKey(scope.orgId, scope.locationId);
  const columns = [...targetColumns(category).map((c) => c.name), '_row_hash'];
  return {
    columns,
    drainSeen: () => convert.seen?.drain(),
    build(raw) {
      const converted = convert(raw);
      if (!converted.ok) return converted;
      if (converted.values.length !== columns.length - 1) {
        throw new Error(
          `a converted row has ${converted.values.length} values for ${columns.length - 1} columns`,
        );
      }
      const text = rowText(converted.values);
      if (text === undefined) return { ok: false, error: 'a cell holds a control character' };
      return { ok: true, text: text + rowHash(scopeKey, text) };
    },
  };
}

/** Builds each raw batch as it streams past. */
export async function* buildBatches(
  batches: AsyncIterable<string[][]>,
  builder: RowBuilder,
): AsyncGenerator<BuiltBatch> {
  for await (const raw of batches) {
    const texts: string[] = [];
    const bad: BadRow[] = [];
    raw.forEach((row, index) => {
      const result = builder.build(row);
      if (result.ok) texts.push(result.text);
      else bad.push({ index, error: result.error });
    });
    const seen = builder.drainSeen();
    const batch: BuiltBatch = { text: texts.join(FIELD_SEP), rows: texts.length, read: raw.length, bad };
    if (seen) batch.seen = seen;
    yield batch;
  }
}
