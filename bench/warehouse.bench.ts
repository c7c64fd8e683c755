// Warehouse ingest hot path: insertRows of 15-column sales rows (real sha256 row hashes) into a SQLite file.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Row } from '../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import { fmt } from './stats.ts';

const ROWS = 300_000;
const BATCHES = 3;

function salesRows(offset: number): Row[] {
  return Array.from({ length: ROWS }, (_, n) => {
    const i = offset + n;
    return {
      org_id: 'cafe_001',
      location_id: 'tiruppur_main',
      date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      order_id: `ORD-${i}`,
      item: i % 3 ? 'Masala Chai' : 'Paneer Roll',
      category: 'Beverages',
      qty: (i % 4) + 1,
      unit_price: 40,
      discount: 0,
      amount: ((i % 4) + 1) * 40,
      payment_mode: 'UPI',
      status: 'Success',
      staff: 'Ravi',
      _source_file: 'bench.csv',
      _row_hash: createHash('sha256').update(String(i)).digest('hex'),
    };
  });
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-warehouse-'));
  const warehouse = createSqliteWarehouse({ path: path.join(dir, 'titan.db') });
  try {
    await warehouse.migrate();
    for (let batch = 0; batch < BATCHES; batch++) {
      const rows = salesRows(batch * ROWS);
      const started = performance.now();
      const cpu = process.cpuUsage();
      await warehouse.insertRows('sales', rows);
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      // Rows per CPU-second as well: on a shared machine the wall-clock rate mostly measures the neighbours.
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(
        `   insertRows batch ${batch + 1} (${fmt(ROWS, 0)} rows × 15 columns, table already ${fmt(batch * ROWS, 0)} rows): ${fmt(ROWS / seconds, 0)} rows/s · ${fmt(ROWS / cpuSeconds, 0)} rows per CPU-second`,
      );
    }
  } finally {
    await warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
