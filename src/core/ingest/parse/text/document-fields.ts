// Fields printed once in a bill's header (its supplier, date, number, currency) that every row of its table inherits.
import { parseDate } from '../../normalise/date.ts';
import { documentCurrency } from './currency.ts';
import type { TextItem, TextLine } from './text-lines.ts';

export interface DocumentFields {
  /** The bill's date as printed (normalised later), if found. */
  date?: string;
  /** The bill or invoice number, if found. */
  number?: string;
  /** Who issued the bill, if its header names them. */
  supplier?: string;
  /** The ISO 4217 code of the currency the bill prints, if it prints one. */
  currency?: string;
}

/** What a page's header says, and the first date it prints anywhere (the date when none is labelled). */
export interface PageFields {
  labelled: DocumentFields;
  /** A labelled date that could not be read: then no other date on the bill is taken for it. */
  unreadDate: boolean;
  firstDate?: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
/** A date somewhere inside text: 20-10-2015, 2023-03-20, 19 april 2014, Jan 1, 2022. */
const DATE_IN_TEXT = new RegExp(
  String.raw`\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[\s-]${MONTH}\.?[\s,-]+\d{2,4}|${MONTH}\.?\s+\d{1,2}\s*,?\s*\d{4})\b`,
  'i',
);
/** A period ("01.05.14-31.05.14", "1 Jul - 31 Jul"): its dates are a service period, not the bill's date. */
const DATE_RANGE = /\d\s*[-–]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bfrom\b.*\bto\b|\bperiod\b/i;
/** Labels naming the bill's own date, best first; due, delivery and check-out dates are not it. */
const DATE_LABELS = [
  /\b(?:invoice|inv|bill|receipt|voucher|txn|transaction)\.?\s*(?:date|dt)\b|\b(?:rechnungsdatum|factuurdatum)\b|\bdate\s+de\s+facture\b/i,
  /^(?:date|dated|dt|datum)\b/i,
  /\border\s*(?:date|dt)\b/i,
];
const NUMBER_LABEL =
  /\b(?:invoice|inv|bill|receipt)\.?\s*(?:no|number|num|#)\.?|\b(?:rechnungsnr|rechnungsnummer|factuurnummer)\.?|\bfacture\s+n[°o]/i;
/** "Page 2 of 13", "Seite 1", "Page 1/1": a page counter, never a bill number or a date. */
const PAGE_COUNTER = /\b(?:page|seite|pagina|blad)\s*\d+(?:\s*(?:of|von|\/|de|van)\s*\d+)?\b/i;
const SUPPLIER_LABEL = /^(?:sold\s+by|supplier|vendor|seller|billed\s+by|issued\s+by|from)\s*:/i;
/** A bill's title, which heads it but names no one: "Tax Invoice", "Payment Receipt", "Factuur". */
const TITLE =
  /^(?:(?:tax|retail|gst|proforma|pro-forma|original|duplicate|kopie|copy|payment|cash)\s+)*(?:invoices?|bill|receipt|factuur|facture|rechnung|statement)(?:\s*\/\s*bill)?[.:]?$/i;
/** The top lines of the first page a supplier's name may be printed in, above the bill's details. */
const SUPPLIER_LINES = 3;
const MAX_SUPPLIER_LENGTH = 60;

function dateIn(text: string): string | undefined {
  if (DATE_RANGE.test(text)) return undefined;
  const match = DATE_IN_TEXT.exec(text);
  return match && parseDate(match[1]!) !== null ? match[1] : undefined;
}

/**
 * The value printed after a label: in the same cell, in the next cell right (never another label), or
 * alone in the cell just below (a row of labels over a row of values); a cell below holding more than a
 * value is a line of its own ("Zahlungsziel 21.05.14" under "Rechnungsdatum 7. Mai 2014").
 */
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
  const toRight = right && !label.test(right.text) ? read(right.text) : undefined;
  if (toRight) return toRight;
  const below = lines[at.line + 1]?.cells.find(
    (c: TextItem) => c.x < cell.x + cell.width && c.x + c.width > cell.x,
  );
  const value = below && !label.test(below.text) ? read(below.text) : undefined;
  return value !== undefined && value === below!.text.trim().replace(/^#\s*/, '') ? value : undefined;
}

/** The first value a label gives; `found` tells whether the label was printed at all. */
function find(lines: readonly TextLine[], label: RegExp, read: (text: string) => string | undefined) {
  let found = false;
  for (const [li, line] of lines.entries()) {
    for (const [ci, cell] of line.cells.entries()) {
      if (!label.test(cell.text)) continue;
      found = true;
      const value = valueNear(lines, { line: li, cell: ci }, label, read);
      if (value) return { found, value };
    }
  }
  return { found, value: undefined };
}

const invoiceNumber = (text: string): string | undefined => {
  if (PAGE_COUNTER.test(text)) text = text.replace(PAGE_COUNTER, ' ').replace(/[\s-]+$/, '');
  const value = text
    .replace(/^[\s:#.-]+/, '')
    .split(/\s{2,}/)[0]
    ?.trim();
  return value && /\d/.test(value) && value.length <= 40 ? value.replace(/^#\s*/, '') : undefined;
};

const supplierName = (text: string): string | undefined => {
  const name = text.replace(/^[\s:]+/, '').replace(/[\s,;]+$/, '');
  // Three letters in a row: "LT" is what OCR makes of a logo, not a name.
  return name.length <= MAX_SUPPLIER_LENGTH && /\p{L}{3}/u.test(name) ? name : undefined;
};

/** A cell that can be a name: no label, figure or e-mail in it, and not a sentence ("Dat betaal ik zelf wel."). */
const isNameCell = (text: string): boolean =>
  !/[:\d@]/.test(text) && !/[.!?]$/.test(text.replace(/\b(?:b\.v|ltd|inc|co)\.$/i, ''));

/**
 * The supplier: a labelled "Sold by:"/"Supplier:", else the name a bill is headed with. The first of the top
 * lines with more than a title or a page counter decides: one short name ("CAFE MOCHA", "Amazon Web Services
 * Invoice" less its title word), or no supplier (a customer's address, a sentence, a label).
 */
function findSupplier(lines: readonly TextLine[]): string | undefined {
  const labelled = find(lines, SUPPLIER_LABEL, supplierName).value;
  if (labelled) return labelled;
  for (const line of lines.slice(0, SUPPLIER_LINES)) {
    const cells = line.cells
      .map((c) => c.text)
      .filter((t) => !TITLE.test(t) && !PAGE_COUNTER.test(t))
      .map((t) => t.replace(/\s+(?:tax\s+)?invoice$/i, ''));
    if (cells.length === 0) continue;
    return cells.length === 1 && isNameCell(cells[0]!) ? supplierName(cells[0]!) : undefined;
  }
  return undefined;
}

/** What one page's (or the whole bill's) header says: labelled fields, and the first date printed anywhere. */
export function findPageFields(lines: readonly TextLine[]): PageFields {
  const labelled: DocumentFields = {};
  let unreadDate = false;
  for (const label of DATE_LABELS) {
    const { found, value } = find(lines, label, dateIn);
    if (value) {
      labelled.date = value;
      break;
    }
    unreadDate ||= found && label === DATE_LABELS[0];
  }
  const number = find(lines, NUMBER_LABEL, invoiceNumber).value;
  if (number) labelled.number = number;
  const currency = documentCurrency(lines);
  if (currency) labelled.currency = currency;
  const fields: PageFields = { labelled, unreadDate: unreadDate && !labelled.date };
  const firstDate = lines.map((l) => l.cells.map((c) => dateIn(c.text)).find(Boolean)).find(Boolean);
  if (firstDate) fields.firstDate = firstDate;
  return fields;
}

/**
 * The bill's fields from its header: labelled values anywhere in it, its supplier from the first page's
 * top; its date, when none is labelled, the first date the first page prints. A labelled date Titan cannot
 * read leaves the date out rather than taking another one (a due date, a service period).
 */
export function findDocumentFields(pages: readonly (readonly TextLine[])[]): DocumentFields {
  const whole = findPageFields(pages.flat());
  const fields: DocumentFields = { ...whole.labelled };
  const first = pages[0] ?? [];
  if (!fields.date && !whole.unreadDate) {
    const date = findPageFields(first).firstDate;
    if (date) fields.date = date;
  }
  const supplier = findSupplier(first);
  if (supplier) fields.supplier = supplier;
  return fields;
}
