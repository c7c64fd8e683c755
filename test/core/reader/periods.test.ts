// The period phrases an owner types, read through the question reader (ported from the analyst's period table).
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../src/core/semantic/reading.ts';
import {
  datesOf,
  declineOf,
  FRIDAY,
  fullHistory,
  only2015,
  queryOf,
  read,
  sinceSeptember,
  WEDNESDAY,
} from './fixture.ts';

const periodOf = (reading: Reading): { from: string; to: string; label: string } => {
  if (reading.kind === 'query') return reading.query.period;
  if (reading.kind === 'analysis') return reading.period;
  throw new Error(`declined: ${reading.reason}`);
};

/** The analyst's table (Wednesday 25 Nov 2026), each phrase asked about revenue unless it is a question already. */
const table: [question: string, from: string, to: string][] = [
  ['leak scan for the last 7 days', '2026-11-18', '2026-11-24'],
  ['revenue yesterday', '2026-11-24', '2026-11-24'],
  ['how are we doing today', '2026-11-25', '2026-11-25'],
  ['revenue this week', '2026-11-23', '2026-11-25'],
  ['revenue last week', '2026-11-16', '2026-11-22'],
  ['revenue this month', '2026-11-01', '2026-11-25'],
  ['revenue last month', '2026-10-01', '2026-10-31'],
  ['wastage 1–15 Nov', '2026-11-01', '2026-11-15'],
  ['wastage 1-15 Nov', '2026-11-01', '2026-11-15'],
  ['revenue 1 to 15 November', '2026-11-01', '2026-11-15'],
  ['revenue 1st - 15th nov', '2026-11-01', '2026-11-15'],
  ['revenue 1 Nov to 15 Nov', '2026-11-01', '2026-11-15'],
  ['revenue Nov 1-15', '2026-11-01', '2026-11-15'],
  ['revenue 10–20 Dec', '2025-12-10', '2025-12-20'],
  ['sales from the 5th to the 12th of November', '2026-11-05', '2026-11-12'],
  ['purchases in Q1 2015', '2015-01-01', '2015-03-31'],
  ['sales in the second quarter of 2024', '2024-04-01', '2024-06-30'],
  ['revenue q3', '2026-07-01', '2026-09-30'],
  ['revenue for the year 2015', '2015-01-01', '2015-12-31'],
  ['what were sales like in calendar year 2024', '2024-01-01', '2024-12-31'],
  ['revenue in the first week of November', '2026-11-01', '2026-11-07'],
  ['revenue 3rd week of nov', '2026-11-15', '2026-11-21'],
  ['sales the last week of October', '2026-10-25', '2026-10-31'],
  ['expenses second half of February 2026', '2026-02-16', '2026-02-28'],
  ['revenue first fortnight of December', '2025-12-01', '2025-12-15'],
  ['revenue since Monday', '2026-11-23', '2026-11-25'],
  ['revenue since wednesday', '2026-11-25', '2026-11-25'],
  ['revenue since Thu', '2026-11-19', '2026-11-25'],
  ['revenue last 30 days', '2026-10-26', '2026-11-24'],
  ['revenue past 2 weeks', '2026-11-11', '2026-11-24'],
  ['where am I losing money?', '2026-11-18', '2026-11-24'],
];

describe('period phrases (analyst table)', () => {
  it.each(table)('%s → %s … %s', (question, from, to) => {
    const period = periodOf(read(question, WEDNESDAY));
    expect({ from: period.from, to: period.to }).toEqual({ from, to });
  });

  it('keeps the phrase as the owner wrote it for the label', () => {
    expect(periodOf(read('Maida wastage 1–15 Nov?', WEDNESDAY)).label).toBe('1–15 Nov');
    expect(periodOf(read('leak scan', WEDNESDAY)).label).toBe('last 7 days');
  });

  it('declines dates that do not exist', () => {
    expect(declineOf('revenue 30-31 Feb', WEDNESDAY).reason).toContain('30-31 Feb');
  });

  it('compares with the equal-length period just before', () => {
    const week = queryOf('revenue last 7 days compared with the period before', WEDNESDAY);
    expect(week.compare).toEqual({ kind: 'previous' });
    expect(week.text).toContain('the 7 days before (11–17 Nov 2026)');
    const fortnight = queryOf('revenue 1-15 Nov vs the period before', WEDNESDAY);
    expect(fortnight.compare).toEqual({ kind: 'previous' });
    expect(fortnight.text).toContain('the 15 days before (17–31 Oct 2026)');
  });
});

