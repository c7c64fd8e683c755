// The behaviour every FileSource must show, run against the local and the Drive implementation.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileSource } from '../../../../src/core/ingest/source/port.ts';

export interface SourceHarness {
  source: FileSource;
  inbox: string;
  archive: string;
  failed: string;
  put(name: string, content: string): Promise<void>;
  /** What the source recorded as the reason of a failed file, if anything. */
  reasonOf(folder: string, name: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export function fileSourceContract(label: string, create: () => Promise<SourceHarness>): void {
  describe(`FileSource contract: ${label}`, () => {
    let h: SourceHarness;
    beforeEach(async () => {
      h = await create();
    });
    afterEach(async () => {
      await h.close();
    });

    const names = async (folder: string) => (await h.source.list(folder)).map((f) => f.name);

    it('lists the files of a folder by name, with their size', async () => {
      await h.put('b.csv', 'date,amount\n2026-11-01,10\n');
      await h.put('a.csv', 'x');
      const files = await h.source.list(h.inbox);
      expect(files.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
      expect(files[0]!.size).toBe(1);
    });

    it('downloads a file to a local path holding the same bytes', async () => {
      await h.put('sales.csv', 'date,amount\n2026-11-01,10\n');
      const [file] = await h.source.list(h.inbox);
      const local = await h.source.download(file!);
      try {
        expect(await readFile(local.path, 'utf8')).toBe('date,amount\n2026-11-01,10\n');
        expect(local.size).toBe(26);
      } finally {
        await local.release();
      }
    });

    it('moves a loaded file to the archive folder', async () => {
      await h.put('sales.csv', 'x');
      const [file] = await h.source.list(h.inbox);
      await h.source.move(file!, h.archive);
      expect(await names(h.inbox)).toEqual([]);
      expect(await names(h.archive)).toEqual(['sales.csv']);
    });

    it('moves a failed file to the failed folder with its reason', async () => {
      await h.put('junk.csv', 'x');
      const [file] = await h.source.list(h.inbox);
      await h.source.move(file!, h.failed, { reason: 'no date column' });
      expect(await names(h.failed)).toEqual(['junk.csv']);
      expect(await h.reasonOf(h.failed, 'junk.csv')).toContain('no date column');
    });

    it('never overwrites a file already in the target folder', async () => {
      await h.put('same.csv', 'first');
      const [first] = await h.source.list(h.inbox);
      await h.source.move(first!, h.archive);
      await h.put('same.csv', 'second');
      const [second] = await h.source.list(h.inbox);
      await h.source.move(second!, h.archive);
      const archived = await h.source.list(h.archive);
      expect(archived).toHaveLength(2);
      const contents = await Promise.all(
        archived.map(async (f) => {
          const local = await h.source.download(f);
          const text = await readFile(local.path, 'utf8');
          await local.release();
          return text;
        }),
      );
      expect(contents.sort()).toEqual(['first', 'second']);
    });

    it('fails with an actionable error for a folder that does not exist', async () => {
      await expect(h.source.list(`${h.inbox}-missing`)).rejects.toMatchObject({ code: 'source.unavailable' });
    });
  });
}
