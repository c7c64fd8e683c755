// Local folders as a FileSource: files are read where they are and moved with link+unlink so nothing is overwritten.
import { constants, type Dirent } from 'node:fs';
import { copyFile, link, mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TitanError } from '../../errors.ts';
import type { DownloadedFile, FileSource, MoveOptions, SourceFile } from './port.ts';

const MIME_BY_EXTENSION: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export const REASON_SUFFIX = '.reason.txt';

/** Guesses a MIME type from a file name; parsers still sniff the bytes. */
export function mimeTypeOf(name: string): string {
  return MIME_BY_EXTENSION[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Hidden files, Office lock files (`~$…`) and our own reason notes are never ingested. */
function isIngestible(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('~$') && !name.endsWith(REASON_SUFFIX);
}

/** Describes one local file as a SourceFile. */
export async function describeLocalFile(filePath: string): Promise<SourceFile> {
  const absolute = path.resolve(filePath);
  const info = await stat(absolute);
  const name = path.basename(absolute);
  return {
    id: absolute,
    name,
    mimeType: mimeTypeOf(name),
    size: info.size,
    folder: path.dirname(absolute),
    modifiedAt: info.mtime,
  };
}

/** `name.csv` → `name (2).csv`, for the n-th file of the same name in a folder. */
function numbered(name: string, n: number): string {
  if (n === 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

/** Copies, or moves via link+unlink (which fails with EEXIST where rename would silently replace). */
async function placeAt(from: string, target: string, keep: boolean): Promise<void> {
  if (keep) return copyFile(from, target, constants.COPYFILE_EXCL);
  try {
    await link(from, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Another device or a file system without hard links: copy exclusively instead.
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw err;
    await copyFile(from, target, constants.COPYFILE_EXCL);
  }
  await unlink(from);
}

/** Places `from` in `dir` under its name, or the first free `name (n)`; returns the path used. */
async function placeWithoutOverwrite(from: string, dir: string, keep: boolean): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = path.basename(from);
  for (let n = 1; n < 10_000; n += 1) {
    const target = path.join(dir, numbered(name, n));
    try {
      await placeAt(from, target, keep);
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new TitanError('source.unavailable', `Too many files named ${name} in ${dir}; tidy that folder.`);
}

/**
 * Moves (or, with `keep`, copies) a file into a folder under a free name and writes its reason beside it.
 * Used by the local source and by the CLI, which copies failed files to the data dir's failed/ folder.
 */
export async function fileAway(
  from: string,
  toFolder: string,
  options: MoveOptions & { keep?: boolean } = {},
): Promise<string> {
  const placed = await placeWithoutOverwrite(from, toFolder, options.keep ?? false);
  if (options.reason !== undefined) await writeFile(`${placed}${REASON_SUFFIX}`, `${options.reason}\n`);
  return placed;
}

/** A FileSource over local directories. */
export function createLocalFolderSource(): FileSource {
  return {
    kind: 'local',
    async list(folder) {
      const dir = path.resolve(folder);
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        throw new TitanError(
          'source.unavailable',
          `Cannot read folder ${dir}: create it or fix its permissions.`,
          {
            cause: err,
          },
        );
      }
      const files = entries.filter((e) => e.isFile() && isIngestible(e.name)).map((e) => e.name);
      files.sort();
      return Promise.all(files.map((name) => describeLocalFile(path.join(dir, name))));
    },
    async download(file): Promise<DownloadedFile> {
      const info = await stat(file.id);
      return {
        name: file.name,
        path: file.id,
        size: info.size,
        mimeType: file.mimeType,
        release: async () => {},
      };
    },
    async move(file, toFolder, options) {
      await fileAway(file.id, path.resolve(toFolder), options);
    },
  };
}
