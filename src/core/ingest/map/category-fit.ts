// Catches a file dropped in the wrong category: its columns fit another category much better than the one asked for.
import { TitanError } from '../../errors.ts';
import { CATEGORIES, type Category } from '../../warehouse/tables.ts';
import { type HeuristicMapping, mapHeuristically } from './heuristic-mapper.ts';
import type { ColumnProfile } from './value-shape.ts';

/** Another category must explain at least this much more of the file, and this many times as much. */
const MARGIN = 1.5;
const RATIO = 1.5;

/**
 * Throws 'ingest.wrong_category' when another category maps all its required columns and explains the
 * file clearly better (the requested one's own mapping is passed in, so it is not computed twice).
 */
export function checkCategory(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  requested: Category,
  own: HeuristicMapping,
  profiles: readonly ColumnProfile[],
): void {
  let best: { category: Category; mapping: HeuristicMapping } | undefined;
  for (const category of CATEGORIES) {
    if (category === requested) continue;
    const mapping = mapHeuristically(headers, sample, category, profiles);
    if (mapping.missing.length > 0) continue;
    const margin = own.missing.length > 0 ? 1 : MARGIN;
    if (mapping.fit < own.fit + margin || mapping.fit < own.fit * RATIO) continue;
    if (!best || mapping.fit > best.mapping.fit) best = { category, mapping };
  }
  if (!best) return;
  const telling = Object.entries(best.mapping.mapping)
    .filter(([target]) => !(target in own.mapping))
    .map(([, col]) => `"${headers[col]}"`)
    .slice(0, 4);
  const evidence = telling.length > 0 ? ` (it has ${telling.join(', ')})` : '';
  throw new TitanError(
    'ingest.wrong_category',
    `This looks like ${best.category} data, not ${requested}${evidence}; ` +
      `ingest it with --category ${best.category}, or move it to the ${best.category} folder.`,
    { detail: { requested, suggested: best.category } },
  );
}
