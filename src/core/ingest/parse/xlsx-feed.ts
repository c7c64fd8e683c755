// The bytes exceljs's stream reader is given: only the parts it needs, in the order it needs them.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ZipEntry } from './zip-directory.ts';

/**
 * exceljs 4.4 parses a worksheet at once only when the workbook relations and shared strings came
 * before it in the zip; otherwise it parks the sheet in a temp file, and that path loses entries at
 * random (sheets then read back blank or as {sharedString: n}). Google Sheets and others write sheets
 * first. So the reader is fed the entries it uses, prerequisites first, as one stream of the original
 * entry bytes (the zip directory is not needed by a streaming unzip).
 */
const PREREQUISITES = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

export const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** An empty shared-string table, stored uncompressed, for workbooks that keep every string inline. */
export const EMPTY_SST =
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
/** CRC-32 of EMPTY_SST (checked by a test), so no runtime crc32 is needed. */
export const EMPTY_SST_CRC = 0x0e1d9e52;

function storedEntry(name: string, text: string, crc: number): Buffer {
  const data = Buffer.from(text, 'utf8');
  const fileName = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(fileName.length, 26);
  return Buffer.concat([header, fileName, data]);
}

/** An end-of-directory record, so the streaming unzip sees a proper end instead of running out of bytes. */
function endRecord(): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
}

/** A stream of the prerequisite entries and the chosen worksheets (all of them when `sheets` is absent). */
export function workbookFeed(
  path: string,
  entries: readonly ZipEntry[],
  sheets?: ReadonlySet<number>,
): Readable {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const chosen = entries.filter((e) => {
    const sheet = SHEET_ENTRY.exec(e.name);
    return sheet !== null && (sheets === undefined || sheets.has(Number(sheet[1])));
  });
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const name of PREREQUISITES) {
      const entry = byName.get(name);
      if (entry) yield* createReadStream(path, { start: entry.localOffset, end: entry.endOffset - 1 });
      else if (name === 'xl/sharedStrings.xml') yield storedEntry(name, EMPTY_SST, EMPTY_SST_CRC);
    }
    for (const entry of chosen)
      yield* createReadStream(path, { start: entry.localOffset, end: entry.endOffset - 1 });
    yield endRecord();
  }
  return Readable.from(bytes(), { objectMode: false });
}
