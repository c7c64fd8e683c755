// Fields printed once on a bill (its date, its number) that every row of its table inherits.
import { parseDate } from '../normalise/date.ts';
import type { TextItem, TextLine } from './text-lines.ts';

export interface DocumentFields {
  /** The bill's date as printed (normalised later), if found. */
  date?: string;
  /** The bill or invoice number, if found. */
  number?: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
/** A date somewhere inside text: 20-10-2015, 2023-03-20, 19 april 2014, Jan 1, 2022. */
const DATE_IN_TEXT = new RegExp(
  String.raw`\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[\s-]${MONTH}\.?[\s,-]+\d{2,4}|${MONTH}\.?\s+\d{1,2}\s*,?\s*\d{4})\b`,
  'i',
);
/** Labels naming the bill's own date, best first; due, delivery and check-out dates are not it. */
const DATE_LABELS = [
  /\b(?:invoice|inv|bill|receipt|voucher|txn|transaction)\.?\s*(?:date|dt)\b/i,
  /^(?:date|dated|dt)\b/i,
  /\border\s*(?:date|dt)\b/i,
];
const NUMBER_LABEL = /\b(?:invoice|inv|bill|receipt)\.?\s*(?:no|number|num|#)\.?/i;

function dateIn(text: string): string | undefined {
  const match = DATE_IN_TEXT.exec(text);
  return match && parseDate(match[1]!) !== null ? match[1] : undefined;
}

/** The value printed after a label: in the same cell, in the next cell right, or in the cell just below. */
function valueNear(
  lines: readonly TextLine[],
  at: { line: number; cell: number },
  label: RegExp,
  read: (text: string) => string | undefined,
): string | undefined {
  const line = lines[at.line]!;
  const cell = line.cells[at.cell]!;
  const sameCell = read(cell.text.replace(label, ' '));
  if (sameCell) return sameCell;
  const right = line.cells[at.cell + 1];
  const toRight = right ? read(right.text) : undefined;
  if (toRight) return toRight;
  const below = lines[at.line + 1]?.cells.find(
    (c: TextItem) => c.x < cell.x + cell.width && c.x + c.width > cell.x,
  );
  return below ? read(below.text) : undefined;
}

function find(lines: readonly TextLine[], label: RegExp, read: (text: string) => string | undefined) {
  for (const [li, line] of lines.entries()) {
    for (const [ci, cell] of line.cells.entries()) {
      if (!label.test(cell.text)) continue;
      const value = valueNear(lines, { line: li, cell: ci }, label, read);
      if (value) return value;
    }
  }
  return undefined;
}

const invoiceNumber = (text: string): string | undefined => {
  const value = text
    .replace(/^[\s:#.-]+/, '')
    .split(/\s{2,}/)[0]
    ?.trim();
  return value && /\d/.test(value) && value.length <= 40 ? value.replace(/^#\s*/, '') : undefined;
};

/** Looks for the bill's date (labelled, else the first date printed anywhere) and its number. */
export function findDocumentFields(lines: readonly TextLine[]): DocumentFields {
  const fields: DocumentFields = {};
  const date =
    DATE_LABELS.map((label) => find(lines, label, dateIn)).find((d) => d !== undefined) ??
    lines.map((l) => l.cells.map((c) => dateIn(c.text)).find(Boolean)).find(Boolean);
  if (date) fields.date = date;
  const number = find(lines, NUMBER_LABEL, invoiceNumber);
  if (number) fields.number = number;
  return fields;
}
