// Honest abstention: figures Titan does not hold, words it cannot read, and the questions it offers instead.
import { describe, expect, it } from 'vitest';
import { queryQuestion } from '../../../src/core/reader/reading-text.ts';
import { declineOf, FRIDAY, queryOf, read } from './fixture.ts';

describe('figures the data does not hold', () => {
  it.each([
    ['What commission did Swiggy take last month?', 'delivery-platform commission'],
    ['zomato orders last week', 'sales by channel'],
    ['what is our table turnover time', 'table'],
    ['footfall yesterday', 'footfall'],
    ['who are my repeat customers', 'customers by name'],
    ['which customer spent the most last month', 'customers by name'],
    ['profit on masala dosa', 'per-dish cost or profit'],
    ['what was our profit this month', 'profit as one figure'],
    ['how was the weather yesterday', 'weather'],
    ['google ratings this month', 'reviews'],
    ['how much gst did we collect last month', 'tax'],
    ['how much do we owe Kaveri Traders', 'balances or dues'],
    ['forecast revenue for next week', 'forecast'],
    ['lunch sales yesterday', 'lunch'],
    ['average spend per cover last week', 'spend per guest'],
    ['what is the value of our stock', 'stock value'],
    ['what did we pay Ravi last month', 'pay per staff member'],
  ])('%s → “…%s…”', (question, words) => {
    const reading = declineOf(question);
    expect(reading.reason).toContain(words);
    expect(reading.reason).toMatch(/^I (don’t have|can’t)/);
  });

  it('names what to load to get it', () => {
    expect(declineOf('Swiggy commission last month').reason).toBe(
      'I don’t have delivery-platform commission: load your Swiggy/Zomato payout reports to get it.',
    );
  });

  it('declines a stored name over a topic word only when the data lacks it', () => {
    const withSwiggy = {
      values: { payment_mode: ['Cash', 'UPI', 'Swiggy'] },
      coverage: {
        sales: { from: '2026-01-01', to: '2026-12-03' },
        expenses: null,
        purchases: null,
        inventory: null,
      },
    };
    const reading = read('swiggy revenue last week', FRIDAY, withSwiggy);
    expect(reading).toMatchObject({
      kind: 'query',
      query: { measures: ['revenue'], filters: [{ dimension: 'payment_mode', values: ['Swiggy'] }] },
    });
  });
});

describe('words Titan could not read', () => {
  it('never answers a question with a meaningful unread word as another question', () => {
    const reading = declineOf('revenue from paneer tikka yesterday');
    expect(reading.reason).toContain('“tikka”');
    expect(reading.suggestions).toContain('Revenue for Paneer yesterday');
  });

  it('offers the closest stored names when a word is near some', () => {
    const reading = declineOf('doosaa sales yesterday');
    expect(reading.reason).toContain('Masala Dosa');
    expect(reading.suggestions).toEqual(
      expect.arrayContaining(['Revenue for Masala Dosa yesterday', 'Revenue for Plain Dosa yesterday']),
    );
  });

  it('asks which name is meant when a word is part of several', () => {
    const vocabulary = {
      values: { item: ['Masala Dosa', 'Masala Chai'] },
      coverage: {
        sales: { from: '2026-01-01', to: '2026-12-03' },
        expenses: null,
        purchases: null,
        inventory: null,
      },
    };
    const reading = read('masala sales yesterday', FRIDAY, vocabulary);
    expect(reading).toMatchObject({ kind: 'decline' });
    expect(reading.kind === 'decline' && reading.reason).toBe(
      'I can’t tell which you mean by “masala”: Masala Chai or Masala Dosa.',
    );
    expect(reading.kind === 'decline' && reading.suggestions).toEqual([
      'Revenue for Masala Chai yesterday',
      'Revenue for Masala Dosa yesterday',
    ]);
  });

  it('does not take a number it cannot place', () => {
    expect(declineOf('bills above 500 yesterday').reason).toContain('“above 500”');
  });

  it('does not guess a typo two stored names are equally close to', () => {
    const vocabulary = {
      values: { staff: ['Ramesh', 'Rakesh'] },
      coverage: {
        sales: { from: '2026-01-01', to: '2026-12-03' },
        expenses: null,
        purchases: null,
        inventory: null,
      },
    };
    const reading = read('bills by Ramesh yesterday', FRIDAY, vocabulary);
    expect(reading).toMatchObject({ kind: 'query' });
    expect(read('bills by Ramsh yesterday', FRIDAY, vocabulary)).toMatchObject({ kind: 'query' });
    expect(read('bills by Rakesh yesterday', FRIDAY, vocabulary)).toMatchObject({ kind: 'query' });
    expect(read('bills by Raesh yesterday', FRIDAY, vocabulary)).toMatchObject({ kind: 'decline' });
  });

  it('declines a question with no figure in it, offering figures about what it names', () => {
    const reading = declineOf('masala dosa yesterday');
    expect(reading.reason).toBe('I can’t tell which figure you want.');
    expect(reading.suggestions).toEqual([
      'Revenue for Masala Dosa yesterday',
      'Items sold for Masala Dosa yesterday',
    ]);
  });

  it('asks which cost is meant', () => {
    expect(declineOf('what did rice cost last month').suggestions).toEqual([
      'Latest unit rate for Rice, last month',
      'Purchases for Rice, last month',
    ]);
  });

  it('asks from when for "so far" with no period', () => {
    expect(declineOf('sales so far').reason).toContain('from when');
  });

  it('declines two periods it is not asked to compare', () => {
    const reading = declineOf('revenue yesterday and today');
    expect(reading.suggestions).toEqual(['Revenue yesterday', 'Revenue today']);
  });
});

