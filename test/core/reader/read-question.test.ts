// What owners type, and the query Titan reads from it (Friday 4 Dec 2026 unless said).
import { describe, expect, it } from 'vitest';
import { datesOf, declineOf, FRIDAY, queryOf, read, withPayees } from './fixture.ts';

describe('the questions of the brief', () => {
  it('reads a day named without a year as that day, never the last 7 days', () => {
    const q = queryOf('What were sales on 21 November?');
    expect(q.measures).toEqual(['revenue']);
    expect(datesOf(q)).toEqual(['2026-11-21', '2026-11-21']);
    expect(q.text).toBe('Revenue on Sat 21 Nov 2026');
    expect(q.compare).toBeUndefined();
  });

  it('reads numeric dates day first', () => {
    const q = queryOf('revenue on 21/11/2026');
    expect(datesOf(q)).toEqual(['2026-11-21', '2026-11-21']);
    expect(q.text).toBe('Revenue on Sat 21 Nov 2026');
  });

  it('ranks items by a measure over the last 30 days', () => {
    const q = queryOf('Top 3 items by revenue in the last 30 days');
    expect(q).toMatchObject({ measures: ['revenue'], groupBy: 'item', rank: { order: 'desc', limit: 3 } });
    expect(datesOf(q)).toEqual(['2026-11-04', '2026-12-03']);
    expect(q.text).toBe('Top 3 items by revenue, last 30 days (4 Nov–3 Dec 2026)');
  });

  it('reads plates sold as items sold, and "which item … the most" as the top one', () => {
    const q = queryOf('Which item sold the most plates in the last 7 days?');
    expect(q).toMatchObject({ measures: ['items_sold'], groupBy: 'item', rank: { order: 'desc', limit: 1 } });
    expect(datesOf(q)).toEqual(['2026-11-27', '2026-12-03']);
  });

  it('reads cancelled bills by a staff member as voids filtered to them', () => {
    const q = queryOf('How many bills did Ravi cancel in the last 7 days?');
    expect(q.measures).toEqual(['void_count']);
    expect(q.filters).toEqual([{ dimension: 'staff', values: ['Ravi'] }]);
    expect(q.text).toBe('Voided bills by Ravi, last 7 days (27 Nov–3 Dec 2026)');
  });

  it('reads what was paid to a vendor as purchases from them', () => {
    const q = queryOf('What did we pay Kaveri Traders in the last 30 days?');
    expect(q.measures).toEqual(['purchases']);
    expect(q.filters).toEqual([{ dimension: 'vendor', values: ['Kaveri Traders'] }]);
    expect(datesOf(q)).toEqual(['2026-11-04', '2026-12-03']);
  });

  it('reads stock of an item at the latest count when no date is named, and says so', () => {
    const q = queryOf('How much rice is in stock?');
    expect(q.measures).toEqual(['stock_on_hand']);
    expect(q.filters).toEqual([{ dimension: 'item', values: ['Rice'] }]);
    expect(datesOf(q)).toEqual(['2026-12-03', '2026-12-03']);
    expect(q.text).toBe('Stock on hand for Rice, latest (up to Thu 3 Dec 2026; no date named)');
  });

  it('compares the last 7 days with the 7 days before', () => {
    const q = queryOf('Compare revenue in the last 7 days with the 7 days before');
    expect(q.compare).toEqual({ kind: 'previous' });
    expect(datesOf(q)).toEqual(['2026-11-27', '2026-12-03']);
    expect(q.text).toBe(
      'Revenue, last 7 days (27 Nov–3 Dec 2026), compared with the 7 days before (20–26 Nov 2026)',
    );
  });

  it('reads Hinglish: kal in a past-tense sales question is yesterday', () => {
    const q = queryOf('kal ka sale kitna tha?');
    expect(q.measures).toEqual(['revenue']);
    expect(datesOf(q)).toEqual(['2026-12-03', '2026-12-03']);
    expect(q.text).toBe('Revenue yesterday (Thu 3 Dec 2026)');
  });

  it('corrects typos in its own words', () => {
    const q = queryOf('reveneu yestrday');
    expect(q.measures).toEqual(['revenue']);
    expect(datesOf(q)).toEqual(['2026-12-03', '2026-12-03']);
  });

  it('reads a month and year', () => {
    const q = queryOf('revenue in March 2015');
    expect(datesOf(q)).toEqual(['2015-03-01', '2015-03-31']);
    expect(q.text).toBe('Revenue in March 2015');
  });

  it('reads a leak scan and a wastage analysis with its item', () => {
    expect(read('scan for profit leaks this month')).toMatchObject({
      kind: 'analysis',
      analysis: 'leak-scan',
      period: { from: '2026-12-01', to: '2026-12-04' },
    });
    expect(read('maida wastage last week')).toMatchObject({
      kind: 'analysis',
      analysis: 'wastage',
      item: 'Maida',
      period: { from: '2026-11-23', to: '2026-11-29' },
    });
  });
});

