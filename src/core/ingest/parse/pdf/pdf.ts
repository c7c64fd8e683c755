// PDF → RawTables from the text layer (unpdf's pdf.js, run locally); a scanned PDF goes to vision, else to offline OCR.
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';
import { TitanError } from '../../../errors.ts';
import type { Category } from '../../../warehouse/tables.ts';
import type { IncomingFile, RawTable, VisionTableExtractor } from '../../port.ts';
import { type OcrOptions, ocrWords } from '../image/ocr.ts';
import { readVisionAnswer } from '../image/vision-answer.ts';
import { createMemoryTable } from '../memory-table.ts';
import { textCurrency } from '../text/currency.ts';
import { tablesFromPages, withFields } from '../text/text-document.ts';
import type { TextItem, TextLine } from '../text/text-lines.ts';
import { groupLines } from '../text/text-lines.ts';
import { unreadable } from '../unreadable.ts';
import { pageImage } from './pdf-images.ts';

export interface PdfOptions {
  category: Category;
  vision?: VisionTableExtractor;
  /** Offline OCR of scanned pages when vision is absent; false turns it off (then a scan needs vision). */
  ocr?: OcrOptions | false;
  /** Larger PDFs are refused before they are loaded (pdf.js holds the whole file). */
  maxBytes?: number;
  /** Pages read at most; bills and statements are short. */
  maxPages?: number;
}

/**
 * The exact reason issue #4 promises for a scanned PDF Titan cannot read without Gemini: offline OCR is
 * off, failed, or found no rows (then the reason goes on to say what it found).
 */
export const SCANNED_PDF_REASON = 'scanned PDF: set GEMINI_API_KEY to read it';
/** Scanned pages offline OCR reads at most (each takes a second or two); a longer scan needs vision. */
const MAX_OCR_PAGES = 20;

const DEFAULT_MAX_BYTES = 50 * 1024 ** 2;
const DEFAULT_MAX_PAGES = 200;
/** Fewer non-space characters than this on every page means there is no text layer to read. */
const MIN_TEXT_CHARS = 20;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // verbosity 0: pdf.js logs only errors, not its font warnings, to the server's stderr.
    return await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    throw unreadable(
      name === 'PasswordException'
        ? 'The PDF is password-protected: save a copy without the password and upload that.'
        : 'The PDF is damaged and could not be opened: download or export it again.',
      err,
    );
  }
}

async function pageLines(pdf: PdfDocument, pageNumber: number): Promise<TextLine[]> {
  const page = await pdf.getPage(pageNumber);
  const { height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [, , , , x, baseline] = item.transform as number[];
    // pdf.js gives the baseline in PDF space (y up); lines want the top edge with y down.
    items.push({
      text: item.str,
      x: x!,
      y: height - baseline! - item.height,
      width: item.width,
      height: item.height,
    });
  }
  return groupLines(items);
}

const textChars = (lines: readonly TextLine[]): number =>
  lines.reduce((n, l) => n + l.cells.reduce((m, c) => m + c.text.replace(/\s/g, '').length, 0), 0);

/** Each scanned page's picture read by vision, joined into one table. */
async function readByVision(
  pdf: PdfDocument,
  pages: number,
  options: PdfOptions & { vision: VisionTableExtractor },
  name: string,
): Promise<RawTable[]> {
  let headers: string[] | undefined;
  const rows: string[][] = [];
  for (let p = 1; p <= pages; p++) {
    const image = await pageImage(pdf, p);
    if (!image) continue;
    const found = readVisionAnswer(
      await options.vision({ category: options.category, bytes: image, mimeType: 'image/png' }),
    );
    if (found.headers.length === 0) continue;
    headers ??= found.headers;
    rows.push(...found.rows);
  }
  if (!headers || rows.length === 0)
    throw unreadable('No table could be read from the scanned PDF: check the scan is legible.');
  // Vision reads the table, not the header: a bill in euros says so in its cells ("€ 42.00").
  const currency = textCurrency([...headers, ...rows.flat()]);
  const table = withFields({ headers, rows }, currency === undefined ? {} : { currency });
  return [createMemoryTable(name, table.headers, table.rows)];
}

/** Each scanned page's picture read by offline OCR, then read as a bill like a text layer (text-document.ts). */
async function readByOcr(
  pdf: PdfDocument,
  pages: number,
  ocr: OcrOptions,
  name: string,
): Promise<RawTable[]> {
  if (pages > MAX_OCR_PAGES) {
    throw unreadable(
      `${SCANNED_PDF_REASON}: offline OCR reads scans of up to ${MAX_OCR_PAGES} pages and this one has ${pages}; or split it.`,
    );
  }
  const lines: TextLine[][] = [];
  for (let p = 1; p <= pages; p++) {
    const image = await pageImage(pdf, p);
    if (!image) continue;
    try {
      lines.push(groupLines(await ocrWords(image, ocr)));
    } catch (err) {
      throw unreadable(SCANNED_PDF_REASON, err);
    }
  }
  const tables = tablesFromPages(lines, name);
  if (tables.length > 0) return tables;
  const found = lines.reduce((n, page) => n + page.length, 0);
  throw unreadable(
    `${SCANNED_PDF_REASON}: offline OCR found ${found} lines of text on ${lines.length} scanned pages but no rows ` +
      'with amounts; a straight, sharp scan (300 dpi) of the whole bill may read.',
  );
}

/** Parses a PDF's tables; throws 'ingest.unreadable' (a scan neither vision nor OCR reads, no table, damaged) or 'ingest.too_large'. */
export async function parsePdf(file: IncomingFile, options: PdfOptions): Promise<RawTable[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file.size > maxBytes) {
    throw new TitanError(
      'ingest.too_large',
      `The PDF is over ${maxBytes / 1024 ** 2} MB: split it and upload the parts.`,
    );
  }
  const pdf = await openPdf(new Uint8Array(await readFile(file.path)));
  try {
    const pages = Math.min(pdf.numPages, options.maxPages ?? DEFAULT_MAX_PAGES);
    const lines: TextLine[][] = [];
    for (let p = 1; p <= pages; p++) lines.push(await pageLines(pdf, p));
    if (lines.every((page) => textChars(page) < MIN_TEXT_CHARS)) {
      const { vision, ocr } = options;
      if (vision) return await readByVision(pdf, pages, { ...options, vision }, file.name);
      if (ocr === false) throw unreadable(SCANNED_PDF_REASON);
      return await readByOcr(pdf, pages, ocr ?? {}, file.name);
    }
    const tables = tablesFromPages(lines, file.name);
    if (tables.length === 0) {
      throw unreadable(
        'No table found in the PDF: it needs a header row (e.g. Item, Qty, Amount) above its lines.',
      );
    }
    return tables;
  } finally {
    await pdf.destroy();
  }
}
