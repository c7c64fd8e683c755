// Period arithmetic against a fixed "today" (Wednesday 25 Nov 2026); the phrases owners type are the reader's (test/core/reader).
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../../src/core/analyst/calendar.ts';
import { lastDays, previousPeriod } from '../../../src/core/analyst/periods.ts';

const today = '2026-11-25';

describe('period arithmetic', () => {
  it('gives the equal-length period just before', () => {
    expect(lastDays(7, today)).toEqual({ from: '2026-11-18', to: '2026-11-24', label: 'last 7 days' });
    expect(previousPeriod(lastDays(7, today))).toMatchObject({
      from: '2026-11-11',
      to: '2026-11-17',
    });
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-15', label: '1-15 Nov' })).toMatchObject({
      from: '2026-10-17',
      to: '2026-10-31',
    });
  });

  it('takes today in the business time zone, not UTC', () => {
    const lateUtc = new Date('2026-11-24T20:00:00Z');
    expect(dateInZone(lateUtc, 'Asia/Kolkata')).toBe('2026-11-25');
    expect(dateInZone(lateUtc, 'UTC')).toBe('2026-11-24');
  });
});
