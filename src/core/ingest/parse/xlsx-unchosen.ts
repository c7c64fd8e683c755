// Why the other tables of a workbook (or any file of several tables) were not the one loaded, for the ingest report.
import { CATEGORIES, type Category } from '../../warehouse/tables.ts';
import type { RawTable } from '../contracts.ts';
import { mapHeuristically } from '../map/heuristic-mapper.ts';
import type { SkippedSheet } from './xlsx-skipped.ts';

type Table = Pick<RawTable, 'name' | 'headers' | 'sample'>;

/** What to do with one table not loaded: upload it on its own, to this category or the one it fits. */
function whyNotChosen(table: Table, chosen: Table, category: Category): string {
  const own = mapHeuristically(table.headers, table.sample, category);
  const loaded = chosen.name === undefined ? 'the table loaded' : `"${chosen.name}", which was loaded`;
  if (own.missing.length === 0) {
    // Often the same bills shown another way (a POS's order and item sheets): uploading both would count them twice.
    return `holds ${category} in other columns than ${loaded}: if its rows are other ${category}, not the same ones shown another way, save it as a file of its own and upload that too`;
  }
  const other = CATEGORIES.filter((c) => c !== category)
    .map((c) => ({ category: c, mapping: mapHeuristically(table.headers, table.sample, c) }))
    .filter((c) => c.mapping.missing.length === 0)
    .sort((a, b) => b.mapping.fit - a.mapping.fit)[0];
  if (other) {
    return `looks like ${other.category}, not ${category}: save it as a file of its own and upload it to ${other.category}`;
  }
  return `has no ${own.missing.join(' or ')} column for ${category}`;
}

/** Every named table of `tables` but `chosen`, with why it was left out. */
export function unchosenSheets(tables: readonly Table[], chosen: Table, category: Category): SkippedSheet[] {
  return tables.flatMap((t) =>
    t === chosen || t.name === undefined
      ? []
      : [{ sheet: t.name, reason: whyNotChosen(t, chosen, category) }],
  );
}
