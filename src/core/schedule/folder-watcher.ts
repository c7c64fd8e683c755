// The folder watcher: per category, under the lock sync_<category>, ingest the watch folder and log the pass.
import { mkdir } from 'node:fs/promises';
import { Cron } from 'croner';
import { type Clock, systemClock } from '../clock.ts';
import type { ConfigValues } from '../config/schema.ts';
import { toTitanError } from '../errors.ts';
import { categoryFolders, defaultInbox, folderKey } from '../ingest/category-folders.ts';
import type { IngestService } from '../ingest/ingest-service.ts';
import type { FileOutcome } from '../ingest/outcome.ts';
import type { Locks } from '../locks/locks.ts';
import type { SyncJob } from '../locks/sync-jobs.ts';
import type { Logger } from '../logger.ts';
import { DEFAULT_SCOPE, type Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { CATEGORIES, type Category } from '../warehouse/tables.ts';

/** Hourly, on the hour. */
export const WATCH_CRON = '0 * * * *';
/** A local file changed this recently may still be arriving (a copy, a sync client); the next pass takes it. */
const SETTLE_MS = 60_000;
/** Long enough for a very large file: the lease is heartbeated, but SQLite queues the beat behind the load. */
const LOCK_TTL_MS = 30 * 60_000;

export type WatcherPass =
  | { category: Category; skipped: true }
  | {
      category: Category;
      skipped: false;
      filesTotal: number;
      filesSuccess: number;
      filesFailed: number;
      durationMs: number;
      files: FileOutcome[];
      /** Why the pass could not run at all (folder unreadable, no service account). */
      reason?: string;
    };

export interface FolderWatcherOptions {
  ingest: IngestService;
  locks: Locks;
  warehouse: Warehouse;
  config: () => ConfigValues;
  dataDir: string;
  logger: Logger;
  clock?: Clock;
  /** Whose rows watched files hold; the default café otherwise. */
  scope?: Scope;
  /** Time zone of the hourly schedule (TITAN_TZ). */
  timezone?: string;
}

export interface FolderWatcher {
  /** One pass over a category's watch folder; `skipped` when another process holds its lock. */
  runWatcherPass(category: Category): Promise<WatcherPass>;
  /** The pass as a SyncJob for `titan sync <category>`: runSync takes the same lock around it. */
  syncJob(category: Category): SyncJob;
  /** One pass over every category, one after another. */
  runAllPasses(): Promise<WatcherPass[]>;
  /** Runs every category hourly until stop(). */
  start(): void;
  stop(): void;
}

/** One line for a terminal or a sync result. */
export function describePass(p: WatcherPass): string {
  if (p.skipped) return `Skipped - another process is already syncing ${p.category}`;
  const head = `${p.category}: ${p.filesTotal} files, ${p.filesSuccess} loaded, ${p.filesFailed} failed (${p.durationMs} ms)`;
  return p.reason === undefined ? head : `${head}: ${p.reason}`;
}

/** The name of the lock a category's pass holds; `titan sync <category>` takes the same one. */
export const syncLockName = (category: Category): string => `sync_${category}`;

export function createFolderWatcher(options: FolderWatcherOptions): FolderWatcher {
  const { ingest, locks, warehouse, logger } = options;
  const clock = options.clock ?? systemClock;
  const scope = options.scope ?? DEFAULT_SCOPE;
  let cron: Cron | undefined;

  async function pass(category: Category, signal: AbortSignal): Promise<WatcherPass> {
    const started = clock.now();
    const folders = categoryFolders(options.config(), options.dataDir, category);
    // The default inbox is ours to create; a configured folder that is missing is reported instead.
    if (options.config()[folderKey('WATCH', category)] === undefined) {
      await mkdir(defaultInbox(options.dataDir, category).watch, { recursive: true });
    }
    const job = await ingest.runJob({
      source: folders.source,
      folder: folders.watch,
      category,
      scope,
      signal,
      ...(folders.source === 'local' ? { settleMs: SETTLE_MS } : {}),
      ...(folders.archive === undefined ? {} : { archive: folders.archive }),
      ...(folders.failed === undefined ? {} : { failed: folders.failed }),
    });
    const durationMs = clock.now().getTime() - started.getTime();
    await warehouse.insertRows('folder_watcher_log', [
      {
        run_timestamp: started.toISOString(),
        category,
        files_total: job.total,
        files_success: job.success,
        files_failed: job.failed,
        duration_ms: durationMs,
      },
    ]);
    logger.info({ category, total: job.total, failed: job.failed, durationMs }, 'folder watcher pass');
    return {
      category,
      skipped: false,
      filesTotal: job.total,
      filesSuccess: job.success,
      filesFailed: job.failed,
      durationMs,
      files: job.files,
      ...(job.reason === undefined ? {} : { reason: job.reason }),
    };
  }

  async function runWatcherPass(category: Category): Promise<WatcherPass> {
    const held = await locks.withLock(syncLockName(category), LOCK_TTL_MS, (signal) =>
      pass(category, signal),
    );
    if (!held.acquired)
      logger.info({ category }, 'folder watcher pass skipped: another process holds the lock');
    return held.acquired ? held.value : { category, skipped: true };
  }

  async function runAllPasses(): Promise<WatcherPass[]> {
    const passes: WatcherPass[] = [];
    for (const category of CATEGORIES) passes.push(await runWatcherPass(category));
    return passes;
  }

  return {
    runWatcherPass,
    syncJob: (category) => async (signal) => describePass(await pass(category, signal)),
    runAllPasses,
    start() {
      if (cron) return;
      cron = new Cron(
        WATCH_CRON,
        { protect: true, ...(options.timezone === undefined ? {} : { timezone: options.timezone }) },
        async () => {
          await runAllPasses().catch((err: unknown) =>
            logger.error({ err: toTitanError(err).message }, 'folder watcher run failed'),
          );
        },
      );
    },
    stop() {
      cron?.stop();
      cron = undefined;
    },
  };
}
