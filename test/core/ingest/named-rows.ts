// The normaliser with each row's values named by column, so test expectations read as rows.
import { createRowNormaliser, type RowMapping } from '../../../src/core/ingest/normalise/normalise-row.ts';
import { targetColumns } from '../../../src/core/ingest/normalise/target-columns.ts';
import type { Category } from '../../../src/core/warehouse/tables.ts';

export function createNamedNormaliser(mapping: RowMapping, category: Category) {
  const convert = createRowNormaliser(mapping, category);
  const names = targetColumns(category).map((c) => c.name);
  return (raw: string[]) => {
    const result = convert(raw);
    return result.ok
      ? { ok: true as const, row: Object.fromEntries(names.map((name, i) => [name, result.values[i]])) }
      : result;
  };
}