describe('measures from everyday words', () => {
  it.each([
    ['turnover yesterday', ['revenue']],
    ['takings this week', ['revenue']],
    ['pichle hafte ki bikri', ['revenue']],
    ['how much did we take yesterday', ['revenue']],
    ['what did we make last week', ['revenue']],
    ['how much did we bring in today', ['revenue']],
    ['gross sales last week', ['gross_sales']],
    ['orders yesterday', ['bills']],
    ['how many tickets today', ['bills']],
    ['cups of filter coffee sold yesterday', ['items_sold']],
    ['average bill last week', ['average_bill']],
    ['average ticket size yesterday', ['average_bill']],
    ['covers yesterday', ['covers']],
    ['how many guests last week', ['covers']],
    ['pax on saturday', ['covers']],
    ['discounts this month', ['discounts']],
    ['voids last week', ['void_count']],
    ['worth of cancelled bills last week', ['void_value']],
    ['how much did Ravi void last week', ['void_value']],
    ['complimentary items yesterday', ['comp_count']],
    ['value of comps this month', ['comp_value']],
    ['expenses this month', ['expenses']],
    ['is mahine ka kharcha', ['expenses']],
    ['overheads last month', ['expenses']],
    ['purchases last month', ['purchases']],
    ['what did we buy from Sri Murugan Stores last week', ['purchases']],
    ['how much rice did we buy last month', ['purchase_qty']],
    ['how much did we spend on rice last month', ['purchases']],
    ['rate of rice', ['unit_rate_latest']],
    ['price paid per kg for urad dal last month', ['unit_rate_latest']],
    ['average rate of rice last month', ['unit_rate_avg']],
    ['highest price paid for paneer this month', ['unit_rate_max']],
    ['cheapest rate for milk last month', ['unit_rate_min']],
    ['how many kg of maida wasted last week', ['wastage_qty']],
    ['value of wastage by day this week', ['wastage_value']],
    ['paneer on hand', ['stock_on_hand']],
    ['food cost % by week this month', ['food_cost_pct']],
    ['prime cost % last month', ['prime_cost_pct']],
    ['salaries last month', ['labour']],
    ['labour % last month', ['labour_pct']],
    ['revenue and bills yesterday', ['revenue', 'bills']],
  ])('%s → %j', (question, measures) => {
    expect(queryOf(question).measures).toEqual(measures);
  });
});

describe('names from the vocabulary', () => {
  it('reads a typo in a stored name when one name is clearly meant', () => {
    expect(queryOf('filter cofee sales yesterday').filters).toEqual([
      { dimension: 'item', values: ['Filter Coffee'] },
    ]);
  });

  it('reads a plural head word as every item it names', () => {
    expect(queryOf('how many dosas did we sell last week').filters).toEqual([
      { dimension: 'item', values: ['Masala Dosa', 'Plain Dosa'] },
    ]);
  });

  it('reads a word only one name has as that name', () => {
    expect(queryOf('purchases from kaveri last month').filters).toEqual([
      { dimension: 'vendor', values: ['Kaveri Traders'] },
    ]);
    expect(queryOf('murugan stores purchases last month').filters).toEqual([
      { dimension: 'vendor', values: ['Sri Murugan Stores'] },
    ]);
  });

  it('reads a menu category and a payment mode', () => {
    expect(queryOf('beverages revenue yesterday').filters).toEqual([
      { dimension: 'category', values: ['Beverages'] },
    ]);
    expect(queryOf('upi sales yesterday').filters).toEqual([{ dimension: 'payment_mode', values: ['UPI'] }]);
  });

  it('reads an expense head, and a bill of one as the expense', () => {
    const rent = queryOf('rent last month');
    expect(rent).toMatchObject({
      measures: ['expenses'],
      filters: [{ dimension: 'expense_head', values: ['Rent'] }],
    });
    expect(datesOf(rent)).toEqual(['2026-11-01', '2026-11-30']);
    expect(queryOf('electricity bill last month').measures).toEqual(['expenses']);
  });

  it('reads a measure word that is also a stored head as the head when another measure is named', () => {
    expect(queryOf('expenses on salaries last month')).toMatchObject({
      measures: ['expenses'],
      filters: [{ dimension: 'expense_head', values: ['Salaries'] }],
    });
  });

  it('reads a common Hindi ingredient name as the stored English one', () => {
    expect(queryOf('kitna chawal stock mein hai').filters).toEqual([{ dimension: 'item', values: ['Rice'] }]);
  });
});

