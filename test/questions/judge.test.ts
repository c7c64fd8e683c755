// The judge itself: an answer built to the Answer contract from the right figures is RIGHT for every suite question,
// and the same answer with one thing off (a day, a rupee, the order, a filter, a figure on a refusal) is WRONG.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/analyst/calendar.ts';
import type { Answer, Fact } from '../../src/core/model/answer.ts';
import { comparisonFactId, groupFactId, shareFactId, totalFactId } from '../../src/core/semantic/fact-ids.ts';
import type { SemanticQuery } from '../../src/core/semantic/query.ts';
import { generateCafe } from './cafe/generate-cafe.ts';
import { DEV_QUESTIONS } from './dev-questions.ts';
import { HELD_OUT_QUESTIONS } from './held-out-questions.ts';
import { judgeAnswer } from './judge.ts';
import { createOracle } from './oracle.ts';
import {
  type Expectation,
  item,
  lastDays,
  type Question,
  vendor,
  wants,
  yesterday,
} from './question-spec.ts';

const oracle = createOracle(generateCafe());
const ALL = [...DEV_QUESTIONS, ...HELD_OUT_QUESTIONS];
const answerable = ALL.filter((q): q is Extract<Question, { expect: unknown }> => 'expect' in q);
const refusals = ALL.filter((q) => 'decline' in q);

function answer(intent: string, facts: Fact[], query?: SemanticQuery): Answer {
  const period = query?.period ?? { from: '2026-12-03', to: '2026-12-03', label: 'today' };
  return {
    intent,
    headline: '',
    rootCause: '',
    findings: [],
    actions: [],
    tasks: [],
    facts,
    sources: { period, rows: {}, freshness: {}, gaps: [] },
    path: 'offline',
    notes: [],
    ...(query ? { reading: { text: 'as read', query } } : {}),
  };
}

const declined = (): Answer => ({
  ...answer('declined', []),
  reading: { text: "I can't", suggestions: ['revenue yesterday'] },
});

/** What a pipeline that read `e` right and computed every figure right would answer. */
function contractAnswer(e: Expectation): Answer {
  const period = { ...e.period, label: 'as asked' };
  const fact = (id: string, value: number, p = period): Fact => ({
    id,
    label: id,
    value,
    unit: 'INR',
    period: p,
    query: 'semantic',
  });
  const first = e.measures[0]!;
  const truth = oracle.answer(e);
  const facts: Fact[] = [];
  if (e.groupBy) {
    for (const g of truth.ranked) facts.push(fact(groupFactId(first, g.key), g.value));
    const total = truth.total!;
    if (e.shareOf !== undefined)
      for (const g of truth.groups) facts.push(fact(shareFactId(g.key), (g.value / total) * 100));
  } else {
    for (const m of e.measures) facts.push(fact(totalFactId(m), oracle.answer(e, m).total!));
  }
  if (e.compare) {
    const before = { ...e.compare, label: 'before' };
    facts.push(fact(comparisonFactId(first), truth.compare!, before));
    const change = ((truth.total! - truth.compare!) / truth.compare!) * 100;
    facts.push({ ...fact(`${comparisonFactId(first)}%`, change, before), unit: '%' });
  }
  const query: SemanticQuery = {
    measures: e.measures,
    filters: e.filters,
    period,
    share: e.shareOf !== undefined,
    ...(e.groupBy ? { groupBy: e.groupBy } : {}),
    ...(e.rank ? { rank: e.rank } : {}),
    ...(e.compare ? { compare: { kind: 'period', period: { ...e.compare, label: 'before' } } } : {}),
  };
  return answer('query', facts, query);
}

const verdictOf = (q: Question, a: Answer) => judgeAnswer(q, a, oracle)[0];

