// Quarantine: a file that failed for a reason of its own goes aside with that reason; a transient failure stays put.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import { isQuarantined, quarantineCopies, quarantineInSource } from '../../../src/core/ingest/quarantine.ts';
import { createLocalFolderSource, describeLocalFile } from '../../../src/core/ingest/source/local-folder.ts';

const empty: FileOutcome = {
  name: 'sales.csv',
  outcome: 'failed',
  reason: 'The file is empty.',
  code: 'ingest.unreadable',
};

describe('quarantine', () => {
  let root: string;
  let inbox: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'titan-quarantine-'));
    inbox = path.join(root, 'inbox');
    await writeFile(path.join(root, 'sales.csv'), '');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('sets aside files that failed on their own, never loaded ones or transient failures', () => {
    expect(isQuarantined(empty)).toBe(true);
    expect(isQuarantined({ ...empty, transient: true, reason: 'BigQuery is unreachable.' })).toBe(false);
    expect(isQuarantined({ name: 'sales.csv', outcome: 'loaded', rows: 3 })).toBe(false);
    expect(isQuarantined({ name: 'sales.csv', outcome: 'already_loaded', rows: 3 })).toBe(false);
  });

  it("the watcher's moves the file to the failed folder, its reason beside it", async () => {
    const file = await describeLocalFile(path.join(root, 'sales.csv'));
    await quarantineInSource(createLocalFolderSource(), path.join(inbox, 'failed'))(file, empty);
    expect(await readdir(root)).not.toContain('sales.csv');
    expect(await readFile(path.join(inbox, 'failed', 'sales.csv.reason.txt'), 'utf8')).toBe(
      'The file is empty.\n',
    );
  });

  it("titan ingest's copies the file under the data dir's failed/<category>/ and leaves the user's file", async () => {
    const file = await describeLocalFile(path.join(root, 'sales.csv'));
    await quarantineCopies(path.join(root, 'data'), 'sales')(file, empty);
    expect(await readdir(root)).toContain('sales.csv');
    const failed = path.join(root, 'data', 'failed', 'sales');
    expect((await readdir(failed)).sort()).toEqual(['sales.csv', 'sales.csv.reason.txt']);
    expect(await readFile(path.join(failed, 'sales.csv.reason.txt'), 'utf8')).toBe('The file is empty.\n');
  });
});