describe('a vendor named alone, read by the register that holds it', () => {
  const october = { from: '2026-10-01', to: '2026-10-31' };
  it('reads a supplier only purchases name as what was bought from it', () => {
    expect(queryOf('Kaveri Traders October', FRIDAY, withPayees)).toMatchObject({
      measures: ['purchases'],
      filters: [{ dimension: 'vendor', values: ['Kaveri Traders'] }],
      period: october,
    });
  });

  it('reads a payee only expenses name as what was paid to it', () => {
    expect(queryOf('what did we pay BESCOM in October', FRIDAY, withPayees)).toMatchObject({
      measures: ['expenses'],
      filters: [{ dimension: 'vendor', values: ['BESCOM'] }],
      period: october,
    });
  });

  it('asks when both registers name the vendor, or nothing says which holds it', () => {
    expect(declineOf('Sri Murugan Stores October', FRIDAY, withPayees).suggestions).toEqual([
      'Purchases from Sri Murugan Stores in October 2026',
      'Expenses from Sri Murugan Stores in October 2026',
    ]);
    expect(read('Kaveri Traders October').kind).toBe('decline');
  });
});

describe('breakdowns and ranks', () => {
  it.each([
    ['revenue by item last week', 'item'],
    ['item-wise sales yesterday', 'item'],
    ['revenue per day this week', 'day'],
    ['bills each day last week', 'day'],
    ['daily revenue this month', 'day'],
    ['expenses by category this month', 'expense_head'],
    ['revenue by category last week', 'category'],
    ['purchases by vendor last month', 'vendor'],
    ['revenue by payment mode yesterday', 'payment_mode'],
    ['bills by hour yesterday', 'hour'],
    ['revenue by weekday last month', 'weekday'],
    ['weekly revenue this month', 'week'],
  ])('%s → by %s', (question, groupBy) => {
    expect(queryOf(question).groupBy).toBe(groupBy);
  });

  it('reads "who" as the staff member for sales and the vendor for purchases', () => {
    expect(queryOf('who cancelled the most bills last week')).toMatchObject({
      measures: ['void_count'],
      groupBy: 'staff',
      rank: { order: 'desc', limit: 1 },
    });
    expect(queryOf('who did we buy the most from last month')).toMatchObject({
      measures: ['purchases'],
      groupBy: 'vendor',
      rank: { order: 'desc', limit: 1 },
    });
  });

  it('reads an all-time high or low as the best or worst day over every day stored', () => {
    for (const [question, order] of [
      ['all time high sales day', 'desc'],
      ['all-time low revenue day', 'asc'],
    ] as const) {
      const q = queryOf(question);
      expect(q).toMatchObject({ measures: ['revenue'], groupBy: 'day', rank: { order, limit: 1 } });
      expect(datesOf(q)).toEqual(['2015-01-01', '2026-12-03']);
      expect(q.unread).toEqual([]);
    }
  });

  it('reads best and worst by whether more of the figure is good', () => {
    expect(queryOf('best day last month by revenue').rank).toEqual({ order: 'desc', limit: 1 });
    expect(queryOf('worst day for revenue last month').rank).toEqual({ order: 'asc', limit: 1 });
    expect(queryOf('worst day for wastage this month').rank).toEqual({ order: 'desc', limit: 1 });
  });

  it('ranks days, weeks and hours by revenue when no figure is named', () => {
    expect(queryOf('best day last month')).toMatchObject({
      measures: ['revenue'],
      groupBy: 'day',
      rank: { order: 'desc', limit: 1 },
    });
    expect(queryOf('busiest day last week')).toMatchObject({ measures: ['revenue'], groupBy: 'day' });
    expect(queryOf('slowest week this quarter')).toMatchObject({ measures: ['revenue'], groupBy: 'week' });
    expect(queryOf('peak hour yesterday')).toMatchObject({ measures: ['revenue'], groupBy: 'hour' });
    expect(queryOf('best 2 days in the last 14 days').rank).toEqual({ order: 'desc', limit: 2 });
  });

  it('reads slow and fast movers as plates sold, but asks what ranks bare items', () => {
    expect(queryOf('slow moving items this month')).toMatchObject({
      measures: ['items_sold'],
      groupBy: 'item',
      rank: { order: 'asc', limit: 5 },
    });
    expect(declineOf('top 10 items').suggestions).toEqual([
      'Top 10 items by revenue, last 7 days',
      'Top 10 items by items sold, last 7 days',
    ]);
  });

  it('reads the count of a ranking written before the rank word or the thing ranked', () => {
    expect(queryOf('the 3 least selling items by quantity in November').rank).toEqual({
      order: 'asc',
      limit: 3,
    });
    expect(queryOf('which 3 items brought in the most money last week').rank).toEqual({
      order: 'desc',
      limit: 3,
    });
  });

  it('reads two names of one dimension side by side', () => {
    const q = queryOf('revenue cash vs UPI last week');
    expect(q).toMatchObject({
      groupBy: 'payment_mode',
      filters: [{ dimension: 'payment_mode', values: ['Cash', 'UPI'] }],
    });
    expect(q.compare).toBeUndefined();
    expect(q.text).toBe('Revenue by payment mode (Cash vs UPI), last week (23–29 Nov 2026)');
  });

  it('reads a share of the total', () => {
    expect(queryOf('what % of sales is UPI')).toMatchObject({
      groupBy: 'payment_mode',
      share: true,
      filters: [],
    });
    expect(queryOf('revenue share by category last week')).toMatchObject({
      groupBy: 'category',
      share: true,
    });
  });

  it('splits quantities of different items by item, never into one sum', () => {
    expect(queryOf('what is in stock').groupBy).toBe('item');
  });
});

