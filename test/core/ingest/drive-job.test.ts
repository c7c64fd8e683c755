// An ingest job over a Drive folder, through the real Drive client and the fake: outcomes per file, files moved.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { writeSalesXlsx } from './generated-files.ts';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';

const EXPENSES =
  'Date,Particulars,Amt (Rs),Vendor\n01/11/2026,Milk,"₹1,240.50",Aavin\n02/11/2026,Gas,900,Indane\n';

describe('Drive ingest job', () => {
  let h: IngestHarness;
  afterEach(async () => {
    await h.close();
  });

  async function driveWithFolders(): Promise<IngestHarness> {
    h = await createIngestHarness({ drive: true });
    for (const id of ['watch', 'archive', 'failed']) h.drive!.addFolder(id);
    return h;
  }

  const put = (id: string, name: string, content: string) =>
    h.drive!.addFile({ id, name, mimeType: 'text/csv', parent: 'watch', content: Buffer.from(content) });

  it('loads good files, quarantines bad ones with their reason, and reports each file', async () => {
    await driveWithFolders();
    put('f1', 'november.csv', EXPENSES);
    put('f2', 'empty.csv', '');
    put('f3', 'november-again.csv', EXPENSES);
    const jobId = await h.ingest.startJob({
      source: 'drive',
      folder: 'watch',
      category: 'expenses',
      archive: 'archive',
      failed: 'failed',
      scope: DEFAULT_SCOPE,
    });
    await h.ingest.idle();

    const status = await h.ingest.status(jobId);
    expect(status).toMatchObject({ status: 'done', total: 3, success: 2, failed: 1 });
    // Drive lists by name, so the copy is met first and the original is the duplicate.
    expect(status.files).toEqual([
      { name: 'empty.csv', outcome: 'failed', reason: expect.stringContaining('empty') },
      { name: 'november-again.csv', outcome: 'loaded', rows: 2, report: expect.any(Object) },
      { name: 'november.csv', outcome: 'already_loaded', rows: 2 },
    ]);
    expect(await h.count('expenses_master')).toBe(2);
    expect(h.drive!.namesIn('watch')).toEqual([]);
    expect(h.drive!.namesIn('archive')).toEqual(['november-again.csv', 'november.csv']);
    expect(h.drive!.namesIn('failed')).toEqual(['empty.csv']);
    expect(h.drive!.files.get('f2')!.description).toMatch(/^Titan: .*empty/);
  });

  it('loads a Google Sheet through its xlsx export', async () => {
    await driveWithFolders();
    const xlsx = path.join(h.dir, 'export.xlsx');
    await writeSalesXlsx(xlsx, 40);
    h.drive!.addFile({
      id: 's1',
      name: 'Daily Sales',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      parent: 'watch',
      content: await readFile(xlsx),
    });
    const jobId = await h.ingest.startJob({
      source: 'drive',
      folder: 'watch',
      category: 'sales',
      archive: 'archive',
      scope: DEFAULT_SCOPE,
    });
    await h.ingest.idle();
    expect((await h.ingest.status(jobId)).files).toEqual([
      { name: 'Daily Sales.xlsx', outcome: 'loaded', rows: 40, report: expect.any(Object) },
    ]);
    expect(await h.count('sales')).toBe(40);
    expect(h.drive!.namesIn('archive')).toEqual(['Daily Sales']);
  });

  it('reads a Google Sheet it cannot parse as a failure, not a crash', async () => {
    await driveWithFolders();
    h.drive!.addFile({
      id: 's1',
      name: 'Daily Sales',
      mimeType: 'application/vnd.google-apps.spreadsheet',
      parent: 'watch',
      content: Buffer.from('PK\u0003\u0004 not really a workbook'),
    });
    const jobId = await h.ingest.startJob({
      source: 'drive',
      folder: 'watch',
      category: 'sales',
      scope: DEFAULT_SCOPE,
    });
    await h.ingest.idle();
    const status = await h.ingest.status(jobId);
    expect(status.files).toEqual([
      { name: 'Daily Sales.xlsx', outcome: 'failed', reason: expect.any(String) },
    ]);
    // No failed folder was given: the file stays where it was.
    expect(h.drive!.namesIn('watch')).toEqual(['Daily Sales']);
  });

  it('fails the whole job, saying why, when the folder is not shared', async () => {
    await driveWithFolders();
    const jobId = await h.ingest.startJob({
      source: 'drive',
      folder: 'nope',
      category: 'sales',
      scope: DEFAULT_SCOPE,
    });
    await h.ingest.idle();
    expect(await h.ingest.status(jobId)).toMatchObject({
      status: 'failed',
      total: 0,
      reason: expect.stringContaining('share it with the service account'),
      files: [],
    });
  });

  it('says there is no such job', async () => {
    await driveWithFolders();
    await expect(h.ingest.status('missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});
