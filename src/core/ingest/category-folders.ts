// Where each category's files arrive and go: WATCH/ARCHIVE/FAILED_FOLDER_<CAT> (Drive ids or local paths) or the local inbox.
import path from 'node:path';
import type { ConfigValues, FolderKey } from '../config/schema.ts';
import type { Category } from '../warehouse/tables.ts';
import type { SourceKind } from './source/ingest-sources.ts';

export interface CategoryFolders {
  source: SourceKind;
  watch: string;
  /** Absent for Drive when ARCHIVE_FOLDER_<CAT> is unset: loaded files then stay put (and read as already loaded). */
  archive?: string;
  failed?: string;
}

/** A value is a local path when it looks like one (absolute, ./, ../, ~ or a separator); otherwise a Drive folder id. */
export function isLocalPath(value: string): boolean {
  return path.isAbsolute(value) || /^[.~]/.test(value) || /[\\/]/.test(value);
}

/** The config key of one of a category's folders. */
export const folderKey = (kind: 'WATCH' | 'ARCHIVE' | 'FAILED', category: Category): FolderKey =>
  `${kind}_FOLDER_${category.toUpperCase() as Uppercase<Category>}`;

/** The default local inbox of a category, with archive/ and failed/ inside it. */
export function defaultInbox(dataDir: string, category: Category): Required<CategoryFolders> {
  const watch = path.join(dataDir, 'inbox', category);
  return { source: 'local', watch, archive: path.join(watch, 'archive'), failed: path.join(watch, 'failed') };
}

export function categoryFolders(config: ConfigValues, dataDir: string, category: Category): CategoryFolders {
  const watch = config[folderKey('WATCH', category)];
  const archive = config[folderKey('ARCHIVE', category)];
  const failed = config[folderKey('FAILED', category)];
  if (watch === undefined) return defaultInbox(dataDir, category);
  if (isLocalPath(watch)) {
    const local = (value: string | undefined, sub: string) =>
      path.resolve(value !== undefined && isLocalPath(value) ? value : path.join(watch, sub));
    return {
      source: 'local',
      watch: path.resolve(watch),
      archive: local(archive, 'archive'),
      failed: local(failed, 'failed'),
    };
  }
  // A local path cannot be the archive of a Drive folder: files would have to leave Drive.
  const driveId = (value: string | undefined) =>
    value !== undefined && !isLocalPath(value) ? value : undefined;
  const [toArchive, toFailed] = [driveId(archive), driveId(failed)];
  return {
    source: 'drive',
    watch,
    ...(toArchive === undefined ? {} : { archive: toArchive }),
    ...(toFailed === undefined ? {} : { failed: toFailed }),
  };
}
