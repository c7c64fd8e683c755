// The leak scan on the demo café finds every planted leak with the generator's ground-truth figures, on several seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLines, nonFigurePhrases } from '../../../src/core/analyst/composer.ts';
import type { DemoGroundTruth } from '../../../src/core/analyst/demo/ground-truth.ts';
import type { Answer, Finding } from '../../../src/core/model/answer.ts';
import { ungroundedFigures } from '../../helpers/text-figures.ts';
import { type Cafe, openCafe } from './demo-cafe.ts';

/** Planted leaks must rank among this many findings. */
const TOP = 6;

/** Every figure must appear among the finding's facts, to the 2 decimals facts keep. */
function expectFigures(answer: Answer, finding: Finding, figures: Record<string, number>): void {
  const values = answer.facts.filter((f) => finding.factIds.includes(f.id)).map((f) => f.value);
  for (const [name, figure] of Object.entries(figures)) {
    const closest = values.reduce(
      (best, v) => (Math.abs(v - figure) < Math.abs(best - figure) ? v : best),
      Infinity,
    );
    expect(closest, `${finding.key}: ${name}`).toBeCloseTo(figure, 1);
  }
}

function planted(answer: Answer, prefix: string): Finding {
  const rank = answer.findings.findIndex((f) => f.key.startsWith(prefix));
  expect(rank, `${prefix} among ${answer.findings.map((f) => f.key).join(', ')}`).toBeGreaterThanOrEqual(0);
  expect(rank).toBeLessThan(TOP);
  return answer.findings[rank]!;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_');

describe.each([7, 42, 2026])('leak scan on the demo café, seed %i', (seed) => {
  let cafe: Cafe;
  let truth: DemoGroundTruth;
  let answer: Answer;
  const statuses: string[] = [];

  beforeAll(async () => {
    cafe = await openCafe({ seed });
    truth = cafe.demo!.truth;
    answer = await cafe.analyst.ask({ question: 'where am I losing money?', scope: cafe.demo!.scope }, (s) =>
      statuses.push(s),
    );
  });
  afterAll(() => cafe.warehouse.close());

  it('scans the ground truth window', () => {
    expect(answer.sources.period).toMatchObject({ from: truth.window.from, to: truth.window.to });
    expect(answer.path).toBe('offline');
  });

  it('finds the wastage spike', () => {
    const w = truth.wastage;
    const finding = planted(answer, `wastage:${slug(w.item)}:`);
    expectFigures(answer, finding, { qty: w.qty, inr: w.inr, change: w.changePct, excess: w.excessPerWeek });
    expect(finding.impactPerWeek).toBeCloseTo(w.excessPerWeek, 1);
  });

  it('finds the usage variance', () => {
    const v = truth.usageVariance;
    const finding = planted(answer, `variance:${slug(v.ingredient)}:`);
    expectFigures(answer, finding, {
      actual: v.actualQty,
      theoretical: v.theoreticalQty,
      pct: v.variancePct,
      inr: v.varianceInr,
    });
  });

  it('finds the vendor price creep', () => {
    const p = truth.priceCreep;
    const finding = planted(answer, `price-creep:${slug(p.vendor)}:${slug(p.item)}:`);
    expectFigures(answer, finding, {
      before: p.baselinePrice,
      now: p.currentPrice,
      pct: p.creepPct,
      extra: p.extraPerWeek,
    });
  });

  it('finds the staff member with the outsized void and discount rate', () => {
    const s = truth.staffExceptions;
    const finding = planted(answer, `staff:${slug(s.staff)}:`);
    expect(finding.staffLevel).toBe(true);
    expectFigures(answer, finding, {
      rate: s.ratePct,
      median: s.medianPct,
      voids: s.voids,
      voidInr: s.voidInr,
      discounts: s.discountInr,
      excess: s.excessPerWeek,
    });
  });

  it('finds the expense spike', () => {
    const e = truth.expenseSpike;
    const finding = planted(answer, `expense-spike:${slug(e.category)}:`);
    expectFigures(answer, finding, {
      amount: e.amount,
      usual: e.usual,
      change: e.changePct,
      extra: e.extraPerWeek,
    });
  });

  it('ranks findings by ₹ per week and gives the top three a task with a deadline', () => {
    const impacts = answer.findings.map((f) => f.impactPerWeek);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(answer.tasks).toHaveLength(3);
    expect(answer.actions.every((a) => a.deadlineLabel.length > 0 && Date.parse(a.deadline) > 0)).toBe(true);
  });

  it('cites no figure that is not one of its facts, and no filler', () => {
    const text = answerLines(answer).join('\n');
    expect(ungroundedFigures(text, answer.facts, nonFigurePhrases(answer))).toEqual([]);
    expect(text.toLowerCase()).not.toContain('you should consider');
  });

  it('states the true number of sales lines before running each metric', async () => {
    const [count] = await cafe.warehouse.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sales WHERE date BETWEEN '2026-11-18' AND '2026-11-24'",
    );
    expect(statuses[0]).toBe(`Scanning ${count!.n.toLocaleString('en-IN')} sales lines…`);
    expect(answer.sources.rows.sales).toBe(count!.n);
    expect(statuses).toContain('Weighing wastage against last period…');
    expect(statuses).toContain('Looking for unusual voids and discounts by staff…');
  });

  it('leaves the staff finding out of a public channel', async () => {
    const publicAnswer = await cafe.analyst.ask({
      question: 'where am I losing money?',
      scope: cafe.demo!.scope,
      audience: 'public',
    });
    expect(publicAnswer.findings.some((f) => f.staffLevel)).toBe(false);
    expect(JSON.stringify(publicAnswer)).not.toContain(truth.staffExceptions.staff);
    expect(publicAnswer.findings.length).toBe(answer.findings.length - 1);
  });
});
