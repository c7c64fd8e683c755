// How a CSV is written: which delimiter (, ; tab |) and which line ending, judged from its first rows.
import Papa from 'papaparse';
import { isBlankRow } from '../table-shape.ts';

export type Newline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  newline: Newline;
}

const DELIMITERS = [',', ';', '\t', '|'];
/** Rows judged; enough to get past a preamble of titles and blank lines. */
const SAMPLE_ROWS = 60;

/** The line ending used outside quoted fields (a quoted cell may hold other newlines). */
export function detectNewline(text: string): Newline {
  const unquoted = text.slice(0, 1 << 20).replace(/"[^"]*"/g, '');
  const crParts = unquoted.split('\r');
  const firstLf = unquoted.indexOf('\n');
  if (crParts.length === 1 || (firstLf >= 0 && firstLf < unquoted.indexOf('\r'))) return '\n';
  const followedByLf = crParts.slice(1).filter((part) => part.startsWith('\n')).length;
  return followedByLf >= (crParts.length - 1) / 2 ? '\r\n' : '\r';
}

/**
 * The delimiter that splits the most rows into the same number (>1) of fields. Preamble lines ("Report",
 * "Outlet: X") disagree with every candidate alike, so they do not sway the choice.
 */
export function detectDialect(text: string): CsvDialect {
  const newline = detectNewline(text);
  let best = { delimiter: ',', consistency: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, newline, preview: SAMPLE_ROWS }).data.filter(
      (row) => !isBlankRow(row),
    );
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let width = 0;
    let hits = 0;
    for (const [w, n] of counts) if (w > 1 && (n > hits || (n === hits && w > width))) [width, hits] = [w, n];
    const consistency = rows.length === 0 ? 0 : hits / rows.length;
    if (consistency > best.consistency || (consistency === best.consistency && width > best.width)) {
      best = { delimiter, consistency, width };
    }
  }
  return { delimiter: best.delimiter, newline };
}
