import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/reporters';
import { CORPORA, CORPUS_TAG, corpusFound } from './test/helpers/corpora.ts';

const ci = !['', '0', 'false'].includes(process.env.CI ?? '');
// CI must never pass by skipping the corpus tests: there a missing corpus is a failed run.
if (ci && !corpusFound) {
  throw new Error(
    `CI is set but ${CORPORA} is missing: check out the shared corpora beside this repository (../shared/corpora) so the corpus tests run.`,
  );
}

/** One line at the end of a run that skipped corpus tests, so a missing corpus is never silent. */
const corpusSkips: Reporter = {
  onTestRunEnd(modules) {
    if (corpusFound) return;
    const skipped = modules
      .flatMap((m) => [...m.children.allTests('skipped')])
      .filter((t) => t.tags.includes(CORPUS_TAG)).length;
    if (skipped > 0)
      process.stdout.write(`\n${skipped} corpus tests skipped: ../shared/corpora not found\n\n`);
  },
};

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { METADATA_SERVER_DETECTION: 'none', TITAN_LOG_LEVEL: 'silent' },
    tags: [
      { name: CORPUS_TAG, description: 'reads ../shared/corpora; skipped without it', skip: !corpusFound },
    ],
    reporters: ['default', corpusSkips],
  },
});
