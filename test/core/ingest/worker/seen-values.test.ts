// Unknown statuses and sites seen by the row worker reach the loader with their batches, as they do on the main thread.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MappingStore } from '../../../../src/core/ingest/map/map-table.ts';
import { createFilePreparer } from '../../../../src/core/ingest/prepare-file.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import { SALES_HEADERS, salesRow, writeSalesCsv } from '../generated-files.ts';
import { tempDir } from '../parse/fixtures.ts';

const noMappings: MappingStore = { get: async () => undefined, put: async () => {} };

/** salesRow with an Outlet column; past row 3,000 a second outlet, and now and then a status Titan does not know. */
const withOutlet = (i: number): string[] => {
  const row = salesRow(i);
  if (i % 1_000 === 7) row[9] = 'On Hold';
  return [...row, i < 3_000 ? 'Indiranagar' : 'Koramangala'];
};

describe('values seen while building rows', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  for (const [where, workerMinBytes] of [
    ['on the main thread', Number.POSITIVE_INFINITY],
    ['in the row worker', 0],
  ] as const) {
    it(`reach the loader ${where}`, async () => {
      const file = path.join(tmp.dir, 'outlets.csv');
      await writeSalesCsv(file, 4_000, withOutlet);
      // writeSalesCsv writes SALES_HEADERS; the Outlet column is the row's last, so name it in the header.
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(SALES_HEADERS.join(','), `${SALES_HEADERS.join(',')},Outlet`));
      const prepare = createFilePreparer({ mappings: noMappings, workerMinBytes });
      const prepared = await prepare(
        { name: 'outlets.csv', path: file, size: (await stat(file)).size },
        'sales',
        DEFAULT_SCOPE,
      );
      const sites = new Set<string>();
      const statuses = new Set<string>();
      try {
        for await (const batch of prepared.batches) {
          for (const s of batch.seen?.sites ?? []) sites.add(s);
          for (const s of batch.seen?.unknownStatuses ?? []) statuses.add(s);
        }
      } finally {
        await prepared.close?.();
      }
      expect([...sites]).toEqual(['Indiranagar', 'Koramangala']);
      expect([...statuses]).toEqual(['On Hold']);
      expect(prepared.report.mapping).toContainEqual({ source: 'Outlet', column: 'location_id' });
    });
  }
});
