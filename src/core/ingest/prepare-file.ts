// The real PrepareFile: parse the file, pick and map its best table (stored layout → heuristics → LLM), build its rows.
import type { Scope } from '../model/scope.ts';
import type { Category } from '../warehouse/tables.ts';
import type { IncomingFile, LlmSchemaMapper, VisionTableExtractor } from './contracts.ts';
import { buildBatches, builtColumns, createRowBuilder } from './load/row-builder.ts';
import { type MappingStore, mapBestTable } from './map/map-table.ts';
import { createRowNormaliser } from './normalise/normalise-row.ts';
import { parseFile } from './parse/parse-file.ts';
import { sniffFile } from './parse/sniff.ts';
import type { PreparedFile, PrepareFile } from './prepare.ts';
import { openInWorker } from './worker/open-in-worker.ts';

/**
 * CSV and xlsx files from this size on are read in a worker thread, which parses, normalises and hashes
 * while the main thread inserts. Below it the worker's start-up (~0.2 s to load tsx and the parsers)
 * would cost more than the overlap saves.
 */
export const DEFAULT_WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Rows per batch from the worker: each batch is one message and one text to split. Measured on a 1M-row
 * CSV: 512 → 3.2 s, 1,024 → 3.0 s, 2,048 → 3.3 s (bigger batches outlive young-generation collections).
 */
const WORKER_BATCH_ROWS = 1024;

export interface IngestLlm {
  /** Maps unusual layouts from ≤50 sample rows (Gemini when configured). */
  mapSchema?: LlmSchemaMapper;
  /** Reads scanned PDFs and photos (Gemini vision when configured). */
  extractTable?: VisionTableExtractor;
}

export interface FilePreparerOptions {
  mappings: MappingStore;
  /** Read per file, so configuring Gemini later takes effect without a restart. */
  llm?: () => IngestLlm;
  /** CSV and xlsx files of at least this many bytes are read in a worker thread; Infinity never. */
  workerMinBytes?: number;
}

export function createFilePreparer(options: FilePreparerOptions): PrepareFile {
  const workerMinBytes = options.workerMinBytes ?? DEFAULT_WORKER_MIN_BYTES;
  const mapBest = <T extends { headers: string[]; sample: string[][] }>(
    tables: readonly T[],
    category: Category,
    llm: IngestLlm,
  ) =>
    mapBestTable({
      tables,
      category,
      store: options.mappings,
      ...(llm.mapSchema === undefined ? {} : { llm: llm.mapSchema }),
    });

  async function inWorker(
    file: IncomingFile,
    kind: 'csv' | 'zip',
    category: Category,
    scope: Scope,
    llm: IngestLlm,
  ): Promise<PreparedFile> {
    const opened = await openInWorker(file, { kind, batchRows: WORKER_BATCH_ROWS });
    try {
      const { table, mapping } = await mapBest(opened.tables, category, llm);
      const plan = { table: opened.tables.indexOf(table), mapping, category, scope };
      return {
        columns: builtColumns(category),
        batches: opened.build(plan),
        close: opened.close,
        ...(table.name === undefined ? {} : { table: table.name }),
      };
    } catch (err) {
      await opened.close();
      throw err;
    }
  }

  return async (file, category, scope) => {
    const llm = options.llm?.() ?? {};
    // PDFs and photos stay here: vision and OCR hold clients and caches a worker would have to rebuild.
    const kind = file.size >= workerMinBytes ? (await sniffFile(file)).kind : undefined;
    if (kind === 'csv' || kind === 'zip') return inWorker(file, kind, category, scope, llm);
    const tables = await parseFile(file, {
      category,
      ...(llm.extractTable === undefined ? {} : { vision: llm.extractTable }),
    });
    const { table, mapping } = await mapBest(tables, category, llm);
    const builder = createRowBuilder(createRowNormaliser(mapping, category), category, scope);
    return {
      columns: builder.columns,
      batches: buildBatches(table.rows(), builder),
      ...(table.name === undefined ? {} : { table: table.name }),
    };
  };
}
