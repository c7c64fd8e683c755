// Quarantine: the one place a file that failed for a reason of its own goes aside, with that reason written beside it.
import path from 'node:path';
import type { Category } from '../warehouse/tables.ts';
import type { FileOutcome } from './outcome.ts';
import { fileAway } from './source/local-folder.ts';
import type { FileSource, SourceFile } from './source/port.ts';

/** Sets one failed file aside with the reason it failed. */
export type Quarantine = (file: SourceFile, outcome: FileOutcome) => Promise<void>;

/** A file the fault is the file's own goes aside; a transient fault (warehouse, source, LLM) leaves it for the next pass. */
export const isQuarantined = (outcome: FileOutcome): boolean =>
  outcome.outcome === 'failed' && !outcome.transient;

const reasonOf = (outcome: FileOutcome): string => outcome.reason ?? 'failed';

/** The watcher's: the file moves, inside its own source (a local folder or Drive), into `folder`. */
export const quarantineInSource =
  (source: FileSource, folder: string): Quarantine =>
  (file, outcome) =>
    source.move(file, folder, { reason: reasonOf(outcome) });

/** Where `titan ingest` puts its copies of one category's failed files. */
export const quarantineCopyFolder = (dataDir: string, category: Category): string =>
  path.join(dataDir, 'failed', category);

/** `titan ingest`'s: a copy under the data dir's failed/<category>/, because the CLI never moves or changes the user's files. */
export const quarantineCopies =
  (dataDir: string, category: Category): Quarantine =>
  async (file, outcome) => {
    await fileAway(file.id, quarantineCopyFolder(dataDir, category), {
      keep: true,
      reason: reasonOf(outcome),
    });
  };
