// The warehouse contract on the answering side's SQLite warehouse: reads through the read pool, the rest on the main connection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readThroughPool } from '../../../src/core/warehouse/pooled-reads.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { createSqliteReadPool } from '../../../src/core/warehouse/sqlite-read-pool.ts';
import { warehouseContract } from './contract.ts';

warehouseContract('sqlite, reads through the read pool', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-pooled-'));
  const file = path.join(dir, 'titan.db');
  const main = createSqliteWarehouse({ path: file });
  const pool = createSqliteReadPool({ path: file, size: 2 });
  return {
    warehouse: readThroughPool(main, pool),
    async dispose() {
      await pool.close();
      await main.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
