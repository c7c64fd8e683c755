// The vault across processes: concurrent writers lose nothing, not even past a lock a killed holder left;
// a writer killed mid-write leaves a whole file.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { overridePaths } from '../../../src/core/config/file-override-store.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { finished, printed, spawnTsx } from '../../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';
import { holdLockInChild } from './lock-holder.ts';

const tmp = useTmpDirs();
const FIXTURE = 'test/fixtures/patch-config.ts';
const RACER = 'test/core/config/fixtures/patch-on-signal.ts';

/** Reads `child`'s stdout one line at a time; undefined once it has exited. */
function lineReader(child: ChildProcess): () => Promise<string | undefined> {
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return async () => (await lines.next()).value as string | undefined;
}

describe('config vault across processes', () => {
  it('loses no update when two processes patch different keys at the same time', async () => {
    const dataDir = tmp();
    const a = spawnTsx(FIXTURE, [dataDir, 'a', '40', 'PP_APP_KEY', 'GEMINI_API_KEY']);
    const b = spawnTsx(FIXTURE, [dataDir, 'b', '40', 'SLACK_SIGNING_SECRET', 'TEAMS_APP_PASSWORD']);
    const [ra, rb] = await Promise.all([finished(a), finished(b)]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
    const values = createConfigVault({ dataDir, env: {} }).get();
    expect(values.PP_APP_KEY).toMatch(/^a-38-/);
    expect(values.GEMINI_API_KEY).toMatch(/^a-39-/);
    expect(values.SLACK_SIGNING_SECRET).toMatch(/^b-38-/);
    expect(values.TEAMS_APP_PASSWORD).toMatch(/^b-39-/);
  });

  it('loses no acknowledged write when two processes race for a lock a SIGKILLed holder left', async () => {
    const dataDir = tmp();
    const { file } = overridePaths(dataDir);
    const holder = await holdLockInChild(dataDir);
    await holder.kill();
    const racers = [
      spawnTsx(RACER, [dataDir, 'a', 'PP_APP_KEY']),
      spawnTsx(RACER, [dataDir, 'b', 'GEMINI_API_KEY']),
    ];
    const exits = racers.map(finished);
    const readers = racers.map(lineReader);
    try {
      for (const next of readers) expect(await next()).toBe('ready');
      const lost: number[] = [];
      for (let trial = 1; trial <= 150; trial++) {
        // What a SIGKILLed holder of an older version's lock leaves: the lock file naming a dead pid.
        writeFileSync(`${file}.lock`, String(holder.pid));
        for (const racer of racers) racer.kill('SIGUSR2');
        // Both PATCHes are acknowledged before the file is read.
        for (const next of readers) expect(await next()).toBe(`done ${trial}`);
        const state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
        if (state.PP_APP_KEY !== `a-${trial}` || state.GEMINI_API_KEY !== `b-${trial}`) lost.push(trial);
      }
      expect(lost).toEqual([]);
    } finally {
      for (const racer of racers) racer.kill();
      const stderr = (await Promise.all(exits)).map((e) => e.stderr);
      expect(stderr).toEqual(['', '']);
    }
  });

  it('leaves a parseable file holding the old or the new state when a writer is SIGKILLed mid-write', async () => {
    const dataDir = tmp();
    const file = path.join(dataDir, 'config_override.json');
    await createConfigVault({ dataDir, env: {} }).patch({ PP_MAPPING_CODE: 'keep-me' });
    for (const delayMs of [5, 20, 45, 80]) {
      const child = spawnTsx(FIXTURE, [dataDir, `k${delayMs}`, '100000', 'PP_APP_KEY']);
      const done = finished(child);
      await printed(child, 'ready');
      await sleep(delayMs);
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      const state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      expect(state.PP_MAPPING_CODE).toBe('keep-me');
      if (state.PP_APP_KEY !== undefined) expect(state.PP_APP_KEY).toMatch(/^k\d+-\d+-x+$/);
      // The next writer must not be blocked by the dead writer's lock.
      await createConfigVault({ dataDir, env: {} }).patch({ GEMINI_MODEL: `after-${delayMs}` });
    }
    expect(createConfigVault({ dataDir, env: {} }).get().GEMINI_MODEL).toBe('after-80');
  });
});
