// The row worker: the same rows, hashes and bad rows as building on the main thread; errors keep their code; no thread outlives its file.
import { readdirSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MappingStore } from '../../../../src/core/ingest/map/map-table.ts';
import { readZipDirectory } from '../../../../src/core/ingest/parse/xlsx/zip-directory.ts';
import type { IncomingFile } from '../../../../src/core/ingest/port.ts';
import type { PreparedFile } from '../../../../src/core/ingest/prepare.ts';
import { createFilePreparer } from '../../../../src/core/ingest/prepare-file.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import { salesRow, writeSalesCsv, writeSalesXlsx } from '../generated-files.ts';
import { tempDir } from '../parse/fixtures.ts';

/** The process's OS threads: a worker that was not stopped is one more. */
const threads = (): number => readdirSync('/proc/self/task').length;
const noMappings: MappingStore = { get: async () => undefined, put: async () => {} };
const prepareWith = (workerMinBytes: number) => createFilePreparer({ mappings: noMappings, workerMinBytes });

/** Every 997th row has an amount that is not a number. */
const withBadRows = (i: number): string[] => {
  const row = salesRow(i);
  if (i % 997 === 5) row[7] = 'abc';
  return row;
};

interface Built {
  text: string;
  read: number;
  bad: { row: number; error: string }[];
}

/** Everything a prepared file builds, batch boundaries aside. */
async function drain(prepared: PreparedFile): Promise<Built> {
  const out: Built = { text: '', read: 0, bad: [] };
  const texts: string[] = [];
  try {
    for await (const batch of prepared.batches) {
      if (batch.rows > 0) texts.push(batch.text);
      for (const { index, error } of batch.bad) out.bad.push({ row: out.read + index + 1, error });
      out.read += batch.read;
    }
  } finally {
    await prepared.close?.();
  }
  out.text = texts.join('\u001f');
  return out;
}

describe.skipIf(process.platform !== 'linux')('row worker', () => {
  const tmp = tempDir();
  const files: Record<'csv' | 'xlsx', IncomingFile> = {} as never;
  let baseline = 0;
  const incoming = async (file: string): Promise<IncomingFile> => ({
    name: path.basename(file),
    path: file,
    size: (await stat(file)).size,
  });

  beforeAll(async () => {
    await writeSalesCsv(path.join(tmp.dir, 'sales.csv'), 20_000, withBadRows);
    await writeSalesXlsx(path.join(tmp.dir, 'sales.xlsx'), 4_000, withBadRows);
    files.csv = await incoming(path.join(tmp.dir, 'sales.csv'));
    files.xlsx = await incoming(path.join(tmp.dir, 'sales.xlsx'));
    // One worker run first, so the thread pools it starts are part of the baseline.
    await drain(await prepareWith(0)(files.csv, 'sales', DEFAULT_SCOPE));
    baseline = threads();
  });
  afterAll(() => tmp.cleanup());

  for (const kind of ['csv', 'xlsx'] as const) {
    it(`builds the same rows, hashes and bad rows as the main thread (${kind})`, async () => {
      const here = await drain(
        await prepareWith(Number.POSITIVE_INFINITY)(files[kind], 'sales', DEFAULT_SCOPE),
      );
      const worker = await drain(await prepareWith(0)(files[kind], 'sales', DEFAULT_SCOPE));
      expect(here.read).toBe(kind === 'csv' ? 20_000 : 4_000);
      expect(here.bad[0]).toEqual({ row: 6, error: 'amount: "abc" is not a number' });
      expect(worker).toEqual(here);
      expect(threads()).toBe(baseline);
    });
  }

  it('stops when its rows are abandoned part way', async () => {
    const prepared = await prepareWith(0)(files.csv, 'sales', DEFAULT_SCOPE);
    for await (const batch of prepared.batches) {
      expect(batch.read).toBeGreaterThan(0);
      break;
    }
    await prepared.close?.();
    expect(threads()).toBe(baseline);
  });

  it('passes on what went wrong in the file, with its code', async () => {
    const broken = path.join(tmp.dir, 'broken.xlsx');
    await writeSalesXlsx(broken, 4_000);
    const prepared = await prepareWith(0)(await incoming(broken), 'sales', DEFAULT_SCOPE);
    // The sheet's deflate data is overwritten after its head was read: the worker meets it mid-stream.
    const [sheet] = (await readZipDirectory(broken)).filter((e) => e.name.startsWith('xl/worksheets/'));
    const handle = await open(broken, 'r+');
    await handle.write(Buffer.alloc(4096, 0xff), 0, 4096, sheet!.dataOffset + 8192);
    await handle.close();
    await expect(drain(prepared)).rejects.toMatchObject({ code: 'ingest.unreadable' });
    expect(threads()).toBe(baseline);
  });
});
