// `titan watch --once` as a user runs it: one pass over every category's inbox, files filed away, a line per category.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runTitan } from '../core/ingest/titan-process.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'titan-watch-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('runs one pass over every inbox and exits', async () => {
  const inbox = path.join(dir, 'inbox', 'expenses');
  await mkdir(inbox, { recursive: true });
  await writeFile(path.join(inbox, 'november.csv'), 'Date,Particulars,Amount\n01/11/2026,Milk,120\n');
  await writeFile(path.join(inbox, 'empty.csv'), '');
  // Dropped a while ago: the watcher leaves files changed in the last minute for the next pass.
  const past = new Date(Date.now() - 5 * 60_000);
  for (const name of ['november.csv', 'empty.csv']) await utimes(path.join(inbox, name), past, past);

  const result = await runTitan(['watch', '--once'], { TITAN_DATA_DIR: dir, HOME: dir }).done;

  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^expenses: 2 files, 1 loaded, 1 failed/m);
  expect(result.stdout).toMatch(/✗ empty\.csv: .*empty/);
  expect(result.stdout).toMatch(/^sales: 0 files/m);
  expect(await readdir(path.join(inbox, 'archive'))).toEqual(['november.csv']);
  expect((await readdir(path.join(inbox, 'failed'))).sort()).toEqual(['empty.csv', 'empty.csv.reason.txt']);

  const json = await runTitan(['watch', '--once', '--json'], { TITAN_DATA_DIR: dir, HOME: dir }).done;
  const passes = JSON.parse(json.stdout) as { category: string; filesTotal: number }[];
  expect(passes.map((p) => [p.category, p.filesTotal])).toEqual([
    ['sales', 0],
    ['expenses', 0],
    ['purchases', 0],
    ['inventory', 0],
  ]);
});
