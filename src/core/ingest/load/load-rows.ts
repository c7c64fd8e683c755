// The loader: every row of a file and its ingest_files record in ONE warehouse transaction, so a file lands whole or not at all.
import { TitanError } from '../../errors.ts';
import type { Scope } from '../../model/scope.ts';
import { schemaAfter } from '../../warehouse/migrations.ts';
import type { Warehouse } from '../../warehouse/port.ts';
import { CATEGORY_TABLE, type Category, type ColumnDef } from '../../warehouse/tables.ts';
import type { ReadReport } from '../map/read-report.ts';
import { distinctSites, multipleSites, oneSiteNote } from '../map/site-column.ts';
import type { IngestReport } from '../outcome.ts';
import { BadRowTally } from './bad-rows.ts';
import type { IngestRecords } from './ingest-records.ts';
import { createOrderDedupe, duplicatesNote } from './order-dedupe.ts';
import type { BuiltBatch } from './row-builder.ts';
import { createRowTextReader } from './row-text.ts';
import { SeenTally } from './seen-values.ts';

export interface LoadRequest {
  category: Category;
  scope: Scope;
  /** Stored in `_source_file` and ingest_files.file_name. */
  fileName: string;
  contentHash: string;
  jobId: string | null;
  ingestedAt: string;
  /** The file's rows, built, in batches read while the transaction is open (bounded memory). */
  batches: AsyncIterable<BuiltBatch>;
  /** The order of every row's values (RowBuilder.columns). */
  columns: readonly string[];
  /** Called after each batch with the rows read so far (progress bars). */
  onProgress?: (rowsRead: number) => void;
  /** How the file was read; the loader completes it with what the rows showed and stores it with the file. */
  report?: ReadReport;
}

export type LoadResult =
  | { outcome: 'loaded'; rows: number; note?: string; report: IngestReport }
  | { outcome: 'already_loaded'; rows: number };

/** The source column mapped onto `column`, from the report's mapping. */
const sourceOf = (report: ReadReport | undefined, column: string): string | undefined =>
  report?.mapping.find((m) => m.column === column)?.source;

/**
 * The whole report: the read half plus skipped rows, unknown statuses and the one site the rows name.
 * Throws when the rows name several sites (the transaction then stores nothing).
 */
function completeReport(
  req: LoadRequest,
  bad: BadRowTally,
  seen: SeenTally,
  duplicates: number,
): IngestReport {
  const read = req.report ?? { mapping: [], unmapped: [] };
  const notes = [...(read.notes ?? [])];
  const siteColumn = sourceOf(read, 'location_id');
  if (siteColumn !== undefined) {
    const sites = distinctSites(seen.sites);
    if (sites.length > 1) throw multipleSites(siteColumn, sites);
    if (sites[0] !== undefined) notes.push(oneSiteNote(siteColumn, sites[0], req.scope.locationId));
  }
  const unknown = [...seen.unknownStatuses];
  return {
    ...read,
    skipped: bad.byReason(),
    ...(duplicates === 0 ? {} : { duplicates }),
    ...(unknown.length === 0
      ? {}
      : { unknownValues: [{ column: sourceOf(read, 'status') ?? 'status', values: unknown }] }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}

/** The warehouse's definitions of `names`, which tell the row text's numbers from its strings. */
function columnDefs(table: string, names: readonly string[]): ColumnDef[] {
  const defs = schemaAfter().get(table)?.columns ?? [];
  return names.map((name) => {
    const def = defs.find((c) => c.name === name);
    if (!def) throw new Error(`table ${table} has no column ${name}`);
    return def;
  });
}

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
  const readText = createRowTextReader(columnDefs(table, req.columns));
  const key = { contentHash: req.contentHash, category: req.category, scope: req.scope };
  // Scope and lineage are the same on every row of a file: bound once per statement, not once per row.
  const shared = {
    org_id: req.scope.orgId,
    location_id: req.scope.locationId,
    _source_file: req.fileName,
    _master_category: req.category,
    _ingested_at: req.ingestedAt,
  };
  const dedupe = createOrderDedupe({
    dialect: warehouse.dialect,
    table,
    scope: req.scope,
    columns: req.columns,
    fileName: req.fileName,
    ingestedAt: req.ingestedAt,
  });

  return warehouse.transaction(async (tx): Promise<LoadResult> => {
    // Checked inside the transaction: two loads of the same content racing each other serialise here.
    const prior = await records.loadedRows(tx, key);
    if (prior !== undefined) return { outcome: 'already_loaded', rows: prior };

    const bad = new BadRowTally();
    const seen = new SeenTally();
    let read = 0;
    let stored = 0;
    let duplicates = 0;
    for await (const batch of req.batches) {
      for (const { index, error } of batch.bad) bad.add(read + index + 1, error);
      seen.add(batch.seen);
      read += batch.read;
      if (batch.rows > 0) {
        let values = readText(batch.text);
        if (dedupe) {
          const fresh = await dedupe.filter(tx, values);
          values = fresh.values;
          duplicates += fresh.duplicates;
        }
        if (values.length > 0)
          stored += await tx.insertBlock(table, { columns: req.columns, values, shared });
      }
      req.onProgress?.(read);
    }
    if (read === 0) {
      throw new TitanError(
        'ingest.unreadable',
        'The file has no data rows (empty, or a header only); nothing to load.',
      );
    }
    bad.check(read);
    const report = completeReport(req, bad, seen, duplicates);
    const notes = [bad.note(), duplicatesNote(duplicates, stored)].filter((n) => n !== undefined);
    const note = notes.length === 0 ? undefined : notes.join('; ');
    await records.recordFile(tx, {
      contentHash: req.contentHash,
      jobId: req.jobId,
      scope: req.scope,
      category: req.category,
      fileName: req.fileName,
      outcome: 'loaded',
      rows: stored,
      ingestedAt: req.ingestedAt,
      report,
      ...(note === undefined ? {} : { reason: note }),
    });
    return note === undefined
      ? { outcome: 'loaded', rows: stored, report }
      : { outcome: 'loaded', rows: stored, note, report };
  });
}
