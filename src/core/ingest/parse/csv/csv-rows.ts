// Decoded CSV text → rows, a piece at a time: papaparse reads the rows; a row past the cap is scanned over, never held.
import { createRequire } from 'node:module';
import type { CsvDialect } from './csv-dialect.ts';
import { createRecordScan, type RecordScan } from './csv-record-scan.ts';

// Required, not imported: importing a CommonJS package makes Node scan its source for export names first
// (cjs-module-lexer on papaparse's 70 KB), a large share of a row worker's start-up, which loads only this parser.
const Papa = createRequire(import.meta.url)('papaparse') as typeof import('papaparse');

/**
 * The longest CSV row Titan reads, in characters (1 MiB of ASCII), and so the longest field. A report's row
 * is a few hundred characters and Excel caps a cell at 32,767, so a longer row is a pasted document or a
 * broken export. The cap is what keeps reading linear: papaparse re-reads a row cut off at the end of each
 * 64 KB piece from its start, so one 100 MB field took 1–4 minutes and 1.5–2.7 GB of memory. Past the cap the
 * rest of the row is scanned once, holding nothing, and the row is skipped as unreadable. The check is on
 * the row still pending after each piece, so a row less than one piece (64 KB) over the cap may be read.
 */
export const MAX_ROW_CHARS = 1024 ** 2;

interface ParsedChunk {
  data: string[][];
  meta: { cursor: number };
}

/** Parses text with papaparse's core parser; with `partial`, the last (possibly cut) row is left for later. */
export function parseText(text: string, dialect: CsvDialect, partial: boolean): ParsedChunk {
  return new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline }).parse(text, 0, partial);
}

/**
 * What stands in for a row over the cap: every cell says why. No such cell reads as the date every
 * category needs, so the row fails normalising, quoting the reason, and counts against the file's
 * bad-row allowance like any other unreadable row.
 */
function overCapRow(chars: number, cap: number, width: number): string[] {
  const reason =
    `unreadable: the row is ${chars.toLocaleString('en-IN')} characters long, over the CSV field size cap ` +
    `of ${cap.toLocaleString('en-IN')} characters (a report's row is a few hundred)`;
  return Array.from({ length: Math.max(1, width) }, () => reason);
}

export interface CsvRowReader {
  /** The rows that `text`, the next piece of the file, completes. */
  push(text: string): string[][];
  /** The last rows, once the file has ended. */
  end(): string[][];
}

export interface CsvRowReaderOptions {
  /** Cells in a stand-in for a row over the cap: the header's width, so every mapped column holds the reason. */
  width: number;
  /** MAX_ROW_CHARS unless a test wants a small one. */
  maxRowChars: number;
}

export function createCsvRowReader(dialect: CsvDialect, options: CsvRowReaderOptions): CsvRowReader {
  const { maxRowChars } = options;
  // The row cut off at the end of the last piece (under the cap), or the scan of one over it.
  let carry = '';
  let scan: RecordScan | undefined;

  return {
    push(piece) {
      let text = carry + piece;
      carry = '';
      let rows: string[][] = [];
      for (;;) {
        if (scan) {
          const end = scan.feed(text);
          if (end < 0) return rows;
          rows.push(overCapRow(scan.chars, maxRowChars, options.width));
          scan = undefined;
          text = text.slice(end);
        }
        const parsed = parseText(text, dialect, true);
        rows = rows.length === 0 ? parsed.data : rows.concat(parsed.data);
        const rest = text.slice(parsed.meta.cursor);
        if (rest.length <= maxRowChars) {
          carry = rest;
          return rows;
        }
        scan = createRecordScan(dialect);
        text = rest;
      }
    },
    end() {
      // A row over the cap that runs to the end of the file ends there.
      if (scan) {
        const row = overCapRow(scan.chars, maxRowChars, options.width);
        scan = undefined;
        return [row];
      }
      const rows = parseText(carry, dialect, false).data;
      carry = '';
      return rows;
    },
  };
}