describe('every suggestion is a question Titan reads', () => {
  const declined = [
    'revenue from paneer tikka yesterday',
    'doosaa sales yesterday',
    'masala dosa yesterday',
    'Ravi last week',
    'what did rice cost last month',
    'slowest items this month',
    'cash vs UPI last week',
    'revenue yesterday and today',
    'write me a poem about dosa',
    'profit this month',
    'why did sales drop yesterday',
    'table turnover',
    'lunch sales yesterday',
    'which customer spent the most',
    'revenue on weekdays vs weekends last month',
    'revenue on sundays yesterday',
    'sundays',
    'how much rice is in stock on sundays',
  ];
  it.each(declined)('%s', (question) => {
    for (const suggestion of declineOf(question).suggestions) {
      expect(read(suggestion).kind, suggestion).not.toBe('decline');
    }
  });
});

describe('the reading reads back as itself', () => {
  it.each([
    'What were sales on 21 November?',
    'Top 3 items by revenue in the last 30 days',
    'Which item sold the most plates in the last 7 days?',
    'How many bills did Ravi cancel in the last 7 days?',
    'What did we pay Kaveri Traders in the last 30 days?',
    'How much rice is in stock?',
    'Compare revenue in the last 7 days with the 7 days before',
    'revenue today vs same day last week',
    'revenue cash vs UPI last week',
    'what % of sales is UPI',
    'revenue 13-19 Nov vs 1-7 Nov',
    'worst day for wastage this month',
    'average rate of rice last month',
    'expenses by category this month',
    'value of comps this month',
    'revenue in March 2015',
    'revenue 28 Dec 2025 - 3 Jan 2026',
    'pichle hafte ki bikri',
    'sales on sundays in november',
    'average bill on weekends last month',
    'revenue on weekdays in October',
    'revenue on fridays and saturdays in November',
    'revenue on saturdays vs sundays last month',
    'masala dosa plates sold on sundays last month',
  ])('%s', (question) => {
    const first = queryOf(question);
    const again = queryOf(queryQuestion(first, undefined));
    // Labels are the owner's words, so they differ; everything else must not.
    const unlabelled = (text: string): unknown => JSON.parse(text.replace(/"label":"[^"]*"/g, '"label":""'));
    const { text: _t, unread: _u, ...query } = first;
    const { text: _t2, unread: _u2, ...reread } = again;
    expect(unlabelled(JSON.stringify(reread))).toEqual(unlabelled(JSON.stringify(query)));
  });
});
