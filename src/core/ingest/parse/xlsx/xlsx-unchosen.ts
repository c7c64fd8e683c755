// Why the other tables of a workbook (or any file of several tables) were not the one loaded, for the ingest report.
import { CATEGORIES, type Category } from '../../../warehouse/tables.ts';
import { mapHeuristically } from '../../map/heuristic-mapper.ts';
import { profileColumns } from '../../map/value-shape.ts';
import type { RawTable } from '../../port.ts';
import type { SkippedSheet } from './xlsx-skipped.ts';

type Table = Pick<RawTable, 'name' | 'headers' | 'sample'>;

/**
 * What to do with one table not loaded. The category its columns explain most is what it holds (ties go to the one
 * asked for): only a word of advice rides on it, nothing is loaded by it.
 */
function whyNotChosen(table: Table, chosen: Table, category: Category): string {
  const profiles = profileColumns(table.headers.length, table.sample);
  const fits = [category, ...CATEGORIES.filter((c) => c !== category)].map((c) => ({
    category: c,
    mapping: mapHeuristically(table.headers, table.sample, c, profiles),
  }));
  const best = fits
    .filter((f) => f.mapping.missing.length === 0)
    .reduce<(typeof fits)[number] | undefined>(
      (a, b) => (a && a.mapping.fit >= b.mapping.fit ? a : b),
      undefined,
    );
  if (best === undefined) return `has no ${fits[0]!.mapping.missing.join(' or ')} column for ${category}`;
  if (best.category !== category) {
    return `looks like ${best.category}, not ${category}: save it as a file of its own and upload it to ${best.category}`;
  }
  const loaded = chosen.name === undefined ? 'the table loaded' : `"${chosen.name}", which was loaded`;
  // Often the same bills shown another way (a POS's order and item sheets): uploading both would count them twice.
  return `holds ${category} in other columns than ${loaded}: if its rows are other ${category}, not the same ones shown another way, save it as a file of its own and upload that too`;
}

/** Every named table of `tables` but `chosen`, with why it was left out. */
export function unchosenSheets(tables: readonly Table[], chosen: Table, category: Category): SkippedSheet[] {
  return tables.flatMap((t) =>
    t === chosen || t.name === undefined
      ? []
      : [{ sheet: t.name, reason: whyNotChosen(t, chosen, category) }],
  );
}
