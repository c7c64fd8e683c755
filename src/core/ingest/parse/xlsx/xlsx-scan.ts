// Inflates every workbook entry once, counting real bytes against declared sizes, and notes what the row reader needs up front.
import { SHEET_ENTRY } from './xlsx-workbook.ts';
import type { ZipEntry } from './zip-directory.ts';
import { entryChunks } from './zip-entry.ts';

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a sheet's XML says only after its rows, so must be known before reading them. */
export interface SheetExtras {
  merges: MergeRange[];
}

const MERGE = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref=["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/g;
/** Bytes kept from one chunk to the next so a tag cut by the chunk boundary is seen whole. */
const OVERLAP = 4096;
/** Only chunks holding this are decoded and searched: most sheet XML has none. (<x:mergeCell> has a prefix.) */
const MARK = 'mergeCell';

/** Excel's columns, A to XFD: no real workbook has a cell or a merge beyond them. */
export const EXCEL_COLUMNS = 16_384;

/** Column letters → 1-based number (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function scanText(text: string, extras: SheetExtras, seenMerges: Set<string>): void {
  for (const m of text.matchAll(MERGE)) {
    const key = m.slice(1).join(':');
    if (seenMerges.has(key)) continue;
    seenMerges.add(key);
    // Clamped, so a crafted merge across millions of columns costs no more than a real one.
    extras.merges.push({
      left: Math.min(columnNumber(m[1]!), EXCEL_COLUMNS),
      top: Number(m[2]),
      right: Math.min(columnNumber(m[3]!), EXCEL_COLUMNS),
      bottom: Number(m[4]),
    });
  }
}

/** Inflates one entry whole (entryChunks checks its size); feeds sheet XML that matters to `onText`. */
async function inflateEntry(path: string, entry: ZipEntry, onText?: (text: string) => void): Promise<void> {
  let carry = Buffer.alloc(0);
  for await (const chunk of entryChunks(path, entry)) {
    if (!onText) continue;
    // Searching bytes is far cheaper than decoding 40 MB of sheet XML; a character cut at the
    // window's edge decodes as U+FFFD, which no tag pattern matches.
    const window = Buffer.concat([carry, chunk]);
    if (window.includes(MARK)) onText(window.toString('utf8'));
    carry = window.subarray(Math.max(0, window.length - OVERLAP));
  }
}

/**
 * Inflates every entry (so a lying size header cannot smuggle a bomb past the directory check) and
 * returns, per worksheet number (xl/worksheets/sheetN.xml), its merged ranges.
 */
export async function scanWorkbook(
  path: string,
  entries: readonly ZipEntry[],
): Promise<Map<number, SheetExtras>> {
  const sheets = new Map<number, SheetExtras>();
  for (const entry of entries) {
    const sheet = SHEET_ENTRY.exec(entry.name);
    if (!sheet) {
      await inflateEntry(path, entry);
      continue;
    }
    const extras: SheetExtras = { merges: [] };
    const seenMerges = new Set<string>();
    await inflateEntry(path, entry, (text) => scanText(text, extras, seenMerges));
    sheets.set(Number(sheet[1]), extras);
  }
  return sheets;
}
