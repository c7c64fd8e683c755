// One racing process for the multi-process lock test: says "ready", waits for "go" on stdin, tries once.
import { createLocks } from '../../../src/core/locks/locks.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';

const [file, name] = process.argv.slice(2) as [string, string];
const warehouse = createSqliteWarehouse({ path: file, busyTimeoutMs: 30_000 });
const locks = createLocks({ warehouse });
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const lease = await locks.acquire(name, 60_000);
  process.stdout.write(`${JSON.stringify({ owner: locks.owner, acquired: lease !== null })}\n`);
  await warehouse.close();
  process.stdin.destroy();
});
