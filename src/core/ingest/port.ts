// The seams inside the ingester: parsers produce raw tables, the mapper maps headers, the loader stores rows.
import type { Category } from '../warehouse/tables.ts';
import type { RowSource } from './parse/row-source.ts';

/** A file to ingest, wherever it came from. */
export interface IncomingFile {
  name: string;
  /** Local path of the bytes (sources download to a temp file first, so big files stream). */
  path: string;
  size: number;
  mimeType?: string;
}

/** A raw table as a parser found it: header row located, blank and total rows skipped. */
export interface RawTable {
  /** Sheet or page name, when the file has several. */
  name?: string;
  headers: string[];
  /** Up to MAX_LLM_SAMPLE_ROWS rows, for mapping. */
  sample: string[][];
  /** Every data row, streamed in batches (bounded memory for huge files). */
  rows(): AsyncIterable<string[][]>;
  /** The same rows as plain data, for tables streamed from a file (CSV, xlsx): a worker thread can read them. */
  source?: RowSource;
}

/** Canonical column name → index of the source column. */
export type ColumnMapping = Record<string, number>;

export interface MappingResult {
  mapping: ColumnMapping;
  confidence: number;
  source: 'stored' | 'heuristic' | 'llm';
  fingerprint: string;
}

/** Asks an LLM to map headers; implemented in core/llm. Receives at most MAX_LLM_SAMPLE_ROWS rows. */
export type LlmSchemaMapper = (input: {
  category: Category;
  headers: string[];
  sample: string[][];
}) => Promise<{ mapping: Record<string, string | null>; confidence: number }>;

/** Extracts a table from a scanned PDF page or a photo; implemented in core/llm (Gemini vision). */
export type VisionTableExtractor = (input: {
  category: Category;
  bytes: Uint8Array;
  mimeType: string;
}) => Promise<{ headers: string[]; rows: string[][] }>;
