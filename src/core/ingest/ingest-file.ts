// One file through the pipeline: content hash → already loaded? → parse and map → load in one transaction → outcome.
import type { Clock } from '../clock.ts';
import { TitanError, toTitanError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';
import type { Category } from '../warehouse/tables.ts';
import { hashFileContent } from './content-hash.ts';
import type { IngestRecords } from './load/ingest-records.ts';
import { loadRows } from './load/load-rows.ts';
import type { FileOutcome } from './outcome.ts';
import { readHead } from './parse/file-head.ts';
import {
  asPhotoFailure,
  otherPictureFormat,
  PICTURE_MAGIC_BYTES,
  unreadablePicture,
} from './parse/image/image.ts';
import { sniffFile } from './parse/sniff.ts';
import type { IncomingFile } from './port.ts';
import type { PrepareFile } from './prepare.ts';

export interface FilePipeline {
  warehouse: Warehouse;
  records: IngestRecords;
  prepare: PrepareFile;
  clock: Clock;
  logger: Logger;
}

export interface IngestFileRequest {
  file: IncomingFile;
  category: Category;
  scope: Scope;
  jobId: string | null;
  onProgress?: (rowsRead: number) => void;
}

/** A failure is the file's own (quarantine it) unless the warehouse, a source or the LLM let us down. */
const isFileFault = (err: TitanError): boolean => err.code.startsWith('ingest.');

/** Whatever a parser threw while reading the bytes is the file's fault; TitanErrors keep their code. */
function asFileError(err: unknown, name: string): TitanError {
  if (err instanceof TitanError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new TitanError(
    'ingest.unreadable',
    `${name} could not be read (${message}); check it opens and re-export it.`,
    {
      cause: err,
    },
  );
}

/** Failures whose wording is about a spreadsheet's headers or rows: for a photo they are reworded. */
const PHOTO_REWORDED = new Set(['ingest.unmapped', 'ingest.bad_rows']);

/**
 * A photo's failure says what to do about the photo, not a spreadsheet's headers or rows: a picture in a format Titan
 * does not read (a HEIC from an iPhone) reached the CSV reader, and a photo's columns are what vision or OCR read.
 * A file that cannot be sniffed keeps its reason.
 */
async function forFile(err: TitanError, file: IncomingFile): Promise<TitanError> {
  if (err.code === 'ingest.unreadable') {
    const head = await readHead(file.path, PICTURE_MAGIC_BYTES).catch(() => undefined);
    const format = head === undefined ? undefined : otherPictureFormat(head.bytes);
    return format === undefined ? err : unreadablePicture(format, err);
  }
  if (!PHOTO_REWORDED.has(err.code)) return err;
  const kind = await sniffFile(file).then(
    (sniffed) => sniffed.kind,
    () => undefined,
  );
  return kind === 'image' ? asPhotoFailure(err) : err;
}

/** Ingests one local file; never throws for a bad file, returning a 'failed' outcome with its reason instead. */
export async function ingestFile(p: FilePipeline, req: IngestFileRequest): Promise<FileOutcome> {
  const { file, category, scope, jobId } = req;
  const ingestedAt = p.clock.now().toISOString();
  const contentHash = await hashFileContent(file.path);
  const base = { name: file.name, contentHash };
  const record = (outcome: FileOutcome) =>
    p.records.recordFile(p.warehouse, {
      contentHash,
      jobId,
      scope,
      category,
      fileName: file.name,
      outcome: outcome.outcome,
      ingestedAt,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      ...(outcome.rows === undefined ? {} : { rows: outcome.rows }),
    });

  try {
    // Checked before parsing too, so a big file seen before costs one hash and one query.
    const prior = await p.records.loadedRows(p.warehouse, { contentHash, category, scope });
    let outcome: FileOutcome;
    if (prior !== undefined) {
      outcome = { ...base, outcome: 'already_loaded', rows: prior };
    } else {
      const prepared = await p.prepare(file, category, scope);
      const loaded = await loadRows(p.warehouse, p.records, {
        category,
        scope,
        fileName: file.name,
        contentHash,
        jobId,
        ingestedAt,
        batches: prepared.batches,
        columns: prepared.columns,
        report: prepared.report,
        ...(req.onProgress === undefined ? {} : { onProgress: req.onProgress }),
      }).finally(() => prepared.close?.());
      outcome =
        loaded.outcome === 'loaded'
          ? {
              ...base,
              outcome: 'loaded',
              rows: loaded.rows,
              ...(loaded.note ? { reason: loaded.note } : {}),
              report: loaded.report,
            }
          : { ...base, outcome: 'already_loaded', rows: loaded.rows };
    }
    // A fresh load recorded itself inside its transaction; everything else is recorded here, for status.
    if (outcome.outcome !== 'loaded') await record(outcome);
    p.logger.info({ file: file.name, category, outcome: outcome.outcome, rows: outcome.rows }, 'ingest file');
    return outcome;
  } catch (err) {
    const e = await forFile(asFileError(err, file.name), file);
    const outcome: FileOutcome = { ...base, outcome: 'failed', reason: e.message, code: e.code };
    if (!isFileFault(e)) outcome.transient = true;
    p.logger.warn({ file: file.name, category, code: e.code, reason: e.message }, 'ingest file failed');
    await record(outcome).catch((recordErr: unknown) =>
      p.logger.error(
        { file: file.name, err: toTitanError(recordErr).message },
        'could not record ingest failure',
      ),
    );
    return outcome;
  }
}
