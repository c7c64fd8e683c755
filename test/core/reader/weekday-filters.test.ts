// Days of the week as owners ask about them: "on Sundays", "every Saturday", "weekends", "weekday sales" keep the
// figure to those days; "by weekday", "which day of the week" and one dated day ("last Sunday") read as before.
// Asked on Friday 4 Dec 2026 unless said.
import { describe, expect, it } from 'vitest';
import { datesOf, declineOf, queryOf } from './fixture.ts';

const WEEKEND = { dimension: 'weekday', values: ['Saturday', 'Sunday'] };
const WORKING_WEEK = {
  dimension: 'weekday',
  values: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
};
const on = (...values: string[]) => ({ dimension: 'weekday', values });

describe('days of the week kept to', () => {
  it('reads plural day names as every such day of the period named', () => {
    const q = queryOf('sales on sundays in november');
    expect(q.measures).toEqual(['revenue']);
    expect(q.filters).toEqual([on('Sunday')]);
    expect(datesOf(q)).toEqual(['2026-11-01', '2026-11-30']);
    expect(q.groupBy).toBeUndefined();
    expect(q.text).toBe('Revenue on Sundays in November 2026');
  });

  it('reads weekends as Saturday and Sunday, over the usual default period when none is named, and says so', () => {
    const q = queryOf('what’s the average bill on weekends');
    expect(q.measures).toEqual(['average_bill']);
    expect(q.filters).toEqual([WEEKEND]);
    expect(datesOf(q)).toEqual(['2026-11-27', '2026-12-03']);
    expect(q.text).toBe(
      'Average bill on weekends (Sat, Sun), last 7 days (27 Nov–3 Dec 2026; no period named)',
    );
    // Expenses default to the last 30 days, weekday filter or not.
    const expenses = queryOf('expenses on sundays');
    expect(expenses.filters).toEqual([on('Sunday')]);
    expect(datesOf(expenses)).toEqual(['2026-11-04', '2026-12-03']);
  });

  it.each([
    ['weekend sales last month', WEEKEND, ['2026-11-01', '2026-11-30']],
    ['revenue on saturdays and sundays last month', WEEKEND, ['2026-11-01', '2026-11-30']],
    ['revenue every Saturday last month', on('Saturday'), ['2026-11-01', '2026-11-30']],
    ['each friday bills in october', on('Friday'), ['2026-10-01', '2026-10-31']],
    ['har ravivar ki bikri last month', on('Sunday'), ['2026-11-01', '2026-11-30']],
    ['revenue on weekdays in October', WORKING_WEEK, ['2026-10-01', '2026-10-31']],
    ['weekday sales last month', WORKING_WEEK, ['2026-11-01', '2026-11-30']],
    ['weekend revenue last year', WEEKEND, ['2025-01-01', '2025-12-31']],
  ])('%s', (question, filter, dates) => {
    const q = queryOf(question);
    expect(q.filters).toEqual([filter]);
    expect(datesOf(q)).toEqual(dates);
    expect(q.groupBy).toBeUndefined();
  });

  it('states weekdays as Monday to Friday, and two named days as both', () => {
    expect(queryOf('revenue on weekdays last week').text).toBe(
      'Revenue on weekdays (Mon–Fri), last week (23–29 Nov 2026)',
    );
    expect(queryOf('revenue on fridays and saturdays in November').text).toBe(
      'Revenue on Fridays and Saturdays in November 2026',
    );
  });

  it('keeps the days beside names, a breakdown and a comparison', () => {
    const dosa = queryOf('masala dosa plates sold on sundays last month');
    expect(dosa.measures).toEqual(['items_sold']);
    expect(dosa.filters).toEqual([{ dimension: 'item', values: ['Masala Dosa'] }, on('Sunday')]);
    expect(dosa.text).toBe('Items sold for Masala Dosa on Sundays, last month (November 2026)');
    const byItem = queryOf('average bill on weekdays by item last month');
    expect(byItem).toMatchObject({ groupBy: 'item', filters: [WORKING_WEEK] });
    const compared = queryOf('revenue on weekends last month vs the month before');
    expect(compared.filters).toEqual([WEEKEND]);
    expect(compared.groupBy).toBeUndefined();
    expect(compared.compare).toEqual({ kind: 'last_month' });
  });

  it('sets single days side by side as a weekday breakdown of just those days', () => {
    const q = queryOf('revenue on saturdays vs sundays last month');
    expect(q).toMatchObject({ groupBy: 'weekday', filters: [WEEKEND] });
    expect(q.compare).toBeUndefined();
    expect(q.text).toBe('Revenue by weekday (Saturdays vs Sundays), last month (November 2026)');
  });
});

