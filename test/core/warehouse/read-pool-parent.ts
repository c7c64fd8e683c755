// A server stand-in for the orphaned-reader test: opens a read pool on a fresh warehouse file, keeps one reader busy in
// a query that runs for hours and one idle, prints the readers' process ids, then waits to be SIGKILLed.
import path from 'node:path';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { createSqliteReadPool } from '../../../src/core/warehouse/sqlite-read-pool.ts';
import { SLOW_QUERY } from './slow-query.ts';

/** Ends itself (and so its readers, through the pool's exit hook) if the test never kills it. */
const GIVE_UP_MS = 60_000;

const dir = process.argv[2]!;
const file = path.join(dir, 'titan.db');
const main = createSqliteWarehouse({ path: file });
await main.migrate();
await main.close();

const pool = createSqliteReadPool({ path: file, size: 2 });
await Promise.all([pool.query('SELECT 1 AS n'), pool.query('SELECT 2 AS n')]);
void pool.query(SLOW_QUERY).catch(() => undefined);
// The slow read is sent on the next turn of the loop; a moment later its reader is inside it.
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(JSON.stringify({ readers: pool.pids() }));
setTimeout(() => process.exit(1), GIVE_UP_MS);
