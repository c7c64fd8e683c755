// The one entry point for reading a file: sniffs what it really is and hands it to the matching parser.
// Each parser is loaded the first time a file of its kind arrives: a process that never reads a PDF or a photo
// (every `titan ask`) never loads pdf.js or the OCR engine's glue.
import type { Category } from '../../warehouse/tables.ts';
import type { IncomingFile, RawTable, VisionTableExtractor } from '../port.ts';
import type { OcrOptions } from './image/ocr.ts';
import { sniffFile } from './sniff.ts';
import type { SheetSkipListener } from './xlsx/xlsx-skipped.ts';
import type { ZipLimits } from './xlsx/zip-directory.ts';

export interface ParseOptions {
  /** The category being ingested (vision prompts are tailored to it). */
  category: Category;
  /** Gemini vision, when configured: reads scanned PDFs and photos. */
  vision?: VisionTableExtractor;
  /** Offline OCR for photos when vision is absent; false disables it. */
  ocr?: OcrOptions | false;
  /** Rows per batch from RawTable.rows(). */
  batchRows?: number;
  /** The xlsx zip-bomb limits (DEFAULT_ZIP_LIMITS otherwise). */
  zipLimits?: ZipLimits;
  /** Told of each sheet of a workbook left out, and why (the ingest report's sheetsSkipped). */
  onSheetSkipped?: SheetSkipListener;
}

/**
 * Reads a file into its tables (one per sheet or PDF table; CSV and photos give one). The content
 * decides the parser, not the name: a CSV named .xlsx is read as CSV. Throws a TitanError:
 * 'ingest.unreadable' or 'ingest.too_large' with a reason the owner can act on.
 */
export async function parseFile(file: IncomingFile, options: ParseOptions): Promise<RawTable[]> {
  const sniffed = await sniffFile(file);
  switch (sniffed.kind) {
    case 'csv':
      return [await (await import('./csv/csv.ts')).parseCsv(file, options)];
    case 'zip':
      return (await import('./xlsx/xlsx.ts')).parseXlsx(file, options);
    case 'pdf':
      return (await import('./pdf/pdf.ts')).parsePdf(file, options);
    case 'image':
      return (await import('./image/image.ts')).parseImage(file, { ...options, mimeType: sniffed.mimeType });
  }
}
