// What a file really is, from its first bytes rather than its name: CSV text, an xlsx zip, a PDF or an image.
import type { IncomingFile } from '../port.ts';
import { readHead } from './file-head.ts';
import { unreadable } from './unreadable.ts';

export type FileKind =
  | { kind: 'csv' }
  | { kind: 'zip' }
  | { kind: 'pdf' }
  | { kind: 'image'; mimeType: 'image/png' | 'image/jpeg' | 'image/webp' };

/** Enough to see past leading junk before "%PDF" and to find "EncryptedPackage" in an OLE directory. */
const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  magic.every((b, i) => bytes[at + i] === b);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function refuseOle(bytes: Uint8Array): never {
  // Office puts a password-protected .xlsx inside an OLE container with an "EncryptedPackage" stream.
  const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
  throw unreadable(
    encrypted
      ? 'The workbook is password-protected: remove the password in Excel (File → Info → Protect Workbook) and upload it again.'
      : 'This is an old-format Excel 97–2003 (.xls) workbook, possibly password-protected: open it in Excel or Google Sheets and save it as .xlsx or CSV.',
  );
}

function refuseMarkup(text: string): void {
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table')) {
    throw unreadable(
      'This is a web page saved with a spreadsheet name (many "Export to Excel" buttons do that): open it in Excel and save it as .xlsx or CSV.',
    );
  }
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw unreadable('This is an Excel 2003 XML spreadsheet: open it in Excel and save it as .xlsx or CSV.');
  }
  if (start.startsWith('{\\rtf'))
    throw unreadable('This is a Word (RTF) document, not a table: export the data as CSV.');
}

/** Sniffs the file's type from its content; throws 'ingest.unreadable' for empty files and formats Titan refuses. */
export async function sniffFile(file: IncomingFile): Promise<FileKind> {
  const { bytes } = await readHead(file.path, SNIFF_BYTES);
  if (bytes.length === 0)
    throw unreadable('The file is empty (0 bytes): export the report again, with its rows.');
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'zip' };
  if (startsWith(bytes, OLE)) refuseOle(bytes);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', mimeType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mimeType: 'image/jpeg' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { kind: 'image', mimeType: 'image/webp' };
  }
  if (startsWith(bytes, [0x1f, 0x8b])) {
    throw unreadable('The file is gzip-compressed: unzip it and upload the file inside.');
  }
  refuseMarkup(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'));
  return { kind: 'csv' };
}
