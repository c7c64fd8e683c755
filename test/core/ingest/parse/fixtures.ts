// Test files for the parsers: temp files, altered zips, workbooks and a scanned PDF (corpus paths: helpers/corpora.ts).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readZipDirectory } from '../../../../src/core/ingest/parse/xlsx/zip-directory.ts';
import type { IncomingFile, RawTable } from '../../../../src/core/ingest/port.ts';
import type { ZipInput } from '../zip-writer.ts';

/** A temp directory removed by the returned cleanup (call it in afterAll). */
export function tempDir(): {
  dir: string;
  file: (name: string, content: string | Uint8Array) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'titan-parse-'));
  return {
    dir,
    file: (name, content) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function incoming(filePath: string, name = path.basename(filePath)): IncomingFile {
  return { name, path: filePath, size: statSync(filePath).size };
}

/** Every data row of a table, batches joined. */
export async function allRows(table: RawTable): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of table.rows()) rows.push(...batch);
  return rows;
}

/**
 * Rewrites one entry's declared uncompressed size in its local and central headers: the lie a zip
 * bomb tells. `zip` must come from buildZip (entries back to back, no extra fields).
 */
export function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const directory = out.readUInt32LE(out.length - 6);
  for (let at = 0; at < directory; ) {
    const nameLength = out.readUInt16LE(at + 26);
    if (out.toString('utf8', at + 30, at + 30 + nameLength) === name) out.writeUInt32LE(size, at + 22);
    at += 30 + nameLength + out.readUInt32LE(at + 18);
  }
  for (let at = directory; out.readUInt32LE(at) === 0x02014b50; ) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name) out.writeUInt32LE(size, at + 24);
    at += 46 + nameLength;
  }
  return out;
}

/** The entries of a real xlsx file, decompressed, so a test can rebuild it with one part altered. */
export async function xlsxParts(filePath: string): Promise<ZipInput[]> {
  const bytes = readFileSync(filePath);
  return (await readZipDirectory(filePath)).map((e) => {
    const body = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(body) : body, deflate: true };
  });
}

/** A small sales workbook: title merged across the top, a date merged down two bills, formulas, a totals row. */
export function salesWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('March');
  ws.addRow(['Tiruppur Café: sales register, March 2024']);
  ws.mergeCells('A1:G1');
  ws.addRow([]);
  ws.addRow(['Bill Date', 'Bill No', 'Item Name', 'Qty', 'Rate', 'Amt (Rs)', 'Status']);
  const day = new Date(Date.UTC(2024, 2, 5));
  ws.addRow([day, 'B-101', 'Masala Dosa', 2, 60, { formula: 'D4*E4', result: 120 }, 'Settled']);
  ws.addRow([
    null,
    'B-102',
    '=HYPERLINK("http://evil.example","Filter Coffee")',
    1,
    25,
    { formula: 'D5*E5', result: 25 },
    'Printed',
  ]);
  ws.mergeCells('A4:A5');
  ws.addRow([
    new Date(Date.UTC(2024, 2, 6)),
    'B-103',
    { formula: 'HYPERLINK("http://x.example","Idli")', result: 'Idli' },
    3,
    30,
    90,
    'Cancelled',
  ]);
  ws.addRow(['Total', '', '', 6, '', { formula: 'SUM(F4:F6)', result: 235 }, '']);
  ws.getColumn(1).numFmt = 'dd/mm/yyyy';
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['Prepared by the manager']);
  const hidden = wb.addWorksheet('Lookups', { state: 'hidden' });
  hidden.addRow(['Code', 'Item', 'Rate']);
  hidden.addRow(['1', 'Tea', '20']);
  return wb;
}

/** A one-page PDF whose page is only a JPEG picture: what a scanner produces. */
export function scannedPdf(jpegPath: string): Buffer {
  const jpeg = readFileSync(jpegPath);
  let at = 2;
  let width = 0;
  let height = 0;
  while (at < jpeg.length) {
    const marker = jpeg.readUInt16BE(at);
    if (marker === 0xffc0 || marker === 0xffc2) {
      height = jpeg.readUInt16BE(at + 5);
      width = jpeg.readUInt16BE(at + 7);
      break;
    }
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  const content = Buffer.from(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`);
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`,
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      Buffer.from('\nendstream'),
    ]),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(obj);
    length += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ];
  chunks.push(
    Buffer.from(
      `${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}