describe('more period expressions (Friday 4 Dec 2026)', () => {
  it.each([
    ['revenue today', FRIDAY, FRIDAY],
    ['revenue last Tuesday', '2026-12-01', '2026-12-01'],
    ['revenue on Tuesday', '2026-12-01', '2026-12-01'],
    ['revenue tuesday last week', '2026-11-24', '2026-11-24'],
    ['revenue 3 days ago', '2026-12-01', '2026-12-01'],
    ['revenue day before yesterday', '2026-12-02', '2026-12-02'],
    ['revenue from 13 to 19 Nov', '2026-11-13', '2026-11-19'],
    ['revenue between 13 and 19 November', '2026-11-13', '2026-11-19'],
    ['revenue 21 Nov to 3 Dec', '2026-11-21', '2026-12-03'],
    ['revenue 28 Dec 2025 - 3 Jan 2026', '2025-12-28', '2026-01-03'],
    ['revenue 1–31 Mar 2015', '2015-03-01', '2015-03-31'],
    ['revenue Jan to Mar 2015', '2015-01-01', '2015-03-31'],
    ['revenue in 2015', '2015-01-01', '2015-12-31'],
    ['revenue this year', '2026-01-01', FRIDAY],
    ['revenue last year', '2025-01-01', '2025-12-31'],
    ['revenue this financial year', '2026-04-01', FRIDAY],
    ['revenue last financial year', '2025-04-01', '2026-03-31'],
    ['revenue FY 2025-26', '2025-04-01', '2026-03-31'],
    ['revenue FY26', '2025-04-01', '2026-03-31'],
    ['revenue 2024-25', '2024-04-01', '2025-03-31'],
    ['revenue this quarter', '2026-10-01', FRIDAY],
    ['revenue last quarter', '2026-07-01', '2026-09-30'],
    ['revenue last weekend', '2026-11-28', '2026-11-29'],
    ['revenue since 1 Nov', '2026-11-01', FRIDAY],
    ['revenue the week before last', '2026-11-16', '2026-11-22'],
    ['revenue last 3 months', '2026-09-04', '2026-12-03'],
    ['revenue 2026-11-21', '2026-11-21', '2026-11-21'],
    ['revenue 21.11.2026', '2026-11-21', '2026-11-21'],
    ['revenue Nov 21st', '2026-11-21', '2026-11-21'],
    ['sales on Nov 25', '2026-11-25', '2026-11-25'],
    ['revenue from 1 Nov to 15 Nov', '2026-11-01', '2026-11-15'],
    ['bills from Nov 9 to Nov 15', '2026-11-09', '2026-11-15'],
    ['discounts from 1 Nov till 30 Nov', '2026-11-01', '2026-11-30'],
    ['revenue from 16/11/2026 to 22/11/2026', '2026-11-16', '2026-11-22'],
    ['revenue from 1st September to 30th September', '2026-09-01', '2026-09-30'],
    ['revenue for the month', '2026-12-01', FRIDAY],
    ['revenue on Thursday', '2026-12-03', '2026-12-03'],
    ['revenue on Friday', '2026-11-27', '2026-11-27'],
    ['revenue 21st of November', '2026-11-21', '2026-11-21'],
  ])('%s → %s … %s', (question, from, to) => {
    expect(datesOf(queryOf(question))).toEqual([from, to]);
  });

  it('reads numeric dates month first only when told to', () => {
    const dayFirst = read('revenue on 5/6/2026');
    const monthFirst = read('revenue on 5/6/2026', FRIDAY, fullHistory, false);
    expect(dayFirst.kind === 'query' && datesOf(dayFirst.query)).toEqual(['2026-06-05', '2026-06-05']);
    expect(monthFirst.kind === 'query' && datesOf(monthFirst.query)).toEqual(['2026-05-06', '2026-05-06']);
  });

  it('clamps a period that runs past today to today', () => {
    expect(datesOf(queryOf('revenue 1-10 Dec'))).toEqual(['2026-12-01', FRIDAY]);
    expect(datesOf(queryOf('revenue in December'))).toEqual(['2026-12-01', FRIDAY]);
  });

  it('declines a period wholly in the future', () => {
    expect(declineOf('revenue tomorrow').reason).toContain('hasn’t happened yet');
    expect(declineOf('revenue next week').reason).toContain('hasn’t happened yet');
    expect(declineOf('revenue in March 2030').reason).toContain('hasn’t happened yet');
    expect(declineOf('revenue on 21/12/2026').reason).toContain('hasn’t happened yet');
  });

  it('declines a clock time rather than answer for the whole day', () => {
    expect(declineOf('revenue at 5pm on 21 Nov').reason).toContain('time of day');
    expect(declineOf('bills after 10:30 yesterday').reason).toContain('time of day');
  });

  it('does not read "from" before a name as "from that date until today"', () => {
    expect(datesOf(queryOf('purchases from Kaveri Traders in November'))).toEqual([
      '2026-11-01',
      '2026-11-30',
    ]);
  });

  it('reads "the month before" a whole month as the calendar month before it', () => {
    const q = queryOf('revenue last month vs the month before');
    expect(q.compare).toEqual({ kind: 'last_month' });
    expect(q.text).toContain('(October 2026)');
    expect(queryOf('revenue last 30 days vs the month before').compare).toEqual({ kind: 'previous' });
  });
});

