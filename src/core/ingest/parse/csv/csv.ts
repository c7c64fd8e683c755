// CSV → RawTable: encoding and dialect sniffed from the head, header found past any preamble, rows streamed in batches.
import type { IncomingFile, RawTable } from '../../port.ts';
import { capSample } from '../../sample-cap.ts';
import { readHead } from '../file-head.ts';
import { DEFAULT_BATCH_ROWS } from '../memory-table.ts';
import type { CsvRowSource } from '../row-source.ts';
import {
  cleanHeaders,
  createRowFilter,
  HEADER_SEARCH_ROWS,
  isBlankRow,
  locateHeader,
  widthOf,
} from '../table-shape.ts';
import { unreadable } from '../unreadable.ts';
import { detectDialect } from './csv-dialect.ts';
import { refuseLongFirstRow } from './csv-first-row.ts';
import { MAX_ROW_CHARS, parseText } from './csv-rows.ts';
import { streamCsvRows } from './csv-stream.ts';
import { detectEncoding, looksLikeText } from './text-encoding.ts';

/** Bytes read up front to sniff the encoding and dialect and to find the header and sample. */
const HEAD_BYTES = 256 * 1024;
/** Read size while streaming; 64 KiB chunks keep papaparse fast and memory flat. */
const READ_CHUNK = 64 * 1024;

export interface CsvOptions {
  batchRows?: number;
  /** Bytes read per step while streaming (default 64 KiB). */
  chunkBytes?: number;
  /** The longest row read; a longer one is skipped as a bad row (default MAX_ROW_CHARS). */
  maxRowChars?: number;
}

export async function parseCsv(file: IncomingFile, options: CsvOptions = {}): Promise<RawTable> {
  const head = await readHead(file.path, HEAD_BYTES);
  const encoding = detectEncoding(head.bytes);
  const text = new TextDecoder(encoding).decode(head.bytes, { stream: !head.complete });
  if (!looksLikeText(text, encoding)) {
    throw unreadable(
      'The file is not text (it holds binary data), so it is not a CSV: export the report as CSV or XLSX and upload that.',
    );
  }
  const dialect = detectDialect(text);
  const parsed = parseText(text, dialect, !head.complete);
  const rows = parsed.data.filter((row) => !isBlankRow(row));
  if (rows.length === 0 && !head.complete) {
    // Not empty: the head ends inside the first row.
    const start = parsed.meta.cursor;
    throw await refuseLongFirstRow({ path: file.path, encoding, dialect, start, headBytes: HEAD_BYTES });
  }
  if (rows.length === 0) throw unreadable('The file is empty: export the report again, with its rows.');
  const headerIndex = locateHeader(rows);
  if (headerIndex < 0) {
    throw unreadable(
      `No header row in the first ${HEADER_SEARCH_ROWS} rows: add a row of column names (e.g. Date, Item, Amount) above the data.`,
    );
  }
  const headerRow = rows[headerIndex]!;
  const keep = createRowFilter(headerRow);
  const data = rows.slice(headerIndex + 1).filter(keep);
  if (data.length === 0) {
    throw unreadable(
      head.complete
        ? 'The file has a header row but no data rows: export it again once it has entries.'
        : `No data rows in the first ${HEAD_BYTES / 1024} KB after the header: check the export.`,
    );
  }
  const source: CsvRowSource = {
    kind: 'csv',
    path: file.path,
    encoding,
    dialect,
    skip: headerIndex + 1,
    header: headerRow,
    batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
    chunkBytes: options.chunkBytes ?? READ_CHUNK,
    maxRowChars: options.maxRowChars ?? MAX_ROW_CHARS,
  };
  return {
    headers: cleanHeaders(headerRow, widthOf(data)),
    sample: capSample(data),
    rows: () => streamCsvRows(source),
    source,
  };
}
