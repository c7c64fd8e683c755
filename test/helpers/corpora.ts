// The shared corpora of real files and payloads (../shared/corpora beside the repo): where they are, whether
// this checkout has them, and how a test says it reads them. Without them, vitest.config.ts skips the tests
// tagged "corpus" and says how many; under CI it fails the run instead.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CORPORA = path.resolve(import.meta.dirname, '../../../shared/corpora');
export const corpusFound = existsSync(CORPORA);
export const CORPUS_TAG = 'corpus';

/** `describe`/`it` options marking tests that read the corpus. */
export const CORPUS = { tags: [CORPUS_TAG] };

/** A path inside the corpus. */
export const corpus = (...parts: string[]): string => path.join(CORPORA, ...parts);

/**
 * What a file reads from the corpus while its tests are being collected (a folder listing, one test per
 * file): `absent` without the corpus, so the file still loads and its tagged tests show as skipped.
 */
export const fromCorpus = <T>(read: () => T, absent: T): T => (corpusFound ? read() : absent);
