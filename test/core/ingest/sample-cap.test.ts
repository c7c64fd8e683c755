import { describe, expect, it } from 'vitest';
import { capSample, MAX_LLM_SAMPLE_ROWS } from '../../../src/core/ingest/sample-cap.ts';

describe('capSample', () => {
  it('is fifty rows, the limit DESIGN.md promises', () => {
    expect(MAX_LLM_SAMPLE_ROWS).toBe(50);
  });

  it('keeps the first fifty rows of a longer table, in order', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [String(i)]);
    const capped = capSample(rows);
    expect(capped).toHaveLength(50);
    expect(capped[0]).toEqual(['0']);
    expect(capped[49]).toEqual(['49']);
  });

  it('returns a short table whole, as a copy', () => {
    const rows = [['a'], ['b']];
    const capped = capSample(rows);
    expect(capped).toEqual(rows);
    expect(capped).not.toBe(rows);
  });
});
