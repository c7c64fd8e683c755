// Photos of bills (png, jpg, webp) → RawTables: Gemini vision when configured, else offline OCR turned into rows.
import { readFile } from 'node:fs/promises';
import { TitanError } from '../../errors.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { IncomingFile, RawTable, VisionTableExtractor } from '../contracts.ts';
import { createMemoryTable } from './memory-table.ts';
import { type OcrOptions, ocrWords } from './ocr.ts';
import { tablesFromPages } from './text-document.ts';
import { groupLines } from './text-lines.ts';
import { unreadable } from './unreadable.ts';
import { readVisionAnswer } from './vision-answer.ts';

export interface ImageOptions {
  category: Category;
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp';
  vision?: VisionTableExtractor;
  /** Offline OCR settings; false turns OCR off (then an image needs vision). */
  ocr?: OcrOptions | false;
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 20 * 1024 ** 2;

export async function parseImage(file: IncomingFile, options: ImageOptions): Promise<RawTable[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file.size > maxBytes) {
    throw new TitanError(
      'ingest.too_large',
      `The image is over ${maxBytes / 1024 ** 2} MB: send a smaller photo.`,
    );
  }
  if (options.vision) {
    const bytes = new Uint8Array(await readFile(file.path));
    const found = readVisionAnswer(
      await options.vision({ category: options.category, bytes, mimeType: options.mimeType }),
    );
    if (found.headers.length === 0 || found.rows.length === 0) {
      throw unreadable(
        'No table could be read from the image: photograph the whole bill, flat and in good light.',
      );
    }
    return [createMemoryTable(file.name, found.headers, found.rows)];
  }
  if (options.ocr === false) {
    throw unreadable(
      'Reading photos needs Gemini: set GEMINI_API_KEY, or upload the bill as CSV, XLSX or PDF.',
    );
  }
  const lines = groupLines(await ocrWords(file.path, options.ocr));
  const tables = tablesFromPages([lines], file.name);
  if (tables.length === 0) {
    throw unreadable(
      `No table could be read from the image (offline OCR found ${lines.length} lines of text but no rows with amounts): ` +
        'photograph the bill flat and in good light, or set GEMINI_API_KEY for better reading.',
    );
  }
  return tables;
}
