// The composition root: builds every core service once from the configuration and hands them to the doors.
import path from 'node:path';
import { createOfflineAnalyst } from './analyst/analyst.ts';
import { createChatMemoryReader } from './analyst/llm/chat-memory-reader.ts';
import { createLlmAnalyst } from './analyst/llm/llm-analyst.ts';
import { METRICS } from './analyst/metrics/index.ts';
import type { Analyst } from './analyst/port.ts';
import { withTaskQueue } from './analyst/with-task-queue.ts';
import { type Clock, systemClock } from './clock.ts';
import type { RuntimeSettings } from './config/runtime.ts';
import type { ConfigVault } from './config/vault.ts';
import { checkHealth, type HealthReport } from './health.ts';
import type { IngestService } from './ingest/ingest-service.ts';
import { createIngestStack } from './ingest/ingest-stack.ts';
import { createLlm } from './llm/gemini-llm.ts';
import type { Llm } from './llm/port.ts';
import { createLlmSchemaMapper } from './llm/schema-mapper.ts';
import { createVisionTableExtractor } from './llm/vision-extractor.ts';
import { createLocks, type Locks } from './locks/locks.ts';
import type { SyncJobs } from './locks/sync-jobs.ts';
import { createLogger, type Logger } from './logger.ts';
import { DEFAULT_SCOPE, type Scope } from './model/scope.ts';
import { createSalesSyncJob } from './pos/sales-sync-job.ts';
import type { FolderWatcher } from './schedule/folder-watcher.ts';
import { createTaskService, type TaskQueue } from './tasks/task-service.ts';
import { SQLITE_FILE } from './warehouse/create-warehouse.ts';
import { openLiveWarehouse } from './warehouse/live-warehouse.ts';
import { readThroughPool } from './warehouse/pooled-reads.ts';
import type { Warehouse } from './warehouse/port.ts';
import { createSqliteReadPool } from './warehouse/sqlite-read-pool.ts';

/**
 * Questions worth answering at once: two per reader when SQLite reads run on the read pool (one composing on the
 * main thread while the other's SQL runs), one when they run in-process (each holds the event loop), eight on
 * BigQuery, whose reads wait on the network.
 */
export const answerConcurrencyFor = (kind: Warehouse['kind'], readers?: number): number =>
  readers ? readers * 2 : kind === 'sqlite' ? 1 : 8;

export interface TitanOptions {
  runtime: RuntimeSettings;
  vault: ConfigVault;
  logger?: Logger;
  clock?: Clock;
  /** The HTTP client every outbound call uses (tests point it at local fakes through the base-URL keys). */
  fetch?: typeof fetch;
  /**
   * Answers read the SQLite file on the read pool (default true). A one-shot command asking one question may pass
   * false: starting a reader (~60 ms compiled, ~0.3 s from sources) costs it more than the pool gives it.
   */
  readPool?: boolean;
}

/** Every core service, built once. Doors receive this and convert and forward only. */
export interface Titan {
  runtime: RuntimeSettings;
  vault: ConfigVault;
  logger: Logger;
  clock: Clock;
  warehouse: Warehouse;
  locks: Locks;
  tasks: TaskQueue;
  llm: Llm;
  /** Gemini's wording over the offline analyst's facts when a key is set; the offline analyst otherwise. */
  analyst: Analyst;
  /** Questions worth answering at once (answerConcurrencyFor); the doors' ask queue takes it. */
  answerConcurrency: number;
  ingest: IngestService;
  /** The folder watcher: hourly in `titan serve`, one pass in `titan watch --once`. */
  watcher: FolderWatcher;
  /** The jobs `titan sync <name>` runs under their locks: POS sales and one watch-folder pass per category. */
  syncJobs(options?: { scope?: Scope; since?: string }): SyncJobs;
  health(): Promise<HealthReport>;
  /** Closes what was opened, in reverse order; safe to call twice. */
  close(): Promise<void>;
}

const revenueTarget = (vault: ConfigVault) => (): number | undefined => {
  const target = vault.get().DAILY_REVENUE_TARGET;
  return target === undefined ? undefined : Number(target);
};

