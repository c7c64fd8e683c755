// The period phrases an owner types, resolved against a fixed "today" (Wednesday 25 Nov 2026).
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../../src/core/analyst/calendar.ts';
import { findPeriod, previousPeriod, resolvePeriod } from '../../../src/core/analyst/periods.ts';

const today = '2026-11-25';

const table: [phrase: string, from: string, to: string][] = [
  ['leak scan for the last 7 days', '2026-11-18', '2026-11-24'],
  ['yesterday', '2026-11-24', '2026-11-24'],
  ['how are we doing today', '2026-11-25', '2026-11-25'],
  ['this week', '2026-11-23', '2026-11-25'],
  ['last week', '2026-11-16', '2026-11-22'],
  ['this month', '2026-11-01', '2026-11-25'],
  ['last month', '2026-10-01', '2026-10-31'],
  ['wastage 1–15 Nov', '2026-11-01', '2026-11-15'],
  ['wastage 1-15 Nov', '2026-11-01', '2026-11-15'],
  ['1 to 15 November', '2026-11-01', '2026-11-15'],
  ['1st - 15th nov', '2026-11-01', '2026-11-15'],
  ['1 Nov to 15 Nov', '2026-11-01', '2026-11-15'],
  ['Nov 1-15', '2026-11-01', '2026-11-15'],
  ['10–20 Dec', '2025-12-10', '2025-12-20'],
  ['since Monday', '2026-11-23', '2026-11-25'],
  ['since wednesday', '2026-11-25', '2026-11-25'],
  ['since Thu', '2026-11-19', '2026-11-25'],
  ['last 30 days', '2026-10-26', '2026-11-24'],
  ['past 2 weeks', '2026-11-11', '2026-11-24'],
  ['where am I losing money?', '2026-11-18', '2026-11-24'],
];

describe('period phrases', () => {
  it.each(table)('%s → %s … %s', (phrase, from, to) => {
    const period = resolvePeriod(phrase, { today });
    expect({ from: period.from, to: period.to }).toEqual({ from, to });
  });

  it('keeps the phrase as the user wrote it for the label', () => {
    expect(resolvePeriod('Maida wastage 1–15 Nov?', { today }).label).toBe('1–15 Nov');
    expect(resolvePeriod('anything', { today }).label).toBe('last 7 days');
  });

  it('rejects dates that do not exist', () => {
    expect(findPeriod('30-31 Feb', { today })).toBeNull();
  });

  it('gives the equal-length period just before', () => {
    expect(previousPeriod(resolvePeriod('last 7 days', { today }))).toMatchObject({
      from: '2026-11-11',
      to: '2026-11-17',
    });
    expect(previousPeriod(resolvePeriod('1-15 Nov', { today }))).toMatchObject({
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
