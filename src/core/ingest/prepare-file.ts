// The real PrepareFile: parse the file, pick and map its best table (stored layout → heuristics → LLM), build its rows.

import { buildBatches, createRowBuilder } from './load/row-builder.ts';
import { settleDateOrder } from './map/date-order.ts';
import { type MappingStore, mapBestTable } from './map/map-table.ts';
import { describeRead } from './map/read-report.ts';
import { createRowNormaliser } from './normalise/normalise-row.ts';
import { parseFile } from './parse/parse-file.ts';
import { sniffFile } from './parse/sniff.ts';
import { withCurrencyColumn } from './parse/text/currency.ts';
import type { SkippedSheet } from './parse/xlsx/xlsx-skipped.ts';
import { unchosenSheets } from './parse/xlsx/xlsx-unchosen.ts';
import type { LlmSchemaMapper, VisionTableExtractor } from './port.ts';
import type { PrepareFile } from './prepare.ts';
import type { StoredSuppliers } from './tally/stored-suppliers.ts';
import { withSuppliers } from './tally/supplier-payments.ts';
import { startRowWorker } from './worker/row-worker-thread.ts';

/**
 * Files from these sizes on are read with a row worker thread. Below them the worker's start-up (~0.2 s,
 * mostly tsx) costs more than the overlap saves: measured break-even about 10 MB of CSV (130k rows) and
 * 3 MB of xlsx (50k rows).
 */
export const DEFAULT_WORKER_MIN_BYTES = { csv: 10 * 1024 * 1024, zip: 3 * 1024 * 1024 } as const;

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
  /** CSV and xlsx files of at least this many bytes are read with a worker thread (0 always, Infinity never). */
  workerMinBytes?: number;
  /**
   * The vendors a scope's stored purchases name: a Tally Payment to one is a settlement. Without it, only a file's
   * own evidence counts.
   */
  storedSuppliers?: StoredSuppliers;
}

const NO_SUPPLIERS: ReadonlySet<string> = new Set();

export function createFilePreparer(options: FilePreparerOptions): PrepareFile {
  const threshold = (kind: 'csv' | 'zip'): number => options.workerMinBytes ?? DEFAULT_WORKER_MIN_BYTES[kind];

  return async (file, category, scope) => {
    const llm = options.llm?.() ?? {};
    // Started first, so it boots while this thread reads the head and maps it. PDFs and photos never use
    // it: they are small, and vision and OCR hold clients and caches a worker would have to rebuild.
    const { kind } = await sniffFile(file);
    const worker =
      (kind === 'csv' || kind === 'zip') && file.size >= threshold(kind) ? startRowWorker() : undefined;
    try {
      const unread: SkippedSheet[] = [];
      const tables = await parseFile(file, {
        category,
        onSheetSkipped: (sheet) => unread.push(sheet),
        ...(llm.extractTable === undefined ? {} : { vision: llm.extractTable }),
      });
      const { table, mapping: sampled } = await mapBestTable({
        tables,
        category,
        store: options.mappings,
        ...(llm.mapSchema === undefined ? {} : { llm: llm.mapSchema }),
      });
      // A sample without a telling date (a day-first POS export's first 50 rows all fall on the 1st) is settled
      // from the whole column, read up to its first telling date: cheap unless no row tells, when all must be read.
      const dated = await settleDateOrder(sampled, () => table.rows());
      // A Tally export loaded as expenses is read once for the suppliers it bills, wherever they come in it, and
      // only such a file asks for the site's stored purchase vendors: other files never pay for the query.
      const settled = await withSuppliers(
        dated,
        () => table.rows(),
        async () => (await options.storedSuppliers?.(scope)) ?? NO_SUPPLIERS,
      );
      const mapping = { ...settled, mapping: withCurrencyColumn(settled.mapping, table.headers) };
      const named = table.name === undefined ? {} : { table: table.name };
      const report = describeRead({
        headers: table.headers,
        sample: table.sample,
        category,
        mapping: mapping.mapping,
        ...(mapping.site === undefined ? {} : { site: mapping.site }),
        ...(mapping.charges === undefined ? {} : { charges: mapping.charges }),
        ...(mapping.dateEvidence === undefined ? {} : { dateOrder: mapping.dateEvidence }),
        sheetsSkipped: [...unchosenSheets(tables, table, category), ...unread],
      });
      // A bill read off a page (text layer, OCR, vision) can be misread; an export's numbers are data.
      const builder = createRowBuilder(createRowNormaliser(mapping, category), category, scope, {
        checkLines: kind === 'pdf' || kind === 'image',
      });
      if (worker && table.source) {
        const source = { ...table.source, batchRows: WORKER_BATCH_ROWS };
        // A CSV is cheap to parse, so the worker builds its rows too and this thread only inserts; a
        // worksheet costs about as much to parse as to build and insert, so the worker only parses it.
        const batches =
          source.kind === 'csv'
            ? worker.build(source, { mapping, category, scope })
            : buildBatches(worker.read(source), builder);
        return { columns: builder.columns, batches, report, close: worker.close, ...named };
      }
      await worker?.close();
      return { columns: builder.columns, batches: buildBatches(table.rows(), builder), report, ...named };
    } catch (err) {
      await worker?.close();
      throw err;
    }
  };
}
