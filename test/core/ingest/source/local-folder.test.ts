// The local-folder FileSource: contract suite plus what only local folders do (reason notes, skipped files).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalFolderSource, fileAway } from '../../../../src/core/ingest/source/local-folder.ts';
import { fileSourceContract } from './file-source-contract.ts';

async function localHarness() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'titan-local-source-'));
  const inbox = path.join(root, 'inbox');
  await mkdir(inbox);
  return {
    source: createLocalFolderSource(),
    inbox,
    archive: path.join(inbox, 'archive'),
    failed: path.join(inbox, 'failed'),
    put: (name: string, content: string) => writeFile(path.join(inbox, name), content),
    reasonOf: (folder: string, name: string) =>
      readFile(path.join(folder, `${name}.reason.txt`), 'utf8').catch(() => undefined),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

fileSourceContract('local folders', localHarness);

describe('local folders', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  it('skips sub-folders, hidden files, Office lock files and reason notes', async () => {
    const h = await localHarness();
    close = h.close;
    await h.put('.DS_Store', 'x');
    await h.put('~$open.xlsx', 'x');
    await h.put('bad.csv.reason.txt', 'x');
    await h.put('good.csv', 'x');
    await mkdir(h.archive);
    expect((await h.source.list(h.inbox)).map((f) => f.name)).toEqual(['good.csv']);
  });

  it('copies a file away, leaving the original untouched, when asked to keep it', async () => {
    const h = await localHarness();
    close = h.close;
    await h.put('in-place.csv', 'keep me');
    const copy = await fileAway(path.join(h.inbox, 'in-place.csv'), h.failed, { keep: true, reason: 'why' });
    expect(await readFile(path.join(h.inbox, 'in-place.csv'), 'utf8')).toBe('keep me');
    expect(await readFile(copy, 'utf8')).toBe('keep me');
    expect(await readFile(`${copy}.reason.txt`, 'utf8')).toBe('why\n');
  });
});
