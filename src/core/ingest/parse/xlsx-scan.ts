// Inflates every workbook entry once, counting real bytes against declared sizes, and notes what exceljs's stream reader misses.
import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { TitanError } from '../../errors.ts';
import { SHEET_ENTRY } from './xlsx-feed.ts';
import type { ZipEntry } from './zip-directory.ts';

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a sheet's XML says that the streaming reader ignores or misreads. */
export interface SheetExtras {
  merges: MergeRange[];
  /** Cells typed t="d" (ISO date text), which exceljs 4.4's stream reader parses as a number: row → col → text. */
  isoDates: Map<number, Map<number, string>>;
}

const MERGE = /<mergeCell\s[^>]*?ref=["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/g;
const CELL = /<c\s([^>]*?)>\s*<v>([^<]*)<\/v>/g;
const DATE_TYPE = /\bt=["']d["']/;
const CELL_REF = /\br=["']([A-Z]+)(\d+)["']/;
/** Bytes kept from one chunk to the next so a tag cut by the chunk boundary is seen whole. */
const OVERLAP = 4096;
/** Only chunks holding one of these are decoded and searched: most sheet XML has neither. */
const DATE_MARKS = ['t="d"', "t='d'"];
const MARKS = ['<mergeCell', ...DATE_MARKS];

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
    extras.merges.push({
      left: columnNumber(m[1]!),
      top: Number(m[2]),
      right: columnNumber(m[3]!),
      bottom: Number(m[4]),
    });
  }
  if (!DATE_MARKS.some((mark) => text.includes(mark))) return;
  for (const m of text.matchAll(CELL)) {
    const ref = DATE_TYPE.test(m[1]!) ? CELL_REF.exec(m[1]!) : null;
    if (!ref) continue;
    const row = Number(ref[2]);
    const cols = extras.isoDates.get(row) ?? new Map<number, string>();
    cols.set(columnNumber(ref[1]!), m[2]!);
    extras.isoDates.set(row, cols);
  }
}

/** Inflates one entry, failing as soon as it outgrows its declared size; feeds sheet XML that matters to `onText`. */
async function inflateEntry(path: string, entry: ZipEntry, onText?: (text: string) => void): Promise<void> {
  if (entry.compressedSize === 0) return;
  if (entry.method !== 0 && entry.method !== 8) {
    throw new TitanError(
      'ingest.unreadable',
      `The workbook uses a compression Excel does not write ("${entry.name}"): open it in Excel, save it again and re-upload it.`,
    );
  }
  const raw = createReadStream(path, {
    start: entry.dataOffset,
    end: entry.dataOffset + entry.compressedSize - 1,
  });
  const stream = entry.method === 0 ? raw : raw.pipe(createInflateRaw());
  let produced = 0;
  let carry = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      produced += (chunk as Buffer).length;
      if (produced > entry.uncompressedSize) {
        throw new TitanError(
          'ingest.too_large',
          `Refused to open the workbook: "${entry.name}" expands beyond the size it declares, as zip bombs do. Save it as CSV and upload that.`,
        );
      }
      if (onText) {
        // Searching bytes is far cheaper than decoding 40 MB of sheet XML; a character cut at the
        // window's edge decodes as U+FFFD, which no tag pattern matches.
        const window = Buffer.concat([carry, chunk as Buffer]);
        if (MARKS.some((mark) => window.includes(mark))) onText(window.toString('utf8'));
        carry = window.subarray(Math.max(0, window.length - OVERLAP));
      }
    }
  } catch (err) {
    if (err instanceof TitanError) throw err;
    throw new TitanError(
      'ingest.unreadable',
      `The workbook is damaged ("${entry.name}" cannot be decompressed): open it in Excel, save it again and re-upload it.`,
      { cause: err },
    );
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

/**
 * Inflates every entry (so a lying size header cannot smuggle a bomb past the directory check) and
 * returns, per worksheet number (xl/worksheets/sheetN.xml), its merged ranges and t="d" cells.
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
    const extras: SheetExtras = { merges: [], isoDates: new Map() };
    const seenMerges = new Set<string>();
    await inflateEntry(path, entry, (text) => scanText(text, extras, seenMerges));
    sheets.set(Number(sheet[1]), extras);
  }
  return sheets;
}
