// Lines of positioned cells → tables: a header line of labels, then rows whose cells sit under its columns.
import { parseDate } from '../../normalise/date.ts';
import { parseNumber } from '../../normalise/number.ts';
import { SUMMARY_LINE } from './summary-line.ts';
import type { TextItem, TextLine } from './text-lines.ts';
import { typicalHeight } from './text-lines.ts';

export interface TextTable {
  headers: string[];
  rows: string[][];
}

/** A gap wider than this many line heights ends a table. */
const END_GAP = 5;
/** A text-only line this close under a row continues that row (a wrapped description). */
const CONTINUATION_GAP = 2.5;
/** Header cells longer than this are sentences, not column names. */
const MAX_LABEL_LENGTH = 40;

const ENDS_TABLE = /^(?:grand|net|bill|invoice)?\s*total\b/i;
const SUBTOTAL = /^sub[\s-]?total\b/i;

const isValue = (text: string): boolean => parseNumber(text) !== null || parseDate(text) !== null;
const isLabel = (text: string): boolean =>
  /\p{L}/u.test(text) && !isValue(text) && text.length <= MAX_LABEL_LENGTH;

/** A figure in a cell: a number, but not a rate of tax or discount ("2.5%"). */
const isFigure = (text: string): boolean => !text.trim().endsWith('%') && parseNumber(text) !== null;

/**
 * Tax, total and payment lines summarise the bill ("CGST 2.5% … 6.25" under an item column, or under
 * the amounts alone); they are not items. An item has a quantity and a rate besides its amount, so a line
 * with more than one figure is kept whatever it is called ("Grand Thali 1 150.00 150.00"), and so is a line
 * with none (a wrapped description: "Memory Card").
 */
function isSummaryRow(cells: readonly string[]): boolean {
  const words = cells.filter((c) => c !== '' && !isFigure(c)).join(' ');
  return cells.filter(isFigure).length === 1 && SUMMARY_LINE.test(words || cells.join(' '));
}

/** A line that can head a table: three or more short labels and no values. */
export function isHeaderLine(line: TextLine): boolean {
  return line.cells.length >= 3 && line.cells.every((c) => isLabel(c.text));
}

const centre = (c: TextItem): number => c.x + c.width / 2;

/** The header column a cell belongs to: the only header it overlaps, else the nearest by centre. */
function columnOf(cell: TextItem, header: readonly TextItem[]): number {
  const overlapping = header
    .map((h, i) => ({ i, overlap: Math.min(h.x + h.width, cell.x + cell.width) - Math.max(h.x, cell.x) }))
    .filter((o) => o.overlap > 0);
  if (overlapping.length === 1) return overlapping[0]!.i;
  let best = 0;
  header.forEach((h, i) => {
    if (Math.abs(centre(h) - centre(cell)) < Math.abs(centre(header[best]!) - centre(cell))) best = i;
  });
  return best;
}

/** A cell wider than three columns is a sentence across the page (terms, notes), not table content. */
function spansColumns(cell: TextItem, header: readonly TextItem[]): boolean {
  return header.filter((h) => h.x < cell.x + cell.width && h.x + h.width > cell.x).length >= 3;
}

function toRow(line: TextLine, header: readonly TextItem[]): string[] {
  const row = header.map(() => '');
  for (const cell of line.cells) {
    const col = columnOf(cell, header);
    row[col] = row[col] ? `${row[col]} ${cell.text}` : cell.text;
  }
  return row;
}

/** Reads the table under `lines[start]`; returns it and the index of the first line after it. */
function readTable(
  lines: readonly TextLine[],
  start: number,
  unit: number,
): { table: TextTable; end: number } {
  const header = lines[start]!.cells;
  const rows: { cells: string[]; numeric: boolean }[] = [];
  let current: { cells: string[]; numeric: boolean } | undefined;
  let lastY = lines[start]!.y;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const gap = line.y - lastY;
    const first = line.cells[0]?.text ?? '';
    const close = gap <= CONTINUATION_GAP * unit;
    // A line of labels right under a row is that row wrapping; further down it heads the next table.
    if (gap > END_GAP * unit || (isHeaderLine(line) && !close) || ENDS_TABLE.test(first)) break;
    if (line.cells.some((c) => spansColumns(c, header))) break;
    lastY = line.y;
    if (SUBTOTAL.test(first)) {
      current = undefined;
      continue;
    }
    const cells = toRow(line, header);
    if (isSummaryRow(cells)) continue;
    const numeric = cells.some((c) => c !== '' && parseNumber(c) !== null);
    if (!numeric && current && close) {
      cells.forEach((text, col) => {
        if (text) current!.cells[col] = current!.cells[col] ? `${current!.cells[col]} ${text}` : text;
      });
      continue;
    }
    current = { cells, numeric };
    rows.push(current);
  }
  // Section titles and notes carried no amounts; only rows with a number are data.
  const data = rows.filter((r) => r.numeric).map((r) => r.cells);
  return { table: { headers: header.map((h) => h.text), rows: data }, end: i };
}

/** Every table on a page, top to bottom; a page may hold several (e.g. booking details, then charges). */
export function findTables(lines: readonly TextLine[]): TextTable[] {
  const unit = typicalHeight(lines);
  const tables: TextTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isHeaderLine(lines[i]!)) {
      i++;
      continue;
    }
    const { table, end } = readTable(lines, i, unit);
    if (table.rows.length > 0) tables.push(table);
    i = Math.max(end, i + 1);
  }
  return tables;
}
