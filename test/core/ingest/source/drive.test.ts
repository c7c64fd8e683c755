// The Drive FileSource through the real @googleapis/drive client against the local fake.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDriveSource, SHEET_MIME } from '../../../../src/core/ingest/source/drive.ts';
import { type FakeDrive, startFakeDrive, tokenAuth } from '../../../fakes/drive.ts';
import { fileSourceContract } from './file-source-contract.ts';

async function driveHarness(pageSize?: number) {
  const fake = await startFakeDrive(pageSize === undefined ? {} : { pageSize });
  for (const id of ['inbox', 'archive', 'failed']) fake.addFolder(id);
  let n = 0;
  return {
    fake,
    source: createDriveSource({ auth: tokenAuth(), rootUrl: fake.rootUrl }),
    inbox: 'inbox',
    archive: 'archive',
    failed: 'failed',
    put: async (name: string, content: string) => {
      n += 1;
      fake.addFile({
        id: `file-${n}`,
        name,
        mimeType: 'text/csv',
        parent: 'inbox',
        content: Buffer.from(content),
      });
    },
    reasonOf: async (folder: string, name: string) =>
      [...fake.files.values()].find((f) => f.parents.includes(folder) && f.name === name)?.description,
    close: () => fake.close(),
  };
}

fileSourceContract('Google Drive', () => driveHarness());

describe('Google Drive source', () => {
  let fake: FakeDrive | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('lists Google Sheets as xlsx and downloads them through export', async () => {
    const h = await driveHarness();
    fake = h.fake;
    h.fake.addFile({
      id: 'sheet-1',
      name: 'Daily Sales',
      mimeType: SHEET_MIME,
      parent: 'inbox',
      content: Buffer.from('PK-xlsx'),
    });
    h.fake.addFolder('sub');
    h.fake.files.get('sub')!.parents.push('inbox');
    const files = await h.source.list('inbox');
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([
      ['Daily Sales.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const local = await h.source.download(files[0]!);
    expect(await readFile(local.path, 'utf8')).toBe('PK-xlsx');
    await local.release();
  });

  it('follows list pages and sends the bearer token', async () => {
    const h = await driveHarness(2);
    fake = h.fake;
    for (const name of ['a.csv', 'b.csv', 'c.csv', 'd.csv', 'e.csv']) await h.put(name, name);
    expect((await h.source.list('inbox')).map((f) => f.name)).toEqual([
      'a.csv',
      'b.csv',
      'c.csv',
      'd.csv',
      'e.csv',
    ]);
    expect(h.fake.authorizations.every((a) => a === 'Bearer test-token')).toBe(true);
  });

  it('records a move as a change of parents', async () => {
    const h = await driveHarness();
    fake = h.fake;
    await h.put('x.csv', 'x');
    const [file] = await h.source.list('inbox');
    await h.source.move(file!, 'failed', { reason: 'no amount column' });
    expect(h.fake.moves).toEqual([
      {
        fileId: 'file-1',
        name: 'x.csv',
        from: 'inbox',
        to: 'failed',
        description: 'Titan: no amount column',
      },
    ]);
  });

  it('says to share the folder when Drive answers 404', async () => {
    const h = await driveHarness();
    fake = h.fake;
    await expect(h.source.list('not-shared')).rejects.toThrow(/share it with the service account/);
  });

  it('refuses a download past the size cap as too large, leaving no temp file', async () => {
    const h = await driveHarness();
    fake = h.fake;
    await h.put('huge.csv', `date,amount\n${'2026-11-01,100\n'.repeat(2_000)}`);
    const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'titan-test-cap-'));
    const capped = createDriveSource({ auth: tokenAuth(), rootUrl: h.fake.rootUrl, maxBytes: 4_096, tmpDir });
    const [file] = await capped.list('inbox');
    const err = await capped.download(file!).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ingest.too_large' });
    expect((err as Error).message).toContain('huge.csv is larger than');
    expect(readdirSync(tmpDir)).toEqual([]);
    rmSync(tmpDir, { recursive: true });
  });
});
