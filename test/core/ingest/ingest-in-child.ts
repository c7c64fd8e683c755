// Ingests one file in a fresh Node process (bench/child-measure.ts), so a test can bound that ingest's own peak RSS.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childJob } from '../../../bench/child-measure.ts';
import type { FileOutcome } from '../../../src/core/ingest/outcome.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { CATEGORY_TABLE, type Category } from '../../../src/core/warehouse/tables.ts';
import { createIngestHarness } from './ingest-harness.ts';

/** The child ends itself (and removes its data) after this, so a test that times out leaves nothing behind. */
const CHILD_LIMIT_MS = 45_000;

/** The file's outcome and the rows its table holds afterwards, with the child's time and peak RSS. */
export const ingestInChild = childJob(
  fileURLToPath(import.meta.url),
  '--ingest-in-child',
  async (file: string, category: string): Promise<{ outcome: FileOutcome; stored: number }> => {
    const h = await createIngestHarness();
    setTimeout(() => {
      console.error(`the ingest took over ${CHILD_LIMIT_MS / 1000} s`);
      rmSync(h.dir, { recursive: true, force: true });
      process.exit(1);
    }, CHILD_LIMIT_MS).unref();
    try {
      const [outcome] = await h.ingest.ingestPaths([file], {
        category: category as Category,
        scope: DEFAULT_SCOPE,
      });
      return { outcome: outcome!, stored: await h.count(CATEGORY_TABLE[category as Category]) };
    } finally {
      await h.close();
    }
  },
);

await ingestInChild.whenChild();
