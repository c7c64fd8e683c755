// Google Drive as a FileSource (drive v3): list a folder, download or export to a temp file, move by changing parents.

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { auth, drive, type drive_v3 } from '@googleapis/drive';
import { TitanError } from '../../errors.ts';
import type { ServiceAccount } from './drive-credentials.ts';
import type { DownloadedFile, FileSource, SourceFile } from './port.ts';

export const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Drive keeps descriptions short; a reason longer than this is cut. */
const MAX_REASON_CHARS = 1000;

export interface DriveSourceOptions {
  /** A service-account JWT in production; tests pass an OAuth2 client holding a fixed access token. */
  auth: NonNullable<drive_v3.Options['auth']>;
  /** DRIVE_ROOT_URL (proxies, tests); Google's default when absent. */
  rootUrl?: string;
  /** Where downloads land before parsing; the OS temp dir by default. */
  tmpDir?: string;
  /** Largest file downloaded; a larger one fails as 'ingest.too_large' (quarantined) instead of filling the disk. */
  maxBytes?: number;
}

/** 1 GiB: far above any POS export or ledger, well below a disk-filling mistake. */
export const MAX_DOWNLOAD_BYTES = 1024 ** 3;

/** Passes bytes through until `limit`, then fails with a reason the owner can act on. */
function capBytes(limit: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      const mb = Math.round(limit / 1024 / 1024);
      done(
        new TitanError(
          'ingest.too_large',
          `${name} is larger than ${mb} MB: split it (one file a month, say) and upload the parts.`,
        ),
      );
    },
  });
}

/** A JWT client that signs in as the service account with the Drive scope. */
export function createServiceAccountAuth(account: ServiceAccount): InstanceType<typeof auth.JWT> {
  return new auth.JWT({ email: account.email, key: account.privateKey, scopes: [DRIVE_SCOPE] });
}

/** Turns a Drive client failure into a TitanError that says what to check. */
export function fromDriveError(err: unknown, what: string): TitanError {
  if (err instanceof TitanError) return err;
  const status =
    (err as { status?: number; response?: { status?: number } }).status ??
    (err as { response?: { status?: number } }).response?.status;
  const hint =
    status === 404 || status === 403
      ? 'check the id and share it with the service account (GET /api/v1/ingester/service-account)'
      : status === 401
        ? 'check GOOGLE_SERVICE_ACCOUNT_JSON'
        : 'check DRIVE_ROOT_URL and the network';
  const detail = status === undefined ? {} : { status };
  return new TitanError(
    'source.unavailable',
    `Google Drive: cannot ${what} (${status ?? 'no response'}); ${hint}.`,
    {
      cause: err,
      detail,
    },
  );
}

/** Google Sheets have no bytes of their own; they are exported as xlsx and named so. */
function toSourceFile(file: drive_v3.Schema$File, folder: string): SourceFile {
  const isSheet = file.mimeType === SHEET_MIME;
  const name = file.name ?? file.id!;
  const listed: SourceFile = {
    id: file.id!,
    name: isSheet && !name.toLowerCase().endsWith('.xlsx') ? `${name}.xlsx` : name,
    mimeType: isSheet ? XLSX_MIME : (file.mimeType ?? 'application/octet-stream'),
    folder,
  };
  if (isSheet) listed.exportMimeType = XLSX_MIME;
  if (file.size != null) listed.size = Number(file.size);
  return listed;
}

/** Folders, shortcuts, Docs, Forms …: only real files and Google Sheets can be ingested. */
const isIngestible = (file: drive_v3.Schema$File): boolean =>
  file.mimeType === SHEET_MIME || !file.mimeType?.startsWith('application/vnd.google-apps.');

export function createDriveSource(options: DriveSourceOptions): FileSource {
  const client = drive({
    version: 'v3',
    auth: options.auth,
    ...(options.rootUrl === undefined ? {} : { rootUrl: options.rootUrl }),
  });
  const sharedDrives = { supportsAllDrives: true } as const;

  async function fetchBytes(file: SourceFile): Promise<NodeJS.ReadableStream | AsyncIterable<Uint8Array>> {
    const streamed = { responseType: 'stream' as const };
    const res =
      file.exportMimeType !== undefined
        ? await client.files.export({ fileId: file.id, mimeType: file.exportMimeType }, streamed)
        : await client.files.get({ fileId: file.id, alt: 'media', ...sharedDrives }, streamed);
    return res.data as NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  }

  return {
    kind: 'drive',
    async list(folder) {
      const files: SourceFile[] = [];
      let pageToken: string | undefined;
      try {
        // Listing a folder nobody shared returns an empty page; asking for the folder itself says 404.
        const meta = await client.files.get({ fileId: folder, fields: 'id, mimeType', ...sharedDrives });
        if (meta.data.mimeType !== FOLDER_MIME) {
          throw new TitanError(
            'source.unavailable',
            `Google Drive: ${folder} is a file, not a folder; pass a folder id.`,
          );
        }
        do {
          const res = await client.files.list({
            q: `'${folder.replace(/['\\]/g, '\\$&')}' in parents and trashed = false`,
            fields: 'nextPageToken, files(id, name, mimeType, size)',
            pageSize: 1000,
            orderBy: 'name',
            includeItemsFromAllDrives: true,
            ...sharedDrives,
            ...(pageToken === undefined ? {} : { pageToken }),
          });
          for (const f of res.data.files ?? [])
            if (f.id && isIngestible(f)) files.push(toSourceFile(f, folder));
          pageToken = res.data.nextPageToken ?? undefined;
        } while (pageToken);
      } catch (err) {
        throw fromDriveError(err, `list folder ${folder}`);
      }
      return files;
    },

    async download(file): Promise<DownloadedFile> {
      const dir = await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'titan-drive-'));
      const release = () => rm(dir, { recursive: true, force: true });
      const target = path.join(dir, path.basename(file.name) || 'download');
      try {
        const limit = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
        await pipeline(await fetchBytes(file), capBytes(limit, file.name), createWriteStream(target));
        const { size } = await stat(target);
        return { name: file.name, path: target, size, mimeType: file.mimeType, release };
      } catch (err) {
        await release();
        throw fromDriveError(err, `download ${file.name}`);
      }
    },

    async move(file, toFolder, moveOptions) {
      const reason = moveOptions?.reason;
      try {
        await client.files.update({
          fileId: file.id,
          addParents: toFolder,
          removeParents: file.folder,
          fields: 'id, parents',
          ...sharedDrives,
          requestBody:
            reason === undefined ? {} : { description: `Titan: ${reason}`.slice(0, MAX_REASON_CHARS) },
        });
      } catch (err) {
        throw fromDriveError(err, `move ${file.name} to folder ${toFolder}`);
      }
    },
  };
}
