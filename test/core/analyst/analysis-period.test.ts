// The leak scan and the daily brief answer only for periods they can judge: a named day gets that day's brief, a
// scan shorter than a week is declined (a Saturday's wages against one day's sales is no leak), with what to ask.
import { afterEach, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { answerLines } from '../../../src/core/analyst/composer.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import type { Row, Warehouse } from '../../../src/core/warehouse/port.ts';
import { scope, tinyWarehouse } from './metrics/tiny-warehouse.ts';

/** "Today" is Thu 3 Dec 2026, 10 AM in Kolkata. */
const NOW = new Date('2026-12-03T04:30:00Z');

const bill = (date: string, id: string, amount: number): Row => ({
  date,
  order_id: id,
  item: 'Masala Dosa',
  qty: 1,
  amount,
  status: 'completed',
});
const SALES = [
  bill('2026-11-14', 'B1', 500),
  bill('2026-11-21', 'B2', 900),
  bill('2026-11-21', 'B3', 300),
  bill('2026-11-22', 'B4', 700),
];
// A week's wages paid on Saturday 21 Nov: against that one day's ₹1,200 of sales they would look like a leak.
const EXPENSES: Row[] = [
  { date: '2026-11-21', category: 'salaries', description: 'Weekly wages', amount: 9_000 },
];

const opened: Warehouse[] = [];
afterEach(async () => {
  for (const w of opened.splice(0)) await w.close();
});

async function ask(question: string): Promise<Answer> {
  const warehouse = await tinyWarehouse({ sales: SALES, expenses_master: EXPENSES });
  opened.push(warehouse);
  const clock = { now: () => NOW };
  const analyst = createAnalyst({
    warehouse,
    tasks: createTaskService({ warehouse, clock }),
    clock,
    tz: 'Asia/Kolkata',
  });
  return analyst.ask({ question, scope });
}

it('gives the brief of the day asked for, with the leaks of the 7 days ending on it', async () => {
  const answer = await ask('how did we do on 21 November?');
  expect(answer.intent).toBe('daily-brief');
  expect(answer.sources.period).toMatchObject({ from: '2026-11-15', to: '2026-11-21' });
  const day = SALES.filter((r) => r.date === '2026-11-21').reduce((s, r) => s + Number(r.amount), 0);
  expect(answer.facts.find((f) => f.id === 'yesterday.revenue.total')?.value).toBe(day);
  expect(answer.details?.[0]).toMatch(/^Sat 21 Nov 2026: revenue ₹1,200/);
});

it('declines a leak scan shorter than a week, offering the week that ends on it', async () => {
  const answer = await ask('scan for profit leaks on 21 November');
  expect(answer.intent).toBe('declined');
  expect(answer.facts).toEqual([]);
  expect(answer.findings).toEqual([]);
  const text = answerLines(answer).join('\n');
  expect(text).toContain('at least 7 days');
  expect(text).toContain('"Scan for profit leaks, 15–21 Nov 2026"');
  // The offered question reads back as the scan of exactly that week.
  const week = await ask('Scan for profit leaks, 15–21 Nov 2026');
  expect(week.intent).toBe('leak-scan');
  expect(week.sources.period).toMatchObject({ from: '2026-11-15', to: '2026-11-21' });
});

it('declines a brief for more than one day, with the scan and the figure for that span', async () => {
  const answer = await ask('how are we doing in November?');
  expect(answer.intent).toBe('declined');
  expect(answer.facts).toEqual([]);
  expect(answerLines(answer).join('\n')).toContain('"Scan for profit leaks, November 2026"');
});
