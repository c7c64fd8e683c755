// The analyst as the doors use it: every intent answers grounded, tasks are queued once, the brief reports effects.
import { afterEach, describe, expect, it } from 'vitest';
import { answerLines, nonFigurePhrases } from '../../../src/core/analyst/composer.ts';
import { formatChange, formatFact } from '../../../src/core/analyst/format.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { ungroundedFigures } from '../../helpers/text-figures.ts';
import { type Cafe, END_DATE, openCafe, scope } from './demo-cafe.ts';

const opened: Cafe[] = [];
async function cafe(options: Parameters<typeof openCafe>[0] = {}): Promise<Cafe> {
  const c = await openCafe(options);
  opened.push(c);
  return c;
}
afterEach(async () => {
  for (const c of opened.splice(0)) await c.warehouse.close();
});

function expectGrounded(answer: Answer): void {
  const text = answerLines(answer).join('\n');
  expect(ungroundedFigures(text, answer.facts, nonFigurePhrases(answer)), text).toEqual([]);
  expect(text.toLowerCase()).not.toContain('you should consider');
}

describe('analyst', () => {
  it('answers an empty warehouse with how to load data, not an error', async () => {
    const { analyst } = await cafe();
    for (const question of ['where am I losing money?', 'daily brief', 'maida wastage']) {
      const answer = await analyst.ask({ question, scope });
      expect(answer.headline).toBe('No data yet for `cafe_001` / `tiruppur_main`.');
      const text = answerLines(answer).join('\n');
      expect(text).toContain('`titan demo`');
      expect(text).toContain('data/inbox/<category>/');
      expect(text).toContain('`titan ingest');
      expect(answer.findings).toEqual([]);
    }
    expect(await (await analyst.dailyBrief(scope)).headline).toContain('No data yet');
  });

  it('says when a period has no data though others do', async () => {
    const { analyst } = await cafe({ seed: 3 });
    const answer = await analyst.ask({ question: 'food cost 1-15 Jan', scope });
    expect(answer.headline).toContain('no data between');
    expectGrounded(answer);
  });

  it('answers every offline intent with grounded figures', async () => {
    const { analyst } = await cafe({ seed: 5, dailyRevenueTarget: 60_000 });
    const questions = [
      'revenue trend last 30 days',
      'food cost this month',
      'wastage last week',
      'maida wastage',
      'vendor prices',
      'expense breakdown this month',
      'staff exceptions',
      'daily brief',
      'open tasks',
      'help',
      'write me a poem',
    ];
    for (const question of questions) {
      const answer = await analyst.ask({ question, scope });
      expect(answer.headline.length, question).toBeGreaterThan(0);
      expectGrounded(answer);
    }
  });

  it('draws the revenue trend as a line chart, one point a day', async () => {
    const { analyst } = await cafe({ seed: 5 });
    const answer = await analyst.ask({ question: 'revenue trend last 30 days', scope });
    expect(answer.intent).toBe('revenue-trend');
    expect(answer.chart?.kind).toBe('line');
    expect(answer.chart?.points).toHaveLength(30);
  });

  it('narrows wastage to the item named', async () => {
    const { analyst } = await cafe({ seed: 5 });
    const answer = await analyst.ask({ question: 'Maida wastage last week', scope });
    expect(answer.intent).toBe('wastage');
    const items = answer.facts.filter((f) => f.query === 'wastage-by-item' && f.id !== 'wastage.total.inr');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((f) => f.id.startsWith('wastage.maida.'))).toBe(true);
  });

  it('keeps staff exceptions out of a public channel', async () => {
    const { analyst, demo } = await cafe({ seed: 5 });
    const answer = await analyst.ask({ question: 'staff exceptions', scope, audience: 'public' });
    expect(JSON.stringify(answer)).not.toContain(demo!.truth.staffExceptions.staff);
    expect(answer.findings).toEqual([]);
    expect(answer.headline).toContain('private');
  });

  it('declines what it cannot read, naming why, with no figure', async () => {
    const { analyst } = await cafe({ seed: 3 });
    const answer = await analyst.ask({ question: 'write me a poem about dosa', scope });
    expect(answer.intent).toBe('declined');
    expect(answer.facts).toEqual([]);
    expect(answer.findings).toEqual([]);
  });

  it('queues each finding once, however often or concurrently it is asked', async () => {
    const { analyst, tasks } = await cafe({ seed: 9 });
    const ask = () => analyst.ask({ question: 'where am I losing money?', scope, threadId: 'slack:C1:1.2' });
    const first = await ask();
    await Promise.all([ask(), ask(), ask()]);
    await analyst.dailyBrief(scope);
    const queued = await tasks.list({ scope });
    expect(queued.map((t) => t.title).sort()).toEqual(first.tasks.map((t) => t.title).sort());
    expect(queued.every((t) => t.status === 'Pending' && t.taskType === 'AI_Generated_Action')).toBe(true);
    expect(queued[0]!.threadRef).toBe('slack:C1:1.2');
  });

  it('reports open tasks past their deadline with their assignee in the brief', async () => {
    const { analyst, tasks, clock } = await cafe({ seed: 9 });
    await analyst.ask({ question: 'where am I losing money?', scope });
    const [task] = await tasks.list({ scope });
    await tasks.act(task!.taskId, { kind: 'assign', by: 'U_OWNER', assignee: 'Murugan' });
    clock.set(new Date('2026-11-28T02:30:00Z'));
    const brief = await analyst.dailyBrief(scope);
    const text = answerLines(brief).join('\n');
    expect(text).toMatch(/Past deadline: \d+ tasks?\./);
    expect(text).toContain(`\`${task!.taskId}\` ${task!.title} — Acknowledged, assigned to Murugan, due `);
    expectGrounded(brief);
    const open = await analyst.ask({ question: 'open tasks', scope });
    expect(open.details?.[0]).toContain('assigned to Murugan');
  });

  it('re-measures a done task after its deadline and reports the ₹ saved', async () => {
    const { analyst, tasks, clock, warehouse, demo } = await cafe({ seed: 42 });
    const answer = await analyst.ask({ question: 'maida wastage', scope });
    const draft = answer.tasks.find((t) => t.findingKey.startsWith('wastage:maida:'))!;
    expect(draft).toBeDefined();
    const task = (await tasks.listStored({ scope })).find((t) => t.findingKey === draft.findingKey);
    clock.set(new Date('2026-11-25T12:00:00Z'));
    await tasks.act(task!.taskId, { kind: 'done', by: 'U_CHEF' });

    // The kitchen fixed it: the three days after look like the fortnight before the spike.
    const normal = await warehouse.query<{ date: string; wastage_qty: number; unit_cost: number }>(
      "SELECT * FROM inventory_master WHERE item = 'maida' AND date BETWEEN '2026-11-04' AND '2026-11-06' ORDER BY date",
    );
    const after = normal.map((r, i) => ({ ...r, date: `2026-11-${26 + i}` }));
    await warehouse.insertRows('inventory_master', after);
    clock.set(new Date('2026-11-29T02:30:00Z'));

    const brief = await analyst.dailyBrief(scope);
    const line = brief.details?.find((d) => d.startsWith(task!.title));
    const perWeek = (after.reduce((s, r) => s + Number(r.wastage_qty) * Number(r.unit_cost), 0) * 7) / 3;
    const change = Math.round(((perWeek - draft.baseline) / draft.baseline) * 1000) / 10;
    const effect = (name: string) =>
      brief.facts.find((f) => f.id.startsWith('effect.') && f.id.endsWith(name))!;
    const saved = effect('.saved_per_week');
    const changed = effect('.change_pct');
    expect(saved.value).toBe(Math.round(demo!.truth.wastage.excessPerWeek));
    expect(changed.value).toBeLessThan(0);
    expect(changed.value).toBeCloseTo(change, 0);
    expect(line).toBe(
      `${task!.title} — done 4 days ago: Maida wastage per week ${formatChange(changed.value)}, ${formatFact(saved)} saved.`,
    );
    expectGrounded(brief);
  });

  it('does not re-measure before the deadline', async () => {
    const { analyst, tasks } = await cafe({ seed: 42 });
    await analyst.ask({ question: 'maida wastage', scope });
    const [task] = await tasks.list({ scope });
    await tasks.act(task!.taskId, { kind: 'done', by: 'U_CHEF' });
    const brief = await analyst.dailyBrief(scope);
    expect(brief.facts.some((f) => f.id.startsWith('effect.'))).toBe(false);
    expect(END_DATE).toBe('2026-11-25');
  });

  it('states yesterday against the daily target', async () => {
    const { analyst } = await cafe({ seed: 5, dailyRevenueTarget: 60_000 });
    const brief = await analyst.dailyBrief(scope);
    expect(brief.details?.[0]).toMatch(
      /^Yesterday: revenue ₹[\d,]+ against a target of ₹60,000 \((up|down) [\d.]+%\)/,
    );
    expectGrounded(brief);
  });
});
