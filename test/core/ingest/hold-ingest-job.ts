// Child process for the interrupted-job tests: an ingester on <dataDir>'s warehouse starts a folder job whose
// listing never ends, prints "job <id>", and runs it until killed.
// Usage: hold-ingest-job.ts <dataDir>
import path from 'node:path';
import { pino } from 'pino';
import { createIngestStack } from '../../../src/core/ingest/ingest-stack.ts';
import { createLocalFolderSource } from '../../../src/core/ingest/source/local-folder.ts';
import type { SourceFile } from '../../../src/core/ingest/source/port.ts';
import { createLocks } from '../../../src/core/locks/locks.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { SQLITE_FILE } from '../../../src/core/warehouse/create-warehouse.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';

const dataDir = process.argv[2]!;
const warehouse = createSqliteWarehouse({ path: path.join(dataDir, SQLITE_FILE) });
await warehouse.migrate();
const logger = pino({ level: 'silent' });
const clock = { now: () => new Date() };
const { ingest } = createIngestStack({
  warehouse,
  locks: createLocks({ warehouse, clock, logger }),
  config: () => ({}),
  dataDir,
  logger,
  clock,
  sources: {
    local: { ...createLocalFolderSource(), list: () => new Promise<SourceFile[]>(() => {}) },
    drive: () => Promise.reject(new Error('no Drive here')),
    serviceAccountEmail: () => Promise.reject(new Error('no Drive here')),
  },
});
const jobId = await ingest.startJob({
  source: 'local',
  folder: dataDir,
  category: 'expenses',
  scope: DEFAULT_SCOPE,
});
process.stdout.write(`job ${jobId}\n`);
// Alive until killed; gone with the test process should that die first.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500);
