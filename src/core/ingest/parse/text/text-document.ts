// Pages of positioned text (a PDF's text layer, an OCR'd photo) → RawTables, each row carrying the bill's header fields.

import { parseDate } from '../../normalise/date.ts';
import type { RawTable } from '../../port.ts';
import { createMemoryTable } from '../memory-table.ts';
import { CURRENCY_HEADER } from './currency.ts';
import { type DocumentFields, findDocumentFields, findPageFields } from './document-fields.ts';
import { findLineItems } from './line-items.ts';
import type { TextLine } from './text-lines.ts';
import { findTables, type TextTable } from './text-tables.ts';

function hasDateColumn(table: TextTable): boolean {
  return table.headers.some((_, col) => {
    const values = table.rows.map((r) => r[col] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.filter((v) => parseDate(v) !== null).length >= values.length / 2;
  });
}

const hasHeader = (table: TextTable, pattern: RegExp): boolean => table.headers.some((h) => pattern.test(h));

/**
 * Adds "Bill Date", "Bill No", "Supplier" and "Currency" columns from the bill's header when the table lacks
 * them (invoices print them once). The currency column holds an ISO code (CURRENCY_HEADER).
 */
export function withFields(table: TextTable, fields: DocumentFields): TextTable {
  const headers = [...table.headers];
  const extra: string[] = [];
  const add = (header: string, value: string | undefined, present: boolean) => {
    if (value === undefined || present) return;
    headers.push(header);
    extra.push(value);
  };
  add('Bill Date', fields.date, hasDateColumn(table));
  add('Bill No', fields.number, hasHeader(table, /\b(?:invoice|bill|inv)\.?\s*(?:no|number|#)/i));
  add('Supplier', fields.supplier, hasHeader(table, /\b(?:supplier|vendor|seller)\b/i));
  add(CURRENCY_HEADER, fields.currency, hasHeader(table, /\bcurrency\b/i));
  return { headers, rows: table.rows.map((r) => [...r, ...extra]) };
}

/**
 * Tables of every page, in order; tables with the same header on several pages (a long bill) are
 * joined. A page whose lines ending in amounts outnumber its table rows (a till receipt) yields item lines.
 */
export function tablesFromPages(
  pages: readonly (readonly TextLine[])[],
  name: string | undefined,
): RawTable[] {
  const documentFields = findDocumentFields(pages);
  const joined = new Map<string, TextTable>();
  for (const lines of pages) {
    // A page that labels its own date or number is a bill of its own (a PDF of several bills).
    const fields = { ...documentFields, ...findPageFields(lines).labelled };
    const found = findTables(lines);
    const items = findLineItems(lines);
    // A till receipt has no header, and its item lines can look like a ragged table: prefer item lines when they clearly outnumber table rows.
    const tabled = found.reduce((n, t) => n + t.rows.length, 0);
    for (const table of items && items.rows.length > 2 * tabled ? [items] : found) {
      const complete = withFields(table, fields);
      const key = complete.headers.join('\u001f').toLowerCase();
      const previous = joined.get(key);
      if (previous) previous.rows.push(...complete.rows);
      else joined.set(key, complete);
    }
  }
  const tables = [...joined.values()];
  return tables.map((t, i) =>
    createMemoryTable(tables.length > 1 ? `${name ?? 'table'} ${i + 1}` : name, t.headers, t.rows),
  );
}