describe('comparisons', () => {
  it('compares today with the same day last week', () => {
    const q = queryOf('revenue today vs same day last week');
    expect(q.compare).toEqual({ kind: 'last_week' });
    expect(datesOf(q)).toEqual([FRIDAY, FRIDAY]);
    expect(q.text).toBe(
      'Revenue today (Fri 4 Dec 2026), compared with the same day last week (Fri 27 Nov 2026)',
    );
  });

  it('reads "vs last week" alone as this week so far against the same days last week', () => {
    const q = queryOf('revenue vs last week');
    expect(datesOf(q)).toEqual(['2026-11-30', FRIDAY]);
    expect(q.compare).toEqual({ kind: 'last_week' });
  });

  it('compares a longer period with the equal period just before, not the same days last week', () => {
    expect(queryOf('revenue in the last 30 days vs last week').compare).toEqual({ kind: 'previous' });
  });

  it('reads "than yesterday" as the day before', () => {
    expect(queryOf('did we sell more today than yesterday').compare).toEqual({ kind: 'previous' });
  });

  it('reads a named period as the comparison', () => {
    const q = queryOf('revenue 13-19 Nov vs 1-7 Nov');
    expect(datesOf(q)).toEqual(['2026-11-13', '2026-11-19']);
    expect(q.compare).toMatchObject({ kind: 'period', period: { from: '2026-11-01', to: '2026-11-07' } });
  });

  it('compares months', () => {
    const q = queryOf('compare revenue in October with September');
    expect(datesOf(q)).toEqual(['2026-10-01', '2026-10-31']);
    expect(q.compare).toEqual({ kind: 'last_month' });
  });

  it('declines two periods that share days, naming the shared days', () => {
    const { reason } = declineOf('revenue this week vs the last 7 days');
    expect(reason).toMatch(
      /^This week \(30 Nov–4 Dec 2026\) and last 7 days \(27 Nov–3 Dec 2026\) share 30 Nov–3 Dec 2026/,
    );
    expect(declineOf('revenue in November vs the last 30 days').reason).toMatch(/share 4–30 Nov 2026/);
  });

  it('gives a comparison asked without a target the like-for-like one', () => {
    expect(queryOf('is revenue up this week?').compare).toEqual({ kind: 'last_week' });
    expect(queryOf('did expenses grow this month').compare).toEqual({ kind: 'last_month' });
  });
});

