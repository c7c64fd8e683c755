// Builds the ingester once for the composition root: sources, mapping store, preparer, jobs service and folder watcher.
import type { Clock } from '../clock.ts';
import type { ConfigValues } from '../config/schema.ts';
import type { Locks } from '../locks/locks.ts';
import type { Logger } from '../logger.ts';
import { createFolderWatcher, type FolderWatcher } from '../schedule/folder-watcher.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { createIngestService, type IngestService } from './ingest-service.ts';
import { createWarehouseMappingStore } from './load/mapping-store.ts';
import { createFilePreparer, type IngestLlm } from './prepare-file.ts';
import { createIngestSources, type IngestSources } from './source/ingest-sources.ts';
import { createStoredSuppliers } from './tally/stored-suppliers.ts';

export interface IngestStackOptions {
  warehouse: Warehouse;
  locks: Locks;
  /** The live configuration (vault.get), read on every use. */
  config: () => ConfigValues;
  /** `$TITAN_DATA_DIR`: default inboxes and the CLI's failed/ copies live under it. */
  dataDir: string;
  logger: Logger;
  clock: Clock;
  /** TITAN_TZ, for the hourly watcher. */
  timezone?: string;
  /** Gemini helpers for mapping and vision, when configured (read per file). */
  llm?: () => IngestLlm;
  /** Tests replace the sources (a Drive client with a fixed token); built from config otherwise. */
  sources?: IngestSources;
}

export interface IngestStack {
  ingest: IngestService;
  watcher: FolderWatcher;
}

export function createIngestStack(options: IngestStackOptions): IngestStack {
  const { warehouse, logger, clock } = options;
  const sources = options.sources ?? createIngestSources({ config: options.config });
  const prepare = createFilePreparer({
    mappings: createWarehouseMappingStore({ warehouse, clock }),
    storedSuppliers: createStoredSuppliers(warehouse),
    ...(options.llm === undefined ? {} : { llm: options.llm }),
  });
  const ingest = createIngestService({
    warehouse,
    sources,
    prepare,
    dataDir: options.dataDir,
    logger,
    clock,
  });
  const watcher = createFolderWatcher({
    ingest,
    locks: options.locks,
    warehouse,
    config: options.config,
    dataDir: options.dataDir,
    logger,
    clock,
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
  return { ingest, watcher };
}
