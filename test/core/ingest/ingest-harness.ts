// A real ingester on a temp data dir: SQLite warehouse, locks, the whole stack, and optionally a fake Drive.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { ConfigValues } from '../../../src/core/config/schema.ts';
import { createIngestStack, type IngestStack } from '../../../src/core/ingest/ingest-stack.ts';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import type { IngestLlm } from '../../../src/core/ingest/prepare-file.ts';
import { createDriveSource } from '../../../src/core/ingest/source/drive.ts';
import { createLocalFolderSource } from '../../../src/core/ingest/source/local-folder.ts';
import { createLocks, type Locks } from '../../../src/core/locks/locks.ts';
import { DEFAULT_SCOPE, type Scope } from '../../../src/core/model/scope.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import type { Category } from '../../../src/core/warehouse/tables.ts';
import { type FakeDrive, startFakeDrive, tokenAuth } from '../../fakes/drive.ts';

export interface IngestHarness extends IngestStack {
  dir: string;
  dataDir: string;
  warehouse: Warehouse;
  locks: Locks;
  drive: FakeDrive | undefined;
  config: ConfigValues;
  count(table: string): Promise<number>;
  /** Writes `content` as `name` in the harness's folder and ingests it: the file's outcome. */
  ingestFile(
    name: string,
    content: string | Buffer,
    category?: Category,
    scope?: Scope,
  ): Promise<FileOutcome>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Start a fake Drive and give the ingester a client for it (with a fixed token, as a configured account). */
  drive?: boolean;
  config?: ConfigValues;
  llm?: IngestLlm;
}

export async function createIngestHarness(options: HarnessOptions = {}): Promise<IngestHarness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'titan-ingest-'));
  const dataDir = path.join(dir, 'data');
  const warehouse = createSqliteWarehouse({ path: path.join(dataDir, 'titan.db') });
  await warehouse.migrate();
  const logger = pino({ level: 'silent' });
  const clock = { now: () => new Date() };
  const locks = createLocks({ warehouse, clock, logger });
  const drive = options.drive ? await startFakeDrive() : undefined;
  const driveSource = drive ? createDriveSource({ auth: tokenAuth(), rootUrl: drive.rootUrl }) : undefined;
  const config = options.config ?? {};
  const stack = createIngestStack({
    warehouse,
    locks,
    config: () => config,
    dataDir,
    logger,
    clock,
    ...(options.llm === undefined ? {} : { llm: () => options.llm! }),
    sources: {
      local: createLocalFolderSource(),
      drive: async () => {
        if (!driveSource) throw new Error('this harness has no Drive');
        return driveSource;
      },
      serviceAccountEmail: async () => 'titan-test@demo-project.iam.gserviceaccount.com',
    },
  });
  return {
    ...stack,
    dir,
    dataDir,
    warehouse,
    locks,
    drive,
    config,
    async ingestFile(name, content, category = 'sales', scope = DEFAULT_SCOPE) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const [outcome] = await stack.ingest.ingestPaths([file], { category, scope });
      return outcome!;
    },
    count: async (table) =>
      (await warehouse.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n,
    async close() {
      await stack.ingest.idle();
      await warehouse.close();
      await drive?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
