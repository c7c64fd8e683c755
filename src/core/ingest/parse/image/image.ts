// Photos of bills (png, jpg, webp) → RawTables: Gemini vision when configured, else offline OCR turned into rows.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { TitanError } from '../../../errors.ts';
import type { Category } from '../../../warehouse/tables.ts';
import type { IncomingFile, RawTable, VisionTableExtractor } from '../../port.ts';
import { createMemoryTable } from '../memory-table.ts';
import { tablesFromPages } from '../text/text-document.ts';
import { groupLines } from '../text/text-lines.ts';
import { unreadable } from '../unreadable.ts';
import { type OcrOptions, ocrWords } from './ocr.ts';
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

/** What makes a photo of a bill readable: every failure of a photo ends with it. */
const PHOTO_ADVICE =
  'photograph the whole bill flat, in focus and in good light, with every line and the total in frame';

/** Picture formats Titan does not read, by their first bytes: phones and scanners make them too. */
const OTHER_FORMATS: { name: string; at: number; magic: string }[] = [
  { name: 'HEIC', at: 4, magic: 'ftypheic' },
  { name: 'HEIC', at: 4, magic: 'ftypheix' },
  { name: 'HEIC', at: 4, magic: 'ftypmif1' },
  { name: 'HEIC', at: 4, magic: 'ftyphevc' },
  { name: 'GIF', at: 0, magic: 'GIF8' },
  { name: 'TIFF', at: 0, magic: 'II*\0' },
  { name: 'TIFF', at: 0, magic: 'MM\0*' },
];

/** The first bytes that tell a picture format apart. */
export const PICTURE_MAGIC_BYTES = 12;

/** The name of a picture format Titan does not read ("HEIC"), from a file's first bytes; undefined otherwise. */
export function otherPictureFormat(head: Uint8Array): string | undefined {
  const text = Buffer.from(head.subarray(0, PICTURE_MAGIC_BYTES)).toString('latin1');
  return OTHER_FORMATS.find((f) => text.startsWith(f.magic, f.at))?.name;
}

/** The reason for a picture in a format Titan does not read, replacing whatever the CSV reader made of its bytes. */
export function unreadablePicture(format: string, cause: TitanError): TitanError {
  const tip = format === 'HEIC' ? ' (on an iPhone: Settings → Camera → Formats → Most Compatible)' : '';
  return unreadable(
    `This is a ${format} picture, which Titan does not read: send the bill as a JPEG or PNG photo${tip}, or as a PDF.`,
    cause,
  );
}

/** What mapping and row checks put in their errors' detail that a photo's reason can use. */
const FailureDetail = z.object({
  missing: z.array(z.string()).optional(),
  badRows: z.number().optional(),
  totalRows: z.number().optional(),
});

/**
 * A later step's failure of a photo, reworded for a photo. Its headers and rows are what vision or OCR made of
 * the bill, so advice to rename headers or fix rows cannot apply: a better photo can. Other failures (a wrong
 * category, several sites, a transient one) are returned as they are.
 */
export function asPhotoFailure(err: TitanError): TitanError {
  const parsed = FailureDetail.safeParse(err.detail ?? {});
  const { missing, badRows, totalRows } = parsed.success ? parsed.data : {};
  let what: string | undefined;
  if (err.code === 'ingest.unmapped' && missing !== undefined) {
    what = `could not find the bill's ${missing.join(' and ')} in this photo`;
  } else if (err.code === 'ingest.bad_rows' && badRows !== undefined && totalRows !== undefined) {
    what = `could not make sense of ${badRows} of the ${totalRows} lines it read from this photo`;
  }
  if (what === undefined) return err;
  return new TitanError(err.code, `Titan ${what}: ${PHOTO_ADVICE}; or upload the bill as a PDF or CSV.`, {
    cause: err,
    ...(err.detail === undefined ? {} : { detail: err.detail }),
  });
}

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
      throw unreadable(`No table could be read from the photo: ${PHOTO_ADVICE}.`);
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
      `No table could be read from the photo (offline OCR found ${lines.length} lines of text but no rows with amounts): ` +
        `${PHOTO_ADVICE}, or set GEMINI_API_KEY for better reading.`,
    );
  }
  return tables;
}
