// The loader: every row of a file and its ingest_files record in ONE warehouse transaction, so a file lands whole or not at all.
import { TitanError } from '../../errors.ts';
import type { Scope } from '../../model/scope.ts';
import type { Row, Warehouse } from '../../warehouse/port.ts';
import { CATEGORY_TABLE, type Category } from '../../warehouse/tables.ts';
import type { NormaliseResult } from '../normalise/normalise-row.ts';
import { BadRowTally } from './bad-rows.ts';
import type { IngestRecords } from './ingest-records.ts';
import { rowHash } from './row-hash.ts';
import { businessColumns } from './table-columns.ts';

/** One source row → canonical values or the reason it cannot be (the normaliser's own result, no copy). */
export type RowConverter = (raw: string[]) => NormaliseResult;

export interface LoadRequest {
  category: Category;
  scope: Scope;
  /** Stored in `_source_file` and ingest_files.file_name. */
  fileName: string;
  contentHash: string;
  jobId: string | null;
  ingestedAt: string;
  /** The file's data rows in batches, read while the transaction is open (bounded memory). */
  batches: AsyncIterable<string[][]>;
  convert: RowConverter;
  /** Called after each batch with the rows read so far (progress bars). */
  onProgress?: (rowsRead: number) => void;
}

export type LoadResult =
  | { outcome: 'loaded'; rows: number; note?: string }
  | { outcome: 'already_loaded'; rows: number };

/**
 * Loads a file's rows, or finds it already loaded. Throws a TitanError (and stores nothing) for a file
 * with no data rows or more bad rows than allowed; the caller records that failure.
 */
export async function loadRows(
  warehouse: Warehouse,
  records: IngestRecords,
  req: LoadRequest,
): Promise<LoadResult> {
  const table = CATEGORY_TABLE[req.category];
  const columns = businessColumns(req.category);
  const hashed = ['org_id', 'location_id', ...columns];
  const { orgId, locationId } = req.scope;
  const key = { contentHash: req.contentHash, category: req.category, scope: req.scope };

  return warehouse.transaction(async (tx): Promise<LoadResult> => {
    // Checked inside the transaction: two loads of the same content racing each other serialise here.
    const prior = await records.loadedRows(tx, key);
    if (prior !== undefined) return { outcome: 'already_loaded', rows: prior };

    const bad = new BadRowTally();
    let read = 0;
    let stored = 0;
    for await (const batch of req.batches) {
      const rows: Row[] = [];
      for (const raw of batch) {
        read += 1;
        const converted = req.convert(raw);
        if (!converted.ok) {
          bad.add(read, converted.error);
          continue;
        }
        // The normaliser's fresh row is completed in place rather than copied (one object less per row);
        // every row gets the same keys in the same order, so the warehouse reuses one prepared INSERT.
        const row: Row = converted.row;
        for (const c of columns) row[c] ??= null;
        row.org_id = orgId;
        row.location_id = locationId;
        row._source_file = req.fileName;
        row._master_category = req.category;
        row._ingested_at = req.ingestedAt;
        row._row_hash = rowHash(row, hashed);
        rows.push(row);
      }
      if (rows.length > 0) stored += await tx.insertRows(table, rows);
      req.onProgress?.(read);
    }
    if (read === 0) {
      throw new TitanError(
        'ingest.unreadable',
        'The file has no data rows (empty, or a header only); nothing to load.',
      );
    }
    bad.check(read);
    const note = bad.note();
    await records.recordFile(tx, {
      contentHash: req.contentHash,
      jobId: req.jobId,
      scope: req.scope,
      category: req.category,
      fileName: req.fileName,
      outcome: 'loaded',
      rows: stored,
      ingestedAt: req.ingestedAt,
      ...(note === undefined ? {} : { reason: note }),
    });
    return note === undefined
      ? { outcome: 'loaded', rows: stored }
      : { outcome: 'loaded', rows: stored, note };
  });
}