export async function createTitan(options: TitanOptions): Promise<Titan> {
  const { runtime, vault } = options;
  const clock = options.clock ?? systemClock;
  const logger =
    options.logger ?? createLogger({ level: runtime.logLevel, secrets: () => vault.secretValues() });
  // The engine is chosen at start (moving from the SQLite file to BigQuery is a migration, not a hot swap);
  // BigQuery credentials PATCHed later are picked up without a restart.
  const warehouse = await openLiveWarehouse(() => vault.get(), runtime.dataDir);
  await warehouse.migrate();
  // Answers read the SQLite file on the read pool's processes: better-sqlite3 is synchronous, so a query here would
  // hold every door's acks while it ran, and a runaway one could not be stopped. BigQuery's reads are async already.
  // Ingest, locks and tasks keep the main connection.
  const readPool =
    warehouse.kind === 'sqlite' && options.readPool !== false
      ? createSqliteReadPool({ path: path.join(runtime.dataDir, SQLITE_FILE) })
      : undefined;
  const answering = readPool ? readThroughPool(warehouse, readPool) : warehouse;
  const answerConcurrency = answerConcurrencyFor(warehouse.kind, readPool?.size);

  const locks = createLocks({ warehouse, clock, logger });
  const tasks = createTaskService({ warehouse, clock });
  const dailyRevenueTarget = revenueTarget(vault);
  const offline = createOfflineAnalyst({
    warehouse: answering,
    tasks,
    clock,
    tz: runtime.tz,
    dailyRevenueTarget,
    logger,
    inboxDir: path.join(runtime.dataDir, 'inbox'),
  });
  // Reads GEMINI_* from the vault at every call, so a PATCHed key works at once.
  const llm = createLlm({
    getConfig: () => vault.get(),
    warehouse,
    clock,
    logger,
    timeZone: runtime.tz,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // Tasks are queued once, from the words the owner reads (the model's, or the offline ones when it is off).
  const analyst = withTaskQueue(
    createLlmAnalyst({
      offline,
      llm,
      metrics: Object.values(METRICS),
      warehouse: answering,
      logger,
      clock,
      timeZone: runtime.tz,
      memory: createChatMemoryReader({ warehouse: answering }),
      dailyRevenueTarget,
    }),
    tasks,
  );

  const { ingest, watcher } = createIngestStack({
    warehouse,
    locks,
    config: () => vault.get(),
    dataDir: runtime.dataDir,
    logger,
    clock,
    timezone: runtime.tz,
    // Gemini helps only when a key is set; without one the mapper's heuristics and offline OCR carry on.
    llm: () =>
      llm.ready() === 'ready'
        ? { mapSchema: createLlmSchemaMapper({ llm }), extractTable: createVisionTableExtractor({ llm }) }
        : {},
  });
  // Jobs a stopped server left "running" read as interrupted; checked in the background (close() waits).
  void ingest.recoverInterrupted();
  const syncJobs = (opts: { scope?: Scope; since?: string } = {}): SyncJobs => ({
    sales: createSalesSyncJob({
      warehouse,
      config: () => vault.get(),
      scope: opts.scope ?? DEFAULT_SCOPE,
      timeZone: runtime.tz,
      clock,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(opts.since ? { since: opts.since } : {}),
    }),
    expenses: watcher.syncJob('expenses'),
    purchases: watcher.syncJob('purchases'),
    inventory: watcher.syncJob('inventory'),
  });

  let closed = false;
  return {
    runtime,
    vault,
    logger,
    clock,
    warehouse,
    locks,
    tasks,
    llm,
    analyst,
    answerConcurrency,
    ingest,
    watcher,
    syncJobs,
    health: async () => ({
      ...(await checkHealth(warehouse, vault.get(), vault.problems(), readPool)),
      llm: llm.ready(),
    }),
    async close() {
      if (closed) return;
      closed = true;
      watcher.stop();
      // A background Drive job finishes its current file (one transaction) before the database closes.
      await ingest.idle();
      await readPool?.close();
      await warehouse.close();
    },
  };
}
