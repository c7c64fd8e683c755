// A row worker reading a CSV starts on what a read needs: the CSV streamer, not the normaliser and row builder (which
// a build loads when asked) nor the sniffing that described the file, and papaparse without an export scan.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, spawnTsx } from '../../../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../../../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

describe('row worker start-up', () => {
  it('loads, for a CSV read, neither the build side, nor the CSV describer, nor papaparse as an ES module', async () => {
    const csv = path.join(tmp(), 'one-row.csv');
    writeFileSync(csv, 'Date,Item,Amount\n01/11/2026,Tea,40\n');
    const run = await finished(
      spawnTsx('test/core/ingest/worker/row-worker-probe.ts', [csv], {
        NODE_OPTIONS: `--import ${path.join(import.meta.dirname, 'log-module-loads.mjs')}`,
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual([['01/11/2026', 'Tea', '40']]);
    const loaded = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('LOAD '))
      .map((line) => line.slice('LOAD '.length));
    // The streamer did run: the record of loads is not empty by accident.
    expect(loaded.some((url) => url.endsWith('/ingest/parse/csv/csv-stream.ts'))).toBe(true);
    const unwanted = [
      '/ingest/normalise/normalise-row.ts',
      '/ingest/load/row-builder.ts',
      '/ingest/parse/csv/csv.ts',
      '/ingest/parse/csv/csv-dialect.ts',
      '/node_modules/papaparse/',
    ];
    expect(loaded.filter((url) => unwanted.some((part) => url.includes(part)))).toEqual([]);
  }, 30_000);
});