describe('filler, stop words and determinism', () => {
  it('answers around filler and names it as unread', () => {
    const q = queryOf('please tell me revenue yesterday bro');
    expect(q.measures).toEqual(['revenue']);
    expect(q.unread).toEqual(['please', 'bro']);
  });

  it('reads stop words silently', () => {
    expect(queryOf('what was the total revenue for yesterday').unread).toEqual([]);
  });

  it('gives the same reading for the same text, day and vocabulary', () => {
    const question = 'Top 3 items by revenue in the last 30 days';
    expect(read(question)).toEqual(read(question));
  });

  it('states the default period when none is named', () => {
    const q = queryOf('revenue');
    expect(datesOf(q)).toEqual(['2026-11-27', '2026-12-03']);
    expect(q.text).toBe('Revenue, last 7 days (27 Nov–3 Dec 2026; no period named)');
    expect(datesOf(queryOf('expenses'))).toEqual(['2026-11-04', '2026-12-03']);
  });

  it('says when a decline is about a figure it does not hold', () => {
    expect(declineOf('Swiggy commission last month').reason).toContain('Swiggy/Zomato payout reports');
  });
});

describe('questions that look alike but mean different things', () => {
  it('tells a day, a month, a range to today and no period apart', () => {
    expect(datesOf(queryOf('sales on 21 November'))).toEqual(['2026-11-21', '2026-11-21']);
    expect(datesOf(queryOf('sales in November'))).toEqual(['2026-11-01', '2026-11-30']);
    expect(datesOf(queryOf('sales since 21 November'))).toEqual(['2026-11-21', FRIDAY]);
    expect(datesOf(queryOf('sales on the 21st'))).toEqual(['2026-11-21', '2026-11-21']);
    expect(datesOf(queryOf('sales'))).toEqual(['2026-11-27', '2026-12-03']);
  });

  it('tells bills, voided bills, their value and the average bill apart', () => {
    expect(queryOf('bills yesterday').measures).toEqual(['bills']);
    expect(queryOf('bills voided yesterday').measures).toEqual(['void_count']);
    expect(queryOf('value of bills voided yesterday').measures).toEqual(['void_value']);
    expect(queryOf('average bill yesterday').measures).toEqual(['average_bill']);
  });

  it('tells rice bought, spent on, in stock and its rate apart', () => {
    expect(queryOf('how much rice did we buy last month').measures).toEqual(['purchase_qty']);
    expect(queryOf('how much did we spend on rice last month').measures).toEqual(['purchases']);
    expect(queryOf('how much rice is in stock').measures).toEqual(['stock_on_hand']);
    expect(queryOf('rate of rice last month').measures).toEqual(['unit_rate_latest']);
  });

  it('tells the top one from the top few', () => {
    expect(queryOf('top item by revenue last week').rank).toEqual({ order: 'desc', limit: 1 });
    expect(queryOf('top items by revenue last week').rank).toEqual({ order: 'desc', limit: 5 });
    expect(queryOf('top three items by revenue last week').rank).toEqual({ order: 'desc', limit: 3 });
  });

  it('tells "last week" from "vs last week"', () => {
    const lastWeek = queryOf('revenue last week');
    expect(datesOf(lastWeek)).toEqual(['2026-11-23', '2026-11-29']);
    expect(lastWeek.compare).toBeUndefined();
    expect(queryOf('revenue vs last week').compare).toEqual({ kind: 'last_week' });
  });

  it('tells yesterday’s kal from tomorrow’s', () => {
    expect(datesOf(queryOf('kal ka sale kitna tha'))).toEqual(['2026-12-03', '2026-12-03']);
    expect(declineOf('kal kitna sale hoga').reason).toContain('hasn’t happened yet');
  });

  it('tells salaries the figure from Salaries the head', () => {
    expect(queryOf('salaries last month')).toMatchObject({ measures: ['labour'], filters: [] });
    expect(queryOf('expenses on salaries last month')).toMatchObject({
      measures: ['expenses'],
      filters: [{ dimension: 'expense_head', values: ['Salaries'] }],
    });
  });

  it('tells the wastage analysis from a wastage query', () => {
    expect(read('maida wastage this week')).toMatchObject({
      kind: 'analysis',
      analysis: 'wastage',
      item: 'Maida',
    });
    expect(queryOf('maida wastage in kg by day this week')).toMatchObject({
      measures: ['wastage_qty'],
      groupBy: 'day',
      filters: [{ dimension: 'item', values: ['Maida'] }],
    });
  });

  it('tells how many dishes (a count) from dishes by revenue (a breakdown)', () => {
    expect(queryOf('how many complimentary dishes yesterday').groupBy).toBeUndefined();
    expect(queryOf('dishes by revenue yesterday').groupBy).toBe('item');
  });
});

