// Where a category's files are watched, archived and quarantined, from config or the local inbox default.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryFolders, isLocalPath } from '../../../src/core/ingest/category-folders.ts';

const dataDir = path.resolve('/srv/titan-data');

describe('categoryFolders', () => {
  it('defaults to the local inbox with archive/ and failed/ inside it', () => {
    expect(categoryFolders({}, dataDir, 'expenses')).toEqual({
      source: 'local',
      watch: path.join(dataDir, 'inbox', 'expenses'),
      archive: path.join(dataDir, 'inbox', 'expenses', 'archive'),
      failed: path.join(dataDir, 'inbox', 'expenses', 'failed'),
    });
  });

  it('uses configured local paths', () => {
    const config = { WATCH_FOLDER_SALES: '/mnt/pos', ARCHIVE_FOLDER_SALES: '/mnt/pos-done' };
    expect(categoryFolders(config, dataDir, 'sales')).toEqual({
      source: 'local',
      watch: '/mnt/pos',
      archive: '/mnt/pos-done',
      failed: path.join('/mnt/pos', 'failed'),
    });
  });

  it('reads a folder id as Google Drive and never archives Drive files to a local path', () => {
    const config = {
      WATCH_FOLDER_PURCHASES: '1AbCdEfGhIjKlMnOp',
      ARCHIVE_FOLDER_PURCHASES: '1ArchiveFolderId',
      FAILED_FOLDER_PURCHASES: './local-failed',
    };
    expect(categoryFolders(config, dataDir, 'purchases')).toEqual({
      source: 'drive',
      watch: '1AbCdEfGhIjKlMnOp',
      archive: '1ArchiveFolderId',
    });
  });

  it('tells paths from Drive ids', () => {
    expect(['/a', './a', '../a', '~/a', 'a/b', 'C:\\inbox'].map(isLocalPath)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isLocalPath('1AbC-d_EfG')).toBe(false);
  });
});
