// `titan ask` answers offline as Titan would in a thread; --json prints the Answer.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/core/model/answer.ts';
import { controlsIn, HOSTILE_FILE, HOSTILE_FILE_SHOWN } from '../bot/render/hostile-names.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { titanIn } from './cli-harness.ts';

const tmp = useTmpDirs();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('titan ask', () => {
  it('tells a fresh install how to load data', async () => {
    const run = await titanIn(tmp())('ask', 'where am I losing money?');
    expect(run.code).toBe(0);
    expect(run.out).toContain('No data yet for `cafe_001` / `tiruppur_main`.');
    expect(run.out).toContain('`titan demo`');
  });

  it('answers the leak scan with findings, tasks and what it rests on', async () => {
    const titan = titanIn(tmp());
    await titan('demo', '--days', '21', '--seed', '4');
    const run = await titan('ask', 'where am I losing money?');
    expect(run.code).toBe(0);
    const [headline] = run.out.split('\n');
    expect(headline).toMatch(/^Profit-leak scan, last 7 days: \d+ leaks worth ₹[\d,]+\/week\.$/);
    expect(run.out).toMatch(/• .+ → Root cause: .+ → \[TASK:\] .+ by (today|tomorrow|\w+day) \d{1,2} [AP]M/);
    expect(run.out).toMatch(
      /Period: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(last 7 days\) · rows: [\d,]+ sales/,
    );
  });

  it('prints the Answer as JSON with --json', async () => {
    const titan = titanIn(tmp());
    await titan('demo', '--days', '21', '--seed', '4');
    const run = await titan('ask', 'maida wastage', '--json');
    const answer = JSON.parse(run.out) as Answer;
    expect(answer).toMatchObject({ intent: 'wastage', path: 'offline' });
    expect(answer.facts.length).toBeGreaterThan(0);
    expect(answer.sources.rows.inventory).toBeGreaterThan(0);
  });

  it('asks about the scope given', async () => {
    const titan = titanIn(tmp());
    await titan('demo', '--days', '7', '--seed', '4');
    const run = await titan('ask', 'daily brief', '--org', 'cafe_002', '--location', 'ooty');
    expect(run.out).toContain('No data yet for `cafe_002` / `ooty`.');
  });

  it('names a failed file with control characters in its name visibly, without obeying them', async () => {
    const dir = tmp();
    const titan = titanIn(dir);
    await titan('demo', '--days', '7', '--seed', '4');
    const file = path.join(dir, HOSTILE_FILE);
    await writeFile(file, 'Date,Particulars,Amount\n');
    const ingest = await titan('ingest', file, '--category', 'expenses');
    expect(ingest.code).toBe(1);
    const run = await titan('ask', 'where am I losing money?');
    for (const out of [ingest.out, run.out])
      for (const line of out.split('\n')) expect(controlsIn(line)).toEqual([]);
    expect(ingest.out).toContain(`✗ ${HOSTILE_FILE_SHOWN}: failed:`);
    const gap = run.out.split('\n').find((line) => line.startsWith('Gap: Failed expenses file'));
    expect(gap).toContain(`Gap: Failed expenses file ${HOSTILE_FILE_SHOWN}: `);
  });

  it('needs a question', async () => {
    const run = await titanIn(tmp())('ask');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Usage: titan ask');
  });
});