describe('a month or day without a year is the most recent one with data', () => {
  it('goes back to the year the data is in', () => {
    expect(datesOf(queryOf('revenue in March', FRIDAY, only2015))).toEqual(['2015-03-01', '2015-03-31']);
    expect(datesOf(queryOf('sales on 21 November', FRIDAY, only2015))).toEqual(['2015-11-21', '2015-11-21']);
    expect(queryOf('revenue in March', FRIDAY, only2015).text).toBe('Revenue in March 2015');
  });

  it('takes this year when it has data', () => {
    expect(datesOf(queryOf('revenue in October', FRIDAY, sinceSeptember))).toEqual([
      '2026-10-01',
      '2026-10-31',
    ]);
    expect(datesOf(queryOf('revenue in March', FRIDAY, fullHistory))).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('takes the most recent one not in the future when no year has data', () => {
    expect(datesOf(queryOf('revenue in March', FRIDAY, sinceSeptember))).toEqual([
      '2026-03-01',
      '2026-03-31',
    ]);
  });

  it('uses the table the measure is read from', () => {
    const mixed = {
      ...only2015,
      coverage: { ...only2015.coverage, expenses: sinceSeptember.coverage.expenses },
    };
    expect(datesOf(queryOf('revenue in October', FRIDAY, mixed))).toEqual(['2015-10-01', '2015-10-31']);
    expect(datesOf(queryOf('expenses in October', FRIDAY, mixed))).toEqual(['2026-10-01', '2026-10-31']);
  });

  it('moves the default window back to the last days with data, and says so', () => {
    const q = queryOf('revenue', FRIDAY, only2015);
    expect(datesOf(q)).toEqual(['2015-12-25', '2015-12-31']);
    expect(q.text).toContain('latest 7 days with data');
  });
});

describe('Hinglish and Tamil-English periods', () => {
  it.each([
    ['kal ki bikri', '2026-12-03', '2026-12-03'],
    ['aaj ka sale', FRIDAY, FRIDAY],
    ['parso ka revenue', '2026-12-02', '2026-12-02'],
    ['pichle hafte ki bikri', '2026-11-23', '2026-11-29'],
    ['is hafte ka sale', '2026-11-30', FRIDAY],
    ['is mahine ka kharcha', '2026-12-01', FRIDAY],
    ['pichle mahine ka kharcha', '2026-11-01', '2026-11-30'],
    ['pichle 10 din ki bikri', '2026-11-24', '2026-12-03'],
    ['3 din pehle ka sale', '2026-12-01', '2026-12-01'],
    ['nethu sales', '2026-12-03', '2026-12-03'],
    ['innaiku sales', FRIDAY, FRIDAY],
    ['pona vaaram sales', '2026-11-23', '2026-11-29'],
    ['intha maasam expenses', '2026-12-01', FRIDAY],
    ['kadantha 7 naal sales', '2026-11-27', '2026-12-03'],
  ])('%s → %s … %s', (question, from, to) => {
    expect(datesOf(queryOf(question))).toEqual([from, to]);
  });

  it('reads kal as tomorrow in a future-tense question, and declines it', () => {
    expect(declineOf('kal kitna sale hoga').reason).toContain('hasn’t happened yet');
  });
});
