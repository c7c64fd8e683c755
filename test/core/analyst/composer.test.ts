// The offline CFO voice: ranked findings, number → root cause → task with deadline, every figure a fact, no filler.
import { describe, expect, it } from 'vitest';
import { answerLines, nonFigurePhrases } from '../../../src/core/analyst/composer.ts';
import { formatFact } from '../../../src/core/analyst/format.ts';
import type { LeakCandidate, Metric, MetricOutput } from '../../../src/core/analyst/metric.ts';
import { composeMetricAnswer } from '../../../src/core/analyst/metric-answer.ts';
import type { Audience } from '../../../src/core/analyst/port.ts';
import type { MetricRun } from '../../../src/core/analyst/run-metrics.ts';
import type { Fact, Period } from '../../../src/core/model/answer.ts';
import { ungroundedFigures } from '../../helpers/text-figures.ts';

const period: Period = { from: '2026-11-18', to: '2026-11-24', label: 'last 7 days' };
const now = new Date('2026-11-25T02:30:00Z');
const tz = 'Asia/Kolkata';

const fact = (id: string, label: string, value: number, unit: string): Fact => ({
  id,
  label,
  value,
  unit,
  period,
  query: 'test',
});

function leakOf(
  key: string,
  facts: Fact[],
  impact: number,
  extra: Partial<LeakCandidate> = {},
): LeakCandidate {
  return {
    key: `${key}:${period.from}..${period.to}`,
    headline: `${facts[0]!.label}: ${facts.map((f) => formatFact(f)).join(', ')}`,
    rootCause: `${key} root cause`,
    action: `Fix ${key}`,
    deadlineHours: 24,
    impactPerWeek: impact,
    factIds: facts.map((f) => f.id),
    remeasure: { metric: key, value: facts[0]!.value, factId: facts[0]!.id },
    ...extra,
  };
}

function run(id: string, output: Partial<MetricOutput>, staffLevel = false): MetricRun {
  const metric: Metric = {
    id,
    description: id,
    status: `${id}…`,
    ...(staffLevel ? { staffLevel } : {}),
    run: async () => ({ facts: [], leaks: [], rowsScanned: 0, ...output }),
  };
  return { metric, output: { facts: [], leaks: [], rowsScanned: 0, ...output } };
}

const maida = [
  fact('wastage.maida.inr', 'Maida wastage', 840, 'INR'),
  fact('wastage.maida.change', 'Maida change', 23.4, '%'),
];
const price = [fact('price.paneer', 'Paneer price', 412.5, 'INR/kg')];
const gas = [fact('expense.gas', 'Gas spend', 9200, 'INR')];
const oil = [fact('usage.oil', 'Oil over recipe', 14.2, 'L')];
const ravi = [fact('staff.ravi.voids', 'Ravi voids', 18, 'voids')];

const runs = (): MetricRun[] => [
  run('wastage', { facts: maida, leaks: [leakOf('wastage', maida, 840)] }),
  run('price', { facts: price, leaks: [leakOf('price', price, 2300)] }),
  run('expense', { facts: gas, leaks: [leakOf('expense', gas, 1500)] }),
  run('usage', { facts: oil, leaks: [leakOf('usage', oil, 310)] }),
  run('staff', { facts: ravi, leaks: [leakOf('staff', ravi, 5000, { staffLevel: true })] }, true),
];

const rowFacts = [fact('rows.sales', 'sales rows', 45210, 'rows')];
const sources = { period, rows: { sales: 45210 }, freshness: { sales: null }, gaps: [] };

const compose = (audience: Audience, scan = true, input = runs()) =>
  composeMetricAnswer(
    {
      intent: 'leak-scan',
      title: 'Profit-leak scan',
      runs: input,
      sources,
      baseFacts: rowFacts,
      scan,
      failures: [],
    },
    { now, tz, audience, period },
  );