describe('words whose figure depends on the rest of the question', () => {
  it('reads payments by a payment mode as sales paid that way', () => {
    expect(queryOf('card payments in November')).toMatchObject({
      measures: ['revenue'],
      filters: [{ dimension: 'payment_mode', values: ['Card'] }],
    });
    expect(queryOf('how many bills were paid by card last week').measures).toEqual(['bills']);
  });

  it('reads what a staff member billed as their sales', () => {
    expect(queryOf('How much did Ravi bill this week?')).toMatchObject({
      measures: ['revenue'],
      filters: [{ dimension: 'staff', values: ['Ravi'] }],
    });
  });

  it('keeps both figures when bills and the average bill are asked for', () => {
    expect(queryOf('number of bills and average bill last week').measures).toEqual(['bills', 'average_bill']);
  });

  it('reads what a vendor charged as the rate paid', () => {
    expect(queryOf('what did Kaveri Traders charge for rice on the last invoice')).toMatchObject({
      measures: ['unit_rate_latest'],
      filters: [
        { dimension: 'vendor', values: ['Kaveri Traders'] },
        { dimension: 'item', values: ['Rice'] },
      ],
    });
  });

  it('reads the balance of an item as its stock, and any other balance as money it does not hold', () => {
    expect(queryOf('paneer balance as of yesterday').measures).toEqual(['stock_on_hand']);
    expect(declineOf('bank balance').reason).toContain('balances');
  });

  it('reads a vendor with a quantity as what was bought from them', () => {
    expect(queryOf('how many litres of milk from Sri Murugan Stores in November').measures).toEqual([
      'purchase_qty',
    ]);
  });

  it('reads "how many <item>" as plates sold', () => {
    expect(queryOf('how many filter coffees yesterday').measures).toEqual(['items_sold']);
  });

  it('never reads a number as part of a stored name', () => {
    const vocabulary = {
      values: { item: ['Samosa (2 pcs)', 'Masala Dosa', 'Filter Coffee'] },
      coverage: {
        sales: { from: '2026-01-01', to: '2026-12-03' },
        expenses: null,
        purchases: null,
        inventory: null,
      },
    };
    const reading = read('bottom 2 items by revenue last week', FRIDAY, vocabulary);
    expect(reading).toMatchObject({
      kind: 'query',
      query: { filters: [], rank: { order: 'asc', limit: 2 } },
    });
  });

  it('reads verbs and nouns that carry no figure', () => {
    expect(queryOf('how many guests did we serve on Sunday').measures).toEqual(['covers']);
    expect(queryOf('how many bills did Ravi ring up last week').measures).toEqual(['bills']);
    expect(queryOf('what did the café make yesterday').measures).toEqual(['revenue']);
  });
});

describe('Hinglish and Tamil-English measures', () => {
  it.each([
    ['kal kitne bills hue', ['bills']],
    ['aaj kitni bikri hui', ['revenue']],
    ['pichle hafte ka kharcha', ['expenses']],
    ['kitne plate masala dosa bike kal', ['items_sold']],
    ['Ravi ne kitne bill cancel kiye is hafte', ['void_count']],
    ['Kaveri Traders ko kitna diya pichle mahine', ['purchases']],
    ['nethu selavu', ['expenses']],
    ['November mein UPI se kitna aaya', ['revenue']],
    ['kal kitne bill bane', ['bills']],
    ['kaunsa item sabse zyada bika pichle hafte', ['items_sold']],
  ])('%s → %j', (question, measures) => {
    expect(queryOf(question).measures).toEqual(measures);
  });
});
