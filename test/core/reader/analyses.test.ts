// Questions that ask for one of the fixed analyses (ported from the analyst's intent table), and the look-alikes that are queries.
import { describe, expect, it } from 'vitest';
import { declineOf, queryOf, read, WEDNESDAY } from './fixture.ts';

describe('analyses', () => {
  it.each([
    ['where am I losing money this month?', 'leak-scan'],
    ['profit leak scan last 7 days', 'leak-scan'],
    ['daily brief', 'daily-brief'],
    ['How did we do yesterday?', 'daily-brief'],
    ['morning report', 'daily-brief'],
    ['revenue trend last 30 days', 'revenue-trend'],
    ['how are sales trending', 'revenue-trend'],
    ['food cost this month', 'food-cost'],
    ['what is my COGS', 'food-cost'],
    ['prime cost this month', 'food-cost'],
    ['wastage last week', 'wastage'],
    ['vendor prices', 'vendor-prices'],
    ['any price creep from suppliers?', 'vendor-prices'],
    ['supplier rates going up?', 'vendor-prices'],
    ['expense breakdown', 'expense-breakdown'],
    ['any expense spikes this month', 'expense-breakdown'],
    ['staff exceptions', 'staff-exceptions'],
    ['staff discounts last week', 'staff-exceptions'],
    ['open tasks', 'open-tasks'],
    ['tasks', 'open-tasks'],
    ['help', 'help'],
    ['what can you do?', 'help'],
    ['hi', 'help'],
  ])('%s → %s', (question, analysis) => {
    expect(read(question, WEDNESDAY)).toMatchObject({ kind: 'analysis', analysis });
  });

  it.each([
    ['maida wastage', 'Maida'],
    ['Maida wastage 1-15 Nov', 'Maida'],
    ['wastage of paneer last week', 'Paneer'],
    ['urad dal wastage', 'Urad Dal'],
  ])('%s names item %s', (question, item) => {
    expect(read(question, WEDNESDAY)).toMatchObject({ kind: 'analysis', analysis: 'wastage', item });
  });

  it.each(['what is the wastage this week', '1-15 Nov wastage', 'last week wastage'])(
    '%s names no item',
    (question) => {
      const reading = read(question, WEDNESDAY);
      expect(reading).toMatchObject({ kind: 'analysis', analysis: 'wastage' });
      expect(reading.kind === 'analysis' && reading.item).toBeUndefined();
    },
  );

  it('gives the brief yesterday and the others the last 7 days when no period is named', () => {
    expect(read('daily brief', WEDNESDAY)).toMatchObject({
      period: { from: '2026-11-24', to: '2026-11-24' },
    });
    expect(read('staff exceptions', WEDNESDAY)).toMatchObject({
      period: { from: '2026-11-18', to: '2026-11-24' },
    });
  });

  it('declines what is no analysis and no figure', () => {
    expect(declineOf('write me a poem about dosa', WEDNESDAY).reason).toContain('“write”');
  });
});

describe('look-alikes that ask for a particular figure', () => {
  it('reads "sales this week" as the figure, not the trend', () => {
    expect(queryOf('sales this week', WEDNESDAY).measures).toEqual(['revenue']);
  });

  it('reads a ranked question about voids as the staff ranking', () => {
    expect(queryOf('who is doing the most voids', WEDNESDAY)).toMatchObject({
      measures: ['void_count'],
      groupBy: 'staff',
      rank: { order: 'desc', limit: 1 },
    });
  });

  it('reads wastage broken down, in ₹ or compared as a query', () => {
    expect(queryOf('wastage by day this week', WEDNESDAY)).toMatchObject({ groupBy: 'day' });
    expect(queryOf('maida wastage in kg last week', WEDNESDAY)).toMatchObject({
      measures: ['wastage_qty'],
      filters: [{ dimension: 'item', values: ['Maida'] }],
    });
    expect(queryOf('wastage this week vs last week', WEDNESDAY).compare).toEqual({ kind: 'last_week' });
  });

  it('reads food cost % by week as the ratio, and the rate of one item as its rate', () => {
    expect(queryOf('food cost % by week', WEDNESDAY)).toMatchObject({
      measures: ['food_cost_pct'],
      groupBy: 'week',
    });
    expect(queryOf('rice price last month', WEDNESDAY)).toMatchObject({
      measures: ['unit_rate_latest'],
      filters: [{ dimension: 'item', values: ['Rice'] }],
    });
  });

  it('reads expenses by head as the breakdown query', () => {
    expect(queryOf('expenses by head this month', WEDNESDAY).groupBy).toBe('expense_head');
  });
});
