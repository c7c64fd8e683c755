// The real PrepareFile: parse the file, pick and map its best table (stored layout → heuristics → LLM), build its rows.
import type { LlmSchemaMapper, VisionTableExtractor } from './contracts.ts';
import { buildBatches, createRowBuilder } from './load/row-builder.ts';
import { type MappingStore, mapBestTable } from './map/map-table.ts';
import { createRowNormaliser } from './normalise/normalise-row.ts';
import { parseFile } from './parse/parse-file.ts';
import { sniffFile } from './parse/sniff.ts';
import type { PrepareFile } from './prepare.ts';
import { startRowWorker } from './worker/row-worker-thread.ts';

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

  return async (file, category, scope) => {
    const llm = options.llm?.() ?? {};
    // Started first, so it boots while this thread reads the head and maps it. PDFs and photos never use
    // it: they are small, and vision and OCR hold clients and caches a worker would have to rebuild.
    const kind = file.size >= workerMinBytes ? (await sniffFile(file)).kind : undefined;
    const worker = kind === 'csv' || kind === 'zip' ? startRowWorker() : undefined;
    try {
      const tables = await parseFile(file, {
        category,
        ...(llm.extractTable === undefined ? {} : { vision: llm.extractTable }),
      });
      const { table, mapping } = await mapBestTable({
        tables,
        category,
        store: options.mappings,
        ...(llm.mapSchema === undefined ? {} : { llm: llm.mapSchema }),
      });
      const named = table.name === undefined ? {} : { table: table.name };
      const builder = createRowBuilder(createRowNormaliser(mapping, category), category, scope);
      if (worker && table.source) {
        const source = { ...table.source, batchRows: WORKER_BATCH_ROWS };
        // A CSV is cheap to parse, so the worker builds its rows too and this thread only inserts; a
        // worksheet costs about as much to parse as to build and insert, so the worker only parses it.
        const batches =
          source.kind === 'csv'
            ? worker.build(source, { mapping, category, scope })
            : buildBatches(worker.read(source), builder);
        return { columns: builder.columns, batches, close: worker.close, ...named };
      }
      await worker?.close();
      return { columns: builder.columns, batches: buildBatches(table.rows(), builder), ...named };
    } catch (err) {
      await worker?.close();
      throw err;
    }
  };
}
