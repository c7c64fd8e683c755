// `titan demo` fills the warehouse with the demo café, deterministic by seed, and refuses bad options in one line.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { titanIn } from './cli-harness.ts';

const tmp = useTmpDirs();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('titan demo', () => {
  it('generates the café and says what it wrote', async () => {
    const titan = titanIn(tmp());
    const run = await titan('demo', '--days', '14', '--seed', '3');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^Demo café cafe_001\/tiruppur_main: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(seed 3\)/,
    );
    expect(run.out).toContain('titan ask');
  });

  it('prints the summary as JSON, the same rows for the same seed', async () => {
    const titan = titanIn(tmp());
    const first = JSON.parse((await titan('demo', '--days', '10', '--seed', '9', '--json')).out);
    const again = JSON.parse((await titan('demo', '--days', '10', '--seed', '9', '--json')).out);
    expect(first.rows.sales).toBeGreaterThan(1_000);
    expect(again.rows).toEqual(first.rows);
    expect(first.scope).toEqual({ orgId: 'cafe_001', locationId: 'tiruppur_main' });
  });

  it('takes the scope from --org and --location', async () => {
    const titan = titanIn(tmp());
    const run = await titan('demo', '--days', '3', '--org', 'cafe_007', '--location', 'ooty', '--json');
    expect(JSON.parse(run.out).scope).toEqual({ orgId: 'cafe_007', locationId: 'ooty' });
  });

  it.each([
    [['--days', 'many'], '--days must be a whole number'],
    [['--days', '0'], 'days'],
    [['--org', 'bad org'], '--org'],
  ])('refuses %j with a one-line reason', async (args, reason) => {
    const run = await titanIn(tmp())('demo', ...args);
    expect(run.code).toBe(1);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toContain(reason);
  });
});