describe('composer', () => {
  it('ranks findings by ₹ impact per week and writes number → root cause → task with deadline', () => {
    const answer = compose('private');
    expect(answer.findings.map((f) => f.key.split(':')[0])).toEqual([
      'staff',
      'price',
      'expense',
      'wastage',
      'usage',
    ]);
    const lines = answerLines(answer);
    expect(lines[0]).toBe('Profit-leak scan, last 7 days: 5 leaks worth ₹9,950/week.');
    expect(lines[1]).toBe(
      'Ravi voids: 18 voids (₹5,000/week) → Root cause: staff root cause → [TASK:] Fix staff by tomorrow 10 AM',
    );
    expect(lines[2]).toMatch(
      /^Paneer price: ₹412\.50\/kg \(₹2,300\/week\) → Root cause: .+ → \[TASK:\] Fix price by /,
    );
    expect(lines[4]).toBe('Also: Maida wastage: ₹840, 23.4%; Oil over recipe: 14.2 L');
  });

  it('gives the top three findings an action with a deadline and a task draft', () => {
    const answer = compose('private');
    expect(answer.actions).toHaveLength(3);
    expect(answer.actions[0]).toEqual({
      text: 'Fix staff',
      deadline: '2026-11-26T04:30:00.000Z',
      deadlineLabel: 'tomorrow 10 AM',
    });
    expect(answer.tasks.map((t) => t.findingKey)).toEqual([
      'staff:2026-11-18..2026-11-24',
      'price:2026-11-18..2026-11-24',
      'expense:2026-11-18..2026-11-24',
    ]);
    expect(answer.tasks[1]).toMatchObject({
      title: 'Fix price',
      dueAt: '2026-11-26T04:30:00.000Z',
      metric: 'price',
      baseline: 412.5,
      remeasure: { factId: 'price.paneer', impactPerWeek: 2300, periodDays: 7 },
    });
    expect(answer.rootCause).toBe('staff root cause');
  });

  it('cites only figures that are facts of the answer', () => {
    for (const audience of ['private', 'public'] as const) {
      for (const scan of [true, false]) {
        const answer = compose(audience, scan);
        const text = answerLines(answer).join('\n');
        expect(text).toMatch(/\d/);
        expect(ungroundedFigures(text, answer.facts, nonFigurePhrases(answer))).toEqual([]);
      }
    }
  });

  it('catches a figure that is not a fact', () => {
    const answer = compose('private');
    const text = `${answerLines(answer).join('\n')}\nAlso ₹1,234 went missing.`;
    expect(ungroundedFigures(text, answer.facts, nonFigurePhrases(answer))).toEqual(['1,234']);
  });

  it('never pads with filler', () => {
    const text = answerLines(compose('private')).join('\n').toLowerCase();
    for (const filler of ['you should consider', 'you may want to', 'it might be worth', 'consider ']) {
      expect(text).not.toContain(filler);
    }
  });

  it('leaves staff-level findings and facts out of public answers', () => {
    const answer = compose('public');
    expect(answer.findings.map((f) => f.key.split(':')[0])).toEqual(['price', 'expense', 'wastage', 'usage']);
    expect(JSON.stringify(answer)).not.toContain('Ravi');
    expect(answer.tasks.map((t) => t.metric)).toEqual(['price', 'expense', 'wastage']);
  });

  it('says so when nothing leaks, citing the rows it read', () => {
    const answer = compose('private', true, [run('wastage', { facts: maida })]);
    expect(answer.headline).toBe(
      'Profit-leak scan, last 7 days: no leaks found across 45,210 rows of sales.',
    );
    expect(answer.findings).toEqual([]);
    expect(answer.tasks).toEqual([]);
  });

  it('leads a focused answer with each metric’s first figure and lists the rest', () => {
    const answer = compose('private', false, [run('wastage', { facts: maida })]);
    expect(answer.headline).toBe('Profit-leak scan, last 7 days: Maida wastage: ₹840.');
    expect(answer.details).toEqual(['Maida change: 23.4%', 'Nothing here needs action.']);
  });
});
