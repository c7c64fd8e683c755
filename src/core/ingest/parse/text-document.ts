// Pages of positioned text (a PDF's text layer, an OCR'd photo) → RawTables, each row carrying the bill's date and number.
import type { RawTable } from '../contracts.ts';
import { parseDate } from '../normalise/date.ts';
import { type DocumentFields, findDocumentFields } from './document-fields.ts';
import { findLineItems } from './line-items.ts';
import { createMemoryTable } from './memory-table.ts';
import type { TextLine } from './text-lines.ts';
import { findTables, type TextTable } from './text-tables.ts';

function hasDateColumn(table: TextTable): boolean {
  return table.headers.some((_, col) => {
    const values = table.rows.map((r) => r[col] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.filter((v) => parseDate(v) !== null).length >= values.length / 2;
  });
}

/** Adds "Bill Date" and "Bill No" columns from the page when the table lacks them (invoices print them once). */
function withFields(table: TextTable, fields: DocumentFields): TextTable {
  const headers = [...table.headers];
  const extra: string[] = [];
  if (fields.date && !hasDateColumn(table)) {
    headers.push('Bill Date');
    extra.push(fields.date);
  }
  if (fields.number && !table.headers.some((h) => /\b(?:invoice|bill|inv)\.?\s*(?:no|number|#)/i.test(h))) {
    headers.push('Bill No');
    extra.push(fields.number);
  }
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
  const documentFields = findDocumentFields(pages.flat());
  const joined = new Map<string, TextTable>();
  for (const lines of pages) {
    const fields = { ...documentFields, ...findDocumentFields(lines) };
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