describe('the judge', () => {
  it('calls a contract answer with the right figures RIGHT, for every answerable question', () => {
    const notRight = answerable
      .map((q) => [q.id, judgeAnswer(q, contractAnswer(q.expect), oracle)] as const)
      .filter(([, [v]]) => v !== 'right');
    expect(notRight).toEqual([]);
  });

  it('calls a figure one rupee (or one bill, or one kilo) off WRONG', () => {
    const kept = answerable.filter((q) => {
      const a = contractAnswer(q.expect);
      const target = a.facts.find(
        (f) => f.id.startsWith(`q.${q.expect.measures[0]}`) || f.id.startsWith('q.share@'),
      )!;
      target.value += 1;
      return verdictOf(q, a) !== 'wrong';
    });
    expect(kept.map((q) => q.id)).toEqual([]);
  });

  it('calls a figure for the day before WRONG', () => {
    const dated = answerable.filter((q) => !q.expect.snapshot);
    const kept = dated.filter((q) => {
      const a = contractAnswer(q.expect);
      const query = a.reading!.query!;
      a.reading!.query = { ...query, period: { ...query.period, from: addDays(query.period.from, -1) } };
      return verdictOf(q, a) !== 'wrong';
    });
    expect(kept.map((q) => q.id)).toEqual([]);
  });

  it('calls a stock figure as of a day before the last register day WRONG', () => {
    const [q] = answerable.filter((x) => x.text === 'How much rice is in stock?');
    const a = contractAnswer(q!.expect);
    expect(verdictOf(q!, a)).toBe('right');
    a.reading!.query!.period = { from: '2026-11-20', to: '2026-11-20', label: '20 Nov' };
    expect(verdictOf(q!, a)).toBe('wrong');
  });

  it('calls a ranking where a total was asked WRONG', () => {
    const [q] = answerable.filter((x) => x.text === 'revenue yesterday');
    const ranked = contractAnswer(q!.expect);
    ranked.reading!.query = { ...ranked.reading!.query!, groupBy: 'item', rank: { order: 'desc', limit: 3 } };
    expect(verdictOf(q!, ranked)).toBe('wrong');
  });

  it('calls a ranking listed out of order WRONG, and one cut short', () => {
    const [q] = answerable.filter((x) => x.text === 'Top 3 items by revenue in the last 30 days');
    const reversed = contractAnswer(q!.expect);
    reversed.facts.reverse();
    expect(verdictOf(q!, reversed)).toBe('wrong');
    const short = contractAnswer(q!.expect);
    short.facts.pop();
    expect(verdictOf(q!, short)).toBe('wrong');
  });

  it('calls a reading that drops a filter the owner named WRONG, and an equivalent measure RIGHT', () => {
    const [rate] = answerable.filter(
      (x) => x.text === 'What is the latest rate of rice from Kaveri Traders?',
    );
    const dropped = contractAnswer(rate!.expect);
    dropped.reading!.query!.filters = [item('Rice')];
    expect(verdictOf(rate!, dropped)).toBe('wrong');
    const [salaries] = answerable.filter((x) => x.text === 'how much did we spend on salaries last month');
    expect(verdictOf(salaries!, contractAnswer(wants('labour', salaries!.expect.period)))).toBe('right');
  });

  it('reads a long breakdown that lists the first groups and counts the rest', () => {
    const e = wants('revenue', lastDays(30), { groupBy: 'item' });
    const q: Question = {
      id: 'judge-breakdown',
      family: 'item',
      text: 'revenue by item, last 30 days',
      expect: e,
    };
    const groups = oracle.answer(e).groups;
    expect(groups.length).toBeGreaterThan(10);
    const listing = (more: number): Answer => {
      const a = contractAnswer(e);
      const kept = a.facts.filter((f) => f.id.includes('@')).slice(0, 10);
      const moreFact = { ...kept[0]!, id: 'q.groups.more', value: more, unit: 'items' };
      return { ...a, facts: [...a.facts.filter((f) => !f.id.includes('@')), ...kept, moreFact] };
    };
    expect(verdictOf(q, listing(groups.length - 10))).toBe('right');
    expect(verdictOf(q, listing(groups.length - 11))).toBe('wrong');
  });

  it('calls a comparison with another period WRONG, and a wrong change %', () => {
    const [q] = answerable.filter((x) => x.text === 'November revenue vs October');
    const a = contractAnswer(q!.expect);
    const compared = a.facts.find((f) => f.id === comparisonFactId('revenue'))!;
    compared.period = { from: '2026-10-01', to: '2026-10-30', label: 'Oct' };
    expect(verdictOf(q!, a)).toBe('wrong');
    const change = contractAnswer(q!.expect);
    change.facts.find((f) => f.id === `${comparisonFactId('revenue')}%`)!.value += 0.1;
    expect(verdictOf(q!, change)).toBe('wrong');
  });

  it('counts an honest decline of an answerable question as DECLINED, never RIGHT', () => {
    expect(new Set(answerable.map((q) => verdictOf(q, declined())))).toEqual(new Set(['declined']));
  });

  it('calls a decline of every question Titan must not answer RIGHT, and any figure there WRONG', () => {
    expect(new Set(refusals.map((q) => verdictOf(q, declined())))).toEqual(new Set(['right']));
    const figure = contractAnswer(wants('revenue', yesterday()));
    expect(new Set(refusals.map((q) => verdictOf(q, figure)))).toEqual(new Set(['wrong']));
  });

  it('calls an answer from outside the query path WRONG, whatever its figures', () => {
    const [q] = answerable.filter((x) => x.text === 'revenue yesterday');
    const legacy = { ...contractAnswer(q!.expect), intent: 'revenue-trend' };
    expect(verdictOf(q!, legacy)).toBe('wrong');
    const vendorless = contractAnswer(
      wants('purchases', lastDays(30), { filters: [vendor('Kaveri Traders')] }),
    );
    expect(verdictOf(q!, vendorless)).toBe('wrong');
  });
});
