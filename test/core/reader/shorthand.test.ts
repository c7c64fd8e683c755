// Owners' shorthand, loose superlatives, "sold" without a money or quantity word, and to-date periods (Friday 4 Dec 2026).
import { describe, expect, it } from 'vitest';
import { datesOf, declineOf, queryOf } from './fixture.ts';

describe('shorthand is read as the words it stands for', () => {
  it('reads lw, lm and tw as last week, last month and this week', () => {
    expect(datesOf(queryOf('takings lw'))).toEqual(['2026-11-23', '2026-11-29']);
    expect(datesOf(queryOf('expenses lm'))).toEqual(['2026-11-01', '2026-11-30']);
    expect(datesOf(queryOf('sales tw'))).toEqual(['2026-11-30', '2026-12-04']);
  });

  it('reads amt as an amount of money, and wat as what', () => {
    expect(queryOf('what was the total amt of sales yesterday').measures).toEqual(['revenue']);
    expect(queryOf('wat is the latest milk rate').measures).toEqual(['unit_rate_latest']);
  });

  it('reads tmrw as tomorrow, which has no figures yet', () => {
    expect(declineOf('sales tmrw').kind).toBe('decline');
  });
});

describe('a money word with a name only sales record', () => {
  it('is that name’s revenue, not its bills', () => {
    const q = queryOf('upi amt last month');
    expect(q.measures).toEqual(['revenue']);
    expect(q.filters).toEqual([{ dimension: 'payment_mode', values: ['UPI'] }]);
    expect(queryOf('masala dosa amount last week').measures).toEqual(['revenue']);
  });

  it('is what was bought from a vendor named with a money word', () => {
    expect(queryOf('Kaveri Traders amount last month').measures).toEqual(['purchases']);
  });
});

describe('a comparison named loosely', () => {
  it('reads "vs day before" as the day before, without "the"', () => {
    const q = queryOf('yday sales vs day before');
    expect(datesOf(q)).toEqual(['2026-12-03', '2026-12-03']);
    expect(q.compare).toEqual({ kind: 'previous' });
  });

  it('still reads "day before yesterday" as one day', () => {
    expect(datesOf(queryOf('sales day before yesterday'))).toEqual(['2026-12-02', '2026-12-02']);
  });
});

describe('a superlative with no count names one group unless the question asks for several', () => {
  it('one day for "which day … the lowest"', () => {
    expect(queryOf('which day had the lowest sales last month').rank).toEqual({ order: 'asc', limit: 1 });
  });

  it('several for a plural group ("which days", "lowest selling items")', () => {
    expect(queryOf('which days had the lowest sales last month').rank).toEqual({ order: 'asc', limit: 5 });
    const items = queryOf('lowest selling items last week');
    expect(items).toMatchObject({
      measures: ['items_sold'],
      groupBy: 'item',
      rank: { order: 'asc', limit: 5 },
    });
  });
});

describe('"sold" with no money or quantity word', () => {
  it('is money after "how much", and the quantity of a named or ranked item', () => {
    expect(queryOf('how much did we sell lw').measures).toEqual(['revenue']);
    expect(queryOf('masala dosa sold yesterday').measures).toEqual(['items_sold']);
    expect(queryOf('top selling item yday')).toMatchObject({ measures: ['items_sold'], groupBy: 'item' });
  });

  it('follows a money word when there is one', () => {
    expect(queryOf('top 3 sellers last week by amount').measures).toEqual(['revenue']);
  });
});

describe('to-date periods', () => {
  it('month to date runs from the 1st, year to date from 1 January, financial year to date from 1 April', () => {
    expect(datesOf(queryOf('mtd revenue'))).toEqual(['2026-12-01', '2026-12-04']);
    expect(datesOf(queryOf('ytd sales'))).toEqual(['2026-01-01', '2026-12-04']);
    expect(datesOf(queryOf('fytd sales'))).toEqual(['2026-04-01', '2026-12-04']);
  });
});

describe('a month named with the word "month" ("October month")', () => {
  it('is that month, not a breakdown by month', () => {
    const q = queryOf('how much business in oct month');
    expect(q.groupBy).toBeUndefined();
    expect(datesOf(q)).toEqual(['2026-10-01', '2026-10-31']);
  });
});
