// The folder watcher: a pass per category under sync_<category>, Watch → Archive or Failed, one log row per pass.
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocks } from '../../../src/core/locks/locks.ts';
import { createIngestHarness, type IngestHarness } from '../ingest/ingest-harness.ts';

const GOOD = 'Date,Particulars,Amount\n01/11/2026,Milk,120\n02/11/2026,Gas,900\n';

describe('folder watcher', () => {
  let h: IngestHarness;
  afterEach(async () => {
    await h.close();
  });

  const inbox = (category: string) => path.join(h.dataDir, 'inbox', category);
  /** A file dropped into an inbox a few minutes ago (the watcher leaves files still being written alone). */
  const drop = async (category: string, name: string, content: string) => {
    const file = path.join(inbox(category), name);
    await mkdir(inbox(category), { recursive: true });
    await writeFile(file, content);
    const past = new Date(Date.now() - 5 * 60_000);
    await utimes(file, past, past);
  };
  const ls = (dir: string) => readdir(dir).catch(() => [] as string[]);

  it('moves loaded files to archive/ and failed ones to failed/ with their reason, and logs the pass', async () => {
    h = await createIngestHarness();
    await drop('expenses', 'november.csv', GOOD);
    await drop('expenses', 'notes.csv', 'just,a,header\n');

    const pass = await h.watcher.runWatcherPass('expenses');

    expect(pass).toMatchObject({
      category: 'expenses',
      skipped: false,
      filesTotal: 2,
      filesSuccess: 1,
      filesFailed: 1,
    });
    expect((await ls(inbox('expenses'))).sort()).toEqual(['archive', 'failed']);
    expect(await ls(path.join(inbox('expenses'), 'archive'))).toEqual(['november.csv']);
    expect((await ls(path.join(inbox('expenses'), 'failed'))).sort()).toEqual([
      'notes.csv',
      'notes.csv.reason.txt',
    ]);
    const reason = await readFile(path.join(inbox('expenses'), 'failed', 'notes.csv.reason.txt'), 'utf8');
    expect(reason).toMatch(/no data rows|header/i);
    expect(await h.count('expenses_master')).toBe(2);
    const log = await h.warehouse.query(
      'SELECT category, files_total, files_success, files_failed FROM folder_watcher_log',
    );
    expect(log).toEqual([{ category: 'expenses', files_total: 2, files_success: 1, files_failed: 1 }]);
  });

  it('skips a category whose lock another process holds, touching nothing', async () => {
    h = await createIngestHarness();
    await drop('expenses', 'november.csv', GOOD);
    const other = createLocks({
      warehouse: h.warehouse,
      owner: 'other-process',
      logger: pino({ level: 'silent' }),
    });
    expect(await other.acquire('sync_expenses', 60_000)).not.toBeNull();

    expect(await h.watcher.runWatcherPass('expenses')).toEqual({ category: 'expenses', skipped: true });
    expect(await ls(inbox('expenses'))).toEqual(['november.csv']);
    expect(await h.count('folder_watcher_log')).toBe(0);
  });

  it('leaves a file that is still being written for the next pass', async () => {
    h = await createIngestHarness();
    await mkdir(inbox('expenses'), { recursive: true });
    await writeFile(path.join(inbox('expenses'), 'arriving.csv'), GOOD);
    expect(await h.watcher.runWatcherPass('expenses')).toMatchObject({ filesTotal: 0 });
    expect(await ls(inbox('expenses'))).toEqual(['arriving.csv']);
    expect(await h.count('expenses_master')).toBe(0);
  });

  it('passes over every category, creating the default inboxes', async () => {
    h = await createIngestHarness();
    const passes = await h.watcher.runAllPasses();
    expect(passes.map((p) => [p.category, p.skipped])).toEqual([
      ['sales', false],
      ['expenses', false],
      ['purchases', false],
      ['inventory', false],
    ]);
    expect((await ls(path.join(h.dataDir, 'inbox'))).sort()).toEqual([
      'expenses',
      'inventory',
      'purchases',
      'sales',
    ]);
    expect(await h.count('folder_watcher_log')).toBe(4);
  });

  it('runs as a sync job inside the lock runSync holds', async () => {
    h = await createIngestHarness();
    await mkdir(inbox('purchases'), { recursive: true });
    const line = await h.watcher.syncJob('purchases')(new AbortController().signal);
    expect(line).toMatch(/^purchases: 0 files, 0 loaded, 0 failed/);
  });

  it('watches a Drive folder when WATCH_FOLDER_<CAT> is a folder id', async () => {
    h = await createIngestHarness({
      drive: true,
      config: { WATCH_FOLDER_EXPENSES: 'driveWatch', ARCHIVE_FOLDER_EXPENSES: 'driveArchive' },
    });
    h.drive!.addFolder('driveWatch');
    h.drive!.addFolder('driveArchive');
    h.drive!.addFile({
      id: 'f1',
      name: 'nov.csv',
      mimeType: 'text/csv',
      parent: 'driveWatch',
      content: Buffer.from(GOOD),
    });
    h.drive!.addFile({
      id: 'f2',
      name: 'bad.csv',
      mimeType: 'text/csv',
      parent: 'driveWatch',
      content: Buffer.from(''),
    });

    const pass = await h.watcher.runWatcherPass('expenses');

    expect(pass).toMatchObject({ filesTotal: 2, filesSuccess: 1, filesFailed: 1 });
    expect(h.drive!.namesIn('driveArchive')).toEqual(['nov.csv']);
    // No FAILED_FOLDER_EXPENSES: the failed file stays in the watch folder, and the log says why.
    expect(h.drive!.namesIn('driveWatch')).toEqual(['bad.csv']);
  });

  it('logs a pass whose folder cannot be read, with the reason', async () => {
    h = await createIngestHarness({ config: { WATCH_FOLDER_INVENTORY: path.join('/nonexistent', 'inv') } });
    const pass = await h.watcher.runWatcherPass('inventory');
    expect(pass).toMatchObject({
      skipped: false,
      filesTotal: 0,
      reason: expect.stringContaining('Cannot read folder'),
    });
    expect(await h.count('folder_watcher_log')).toBe(1);
  });
});
