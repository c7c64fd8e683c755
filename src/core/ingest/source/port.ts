// The FileSource port: where ingest files come from (a local folder or Google Drive) and where they go after.
import type { IncomingFile } from '../port.ts';

/** One file in a source folder, as listed (nothing downloaded yet). */
export interface SourceFile {
  /** Source-specific id: an absolute path locally, a Drive file id on Drive. */
  id: string;
  /** The name a human sees; a Google Sheet is listed with `.xlsx` appended since it is exported as xlsx. */
  name: string;
  mimeType: string;
  /** Bytes, when the source knows it (a Google Sheet has no size until exported). */
  size?: number;
  /** Last change, when the source knows it: a local file still being copied in is left for the next pass. */
  modifiedAt?: Date;
  /** Set for a Google-native file (a Sheet) that must be exported in this MIME type to be read. */
  exportMimeType?: string;
  /** Folder the file sits in (a path or a Drive folder id), needed to move it out again. */
  folder: string;
}

/** A file's bytes on local disk, ready for a parser; `release` removes any temporary copy. */
export interface DownloadedFile extends IncomingFile {
  release(): Promise<void>;
}

export interface MoveOptions {
  /** Why the file failed; recorded beside it (a `.reason.txt` locally, the description on Drive). */
  reason?: string;
}

export interface FileSource {
  readonly kind: 'local' | 'drive';
  /** Lists the ingestible files directly inside a folder (no sub-folders, no reason notes). */
  list(folder: string): Promise<SourceFile[]>;
  /** Makes the bytes available as a local file; a remote source downloads to a temporary file. */
  download(file: SourceFile): Promise<DownloadedFile>;
  /** Moves a file into another folder, never overwriting and never deleting anything. */
  move(file: SourceFile, toFolder: string, options?: MoveOptions): Promise<void>;
}
