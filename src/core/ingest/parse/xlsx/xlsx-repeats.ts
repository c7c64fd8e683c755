// Among sheets of one layout, the ones that repeat others' rows (an "All" roll-up, a copy): left out, so nothing counts twice.
import type { SkippedSheet } from './xlsx-skipped.ts';
import type { SheetInfo } from './xlsx-workbook.ts';

/** A sheet of the group: its info and the data rows read up front. */
export interface GroupSheet {
  part: { sheet: SheetInfo };
  data: string[][];
}

const rowKey = (row: readonly string[]): string => {
  const cells = row.map((c) => c.trim());
  while (cells.at(-1) === '') cells.pop();
  return cells.join('\u001f');
};

/**
 * Splits a group of same-layout sheets into those to read and those that repeat the rest. Only the rows read up
 * front are compared, so the biggest sheets are judged first: a roll-up is the biggest and starts with the rows of
 * the sheets it sums, while a month's own rows are in no other month. Of two equal copies the later tab goes.
 */
export function dropRepeatedSheets<T extends GroupSheet>(
  group: readonly T[],
  name: (sheet: SheetInfo) => string,
): { kept: T[]; skipped: SkippedSheet[] } {
  if (group.length < 2) return { kept: [...group], skipped: [] };
  const keys = new Map(group.map((g) => [g, new Set(g.data.map(rowKey))]));
  const kept = new Set(group);
  const skipped: SkippedSheet[] = [];
  const judged = group
    .map((g, tab) => ({ g, tab, size: g.part.sheet.entry.uncompressedSize }))
    .sort((a, b) => b.size - a.size || b.tab - a.tab);
  for (const { g } of judged) {
    const others = [...kept].filter((o) => o !== g);
    if (others.length === 0) break;
    const seen = new Set(others.flatMap((o) => [...keys.get(o)!]));
    if (![...keys.get(g)!].every((k) => seen.has(k))) continue;
    kept.delete(g);
    const sources = others.filter((o) => [...keys.get(o)!].some((k) => keys.get(g)!.has(k)));
    skipped.push({
      sheet: name(g.part.sheet),
      reason: `repeats the rows of ${sources.map((o) => `"${name(o.part.sheet)}"`).join(', ')} (a roll-up or a copy): left out so no row is counted twice`,
    });
  }
  return { kept: group.filter((g) => kept.has(g)), skipped };
}