describe('what stays as it was', () => {
  it('reads one named day as that date, never as every such day', () => {
    for (const question of ['last Sunday revenue', 'revenue on Sunday', 'sunday sales']) {
      const q = queryOf(question);
      expect(q.filters, question).toEqual([]);
      expect(datesOf(q), question).toEqual(['2026-11-29', '2026-11-29']);
    }
    const dated = queryOf('revenue on Sunday 22 Nov');
    expect(dated.filters).toEqual([]);
    expect(datesOf(dated)).toEqual(['2026-11-22', '2026-11-22']);
    const weekend = queryOf('revenue last weekend');
    expect(weekend.filters).toEqual([]);
    expect(datesOf(weekend)).toEqual(['2026-11-28', '2026-11-29']);
  });

  it.each([
    'revenue by weekday',
    'revenue per weekday last month',
    'weekday wise sales',
    'which day of the week is busiest',
    'busiest weekday last month',
    'weekday with the most sales',
  ])('reads “%s” as the weekday breakdown', (question) => {
    const q = queryOf(question);
    expect(q.groupBy).toBe('weekday');
    expect(q.filters).toEqual([]);
  });

  it('reads "same weekday last week" as the comparison', () => {
    const q = queryOf('revenue yesterday vs same weekday last week');
    expect(q.filters).toEqual([]);
    expect(q.compare).toEqual({ kind: 'last_week' });
  });
});

describe('days that cannot be kept to', () => {
  it('declines a figure that rests on stock counts, offering it without the days', () => {
    const reading = declineOf('how much rice is in stock on sundays');
    expect(reading.reason).toMatch(/Stock on hand rests on .*stock count.*can’t be kept to Sundays/);
    expect(reading.suggestions).toEqual(['Stock on hand for Rice, latest']);
    expect(declineOf('food cost on weekends last month').reason).toMatch(/can’t be kept to weekends/);
  });

  it('declines sets of days set against each other, offering each', () => {
    const reading = declineOf('revenue on weekdays vs weekends last month');
    expect(reading.reason).toMatch(/weekdays against weekends/);
    expect(reading.suggestions).toEqual([
      'Revenue on weekdays, last month',
      'Revenue on weekends, last month',
    ]);
  });

  it('declines a period that holds none of the days', () => {
    const reading = declineOf('revenue on sundays yesterday');
    expect(reading.reason).toBe(
      'Yesterday (Thu 3 Dec 2026) has no Sunday in it, so there is nothing to keep to Sundays.',
    );
    expect(reading.suggestions).toEqual(['Revenue on Sundays, last 7 days']);
  });

  it('declines an analysis kept to some days rather than running it over every day', () => {
    for (const question of [
      'leak scan on weekends',
      'how did we do on weekends',
      'staff exceptions on sundays',
    ]) {
      expect(declineOf(question).reason, question).toMatch(/it reads every day of its period/);
    }
  });

  it('declines "sundays" alone as a figure not named, offering figures on Sundays', () => {
    expect(declineOf('sundays').suggestions).toEqual([
      'Revenue on Sundays, last 7 days',
      'Bills on Sundays, last 7 days',
    ]);
  });
});
