// The event dedupe contract on SQLite: every "process" is its own connection to one database file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { eventDedupeContract } from './event-dedupe-contract.ts';

eventDedupeContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-dedupe-'));
  return {
    open: () => createSqliteWarehouse({ path: path.join(dir, 'titan.db') }),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});
