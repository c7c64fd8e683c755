// The sources an ingest job may read: local folders always, Google Drive once a service account is configured.
import type { ConfigValues } from '../../config/schema.ts';
import { requireServiceAccount } from './drive-credentials.ts';
import { createLocalFolderSource } from './local-folder.ts';
import type { FileSource } from './port.ts';

export type SourceKind = FileSource['kind'];

export interface IngestSources {
  local: FileSource;
  /** The Drive source for the current configuration; a 'conflict' error says how to configure one. */
  drive(): Promise<FileSource>;
  /** The service account's e-mail (share Drive folders with it); a 'conflict' error says how to configure one. */
  serviceAccountEmail(): Promise<string>;
}

export interface IngestSourcesOptions {
  /** Read on every use, so a PATCHed credential or DRIVE_ROOT_URL applies at once. */
  config: () => ConfigValues;
  tmpDir?: string;
}

export function createIngestSources(options: IngestSourcesOptions): IngestSources {
  let cached: { key: string; source: FileSource } | undefined;
  return {
    local: createLocalFolderSource(),
    async drive() {
      const config = options.config();
      const account = await requireServiceAccount(config);
      // One client per credential + endpoint, so its token is reused until either changes.
      const key = `${account.email}\n${account.privateKey}\n${config.DRIVE_ROOT_URL ?? ''}`;
      if (cached?.key !== key) {
        // Loaded on first use: a local-only install never pays for the Google client.
        const { createDriveSource, createServiceAccountAuth } = await import('./drive.ts');
        const source = createDriveSource({
          auth: createServiceAccountAuth(account),
          ...(config.DRIVE_ROOT_URL === undefined ? {} : { rootUrl: config.DRIVE_ROOT_URL }),
          ...(options.tmpDir === undefined ? {} : { tmpDir: options.tmpDir }),
        });
        cached = { key, source };
      }
      return cached.source;
    },
    async serviceAccountEmail() {
      return (await requireServiceAccount(options.config())).email;
    },
  };
}
