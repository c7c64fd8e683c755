// A CSV much bigger than the memory it may use streams through: what stays on the heap is bounded while every row passes.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, expect, it } from 'vitest';
import { createWarehouseMappingStore } from '../../../src/core/ingest/load/mapping-store.ts';
import { createFilePreparer } from '../../../src/core/ingest/prepare-file.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { writeSalesCsv } from './generated-files.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';

/** ≈ 40 MB on disk; a 200 MB file is streamed in parse-file.test.ts, and `npm run bench` reports peak RSS. */
const ROWS = 500_000;
/** What may stay on the heap after a collection mid-file; holding the file would keep well over 40 MB. */
const RETAINED_BOUND_MB = 16;
const CHECK_EVERY_BATCHES = 20;

/** A full collection on demand, so the check measures what is retained rather than when V8 chose to collect. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

let h: IngestHarness;
afterEach(async () => {
  await h.close();
});

// In-process, the whole pipeline runs on this heap; with the row worker, this heap only receives batches,
// and the worker's window must keep them from piling up while the consumer is slow.
for (const [where, workerMinBytes] of [
  ['in-process', Number.POSITIVE_INFINITY],
  ['through the row worker', 0],
] as const) {
  it(`streams a CSV larger than its memory bound, batch by batch (${where})`, async () => {
    h = await createIngestHarness();
    const file = path.join(h.dir, 'big-sales.csv');
    await writeSalesCsv(file, ROWS);
    const { size } = await stat(file);
    expect(size / 1024 ** 2).toBeGreaterThan(2 * RETAINED_BOUND_MB);

    const prepare = createFilePreparer({
      mappings: createWarehouseMappingStore({ warehouse: h.warehouse, clock: { now: () => new Date() } }),
      workerMinBytes,
    });
    const prepared = await prepare({ name: 'big-sales.csv', path: file, size }, 'sales', DEFAULT_SCOPE);
    const gc = collector();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let retained = 0;
    let rows = 0;
    let bad = 0;
    let batches = 0;
    try {
      for await (const batch of prepared.batches) {
        bad += batch.bad.length;
        rows += batch.read;
        batches += 1;
        if (batches % CHECK_EVERY_BATCHES === 0) {
          gc();
          retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
        }
      }
    } finally {
      await prepared.close?.();
    }
    expect(rows).toBe(ROWS);
    expect(bad).toBe(0);
    expect(batches).toBeGreaterThan(2 * CHECK_EVERY_BATCHES);
    expect(retained / 1024 ** 2).toBeLessThan(RETAINED_BOUND_MB);
  });
}
