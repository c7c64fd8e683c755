// Everyday questions over a few hand-made rows: the headline states the reading, every figure is computed, or Titan says why not.
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { answerLines, nonFigurePhrases } from '../../../src/core/analyst/composer.ts';
import type { Analyst, Audience } from '../../../src/core/analyst/port.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import type { Row, Warehouse } from '../../../src/core/warehouse/port.ts';
import { ungroundedFigures } from '../../helpers/text-figures.ts';
import { scope, tinyWarehouse } from './metrics/tiny-warehouse.ts';

/** "Today" is Thu 3 Dec 2026, 10 AM in Kolkata. */
const NOW = new Date('2026-12-03T04:30:00Z');

const line = (date: string, bill: string, item: string, amount: number, extra: Row = {}): Row => ({
  date,
  order_id: bill,
  item,
  qty: 1,
  amount,
  status: 'completed',
  staff: 'Ravi',
  payment_mode: 'Cash',
  ...extra,
});

const SALES: Row[] = [
  line('2026-11-21', 'B1', 'Masala Dosa', 120),
  line('2026-11-21', 'B1', 'Filter Coffee', 40),
  line('2026-11-21', 'B2', 'Masala Dosa', 120, { staff: 'Priya', payment_mode: 'UPI' }),
  line('2026-11-21', 'B3', 'Ghee Roast', 180, { status: 'void' }),
  line('2026-11-22', 'B4', 'Filter Coffee', 40, { qty: 2, amount: 80 }),
  line('2026-12-02', 'B5', 'Masala Dosa', 120),
  line('2026-12-02', 'B6', 'Ghee Roast', 180, { staff: 'Priya' }),
];

const opened: Warehouse[] = [];
afterEach(async () => {
  for (const w of opened.splice(0)) await w.close();
});

async function analystOver(rows: Row[], more: Parameters<typeof tinyWarehouse>[0] = {}): Promise<Analyst> {
  const warehouse = await tinyWarehouse({ sales: rows, ...more });
  opened.push(warehouse);
  const clock = { now: () => NOW };
  return createAnalyst({
    warehouse,
    tasks: createTaskService({ warehouse, clock }),
    clock,
    tz: 'Asia/Kolkata',
  });
}

async function ask(analyst: Analyst, question: string, audience: Audience = 'private'): Promise<Answer> {
  const answer = await analyst.ask({ question, scope, audience });
  const text = answerLines(answer).join('\n');
  expect(ungroundedFigures(text, answer.facts, nonFigurePhrases(answer)), text).toEqual([]);
  return answer;
}

const factValue = (answer: Answer, id: string): number | undefined =>
  answer.facts.find((f) => f.id === id)?.value;

describe('answering a question as a query', () => {
  it('answers a point day with that day, not the last 7 days, and says which day in the headline', async () => {
    const analyst = await analystOver(SALES);
    const answer = await ask(analyst, 'What were sales on 21 November?');
    expect(answer.intent).toBe('query');
    // 120 + 40 + 120; the voided Ghee Roast is not revenue.
    expect(factValue(answer, 'q.revenue')).toBe(280);
    expect(answer.headline).toContain('21 Nov 2026');
    expect(answer.headline).toContain('₹280');
    expect(answer.reading?.query?.period).toMatchObject({ from: '2026-11-21', to: '2026-11-21' });
  });

  it('ranks items with their figures and shares computed from the rows', async () => {
    const analyst = await analystOver(SALES);
    const answer = await ask(analyst, 'top 2 items by revenue in the last 30 days');
    // Masala Dosa 360, Ghee Roast 180, Filter Coffee 120 (voids excluded).
    expect(factValue(answer, 'q.revenue@Masala Dosa')).toBe(360);
    expect(factValue(answer, 'q.revenue@Ghee Roast')).toBe(180);
    expect(factValue(answer, 'q.revenue@Filter Coffee')).toBeUndefined();
    expect(answer.details?.[0]).toContain('Masala Dosa');
  });

  it('counts what a filter matches, and a filter that matches nothing is zero, not missing', async () => {
    const analyst = await analystOver(SALES);
    expect(factValue(await ask(analyst, 'how many bills did Ravi cancel in November?'), 'q.void_count')).toBe(
      1,
    );
    expect(
      factValue(await ask(analyst, 'how many bills did Priya cancel in November?'), 'q.void_count'),
    ).toBe(0);
  });

  it('keeps staff names out of a shared channel', async () => {
    const analyst = await analystOver(SALES);
    const answer = await ask(analyst, 'revenue by staff last 30 days', 'public');
    expect(answer.facts).toEqual([]);
    expect(JSON.stringify(answer)).not.toContain('Priya');
  });

  it('says which dates the data covers when the period asked has none, with no figure', async () => {
    const analyst = await analystOver(SALES);
    const answer = await ask(analyst, 'revenue in March 2015');
    expect(answer.intent).toBe('declined');
    expect(answer.facts).toEqual([]);
    expect(answerLines(answer).join('\n')).toContain('Your sales run 21 Nov 2026–2 Dec 2026');
  });

  it('says a comparison period holds nothing, rather than leave the comparison unanswered', async () => {
    const analyst = await analystOver(SALES);
    const answer = await ask(analyst, 'revenue on 2 December vs the same day last year');
    // B5 120 + B6 180; 2 Dec 2025 has no rows at all.
    expect(factValue(answer, 'q.revenue')).toBe(300);
    expect(answer.facts.filter((f) => f.period.from === '2025-12-02')).toEqual([]);
    expect(answer.headline).toContain('nothing recorded in');
  });

  it('ranks vendors among the rows that name one, and says how much names none', async () => {
    const expenses: Row[] = [
      { date: '2026-11-07', category: 'Salaries', vendor: null, amount: 30_000 },
      { date: '2026-11-10', category: 'Rent', vendor: 'Landlord', amount: 12_000 },
      { date: '2026-11-12', category: 'Gas', vendor: 'HP Gas', amount: 4_000 },
    ];
    const analyst = await analystOver(SALES, { expenses_master: expenses });
    const answer = await ask(analyst, 'top vendor by expenses in November');
    expect(answer.headline).toMatch(/Landlord: ₹12,000$/);
    expect(answer.notes.join(' ')).toContain('₹30,000 of expenses records no vendor');
  });

  it('gives quantities and rates of an item in the unit its rows record, and no sum of different units', async () => {
    const bought = [
      { date: '2026-11-10', vendor: 'Nandini', item: 'Milk', qty: 40, unit: 'L', amount: 2_160 },
      { date: '2026-11-20', vendor: 'Nandini', item: 'Milk', qty: 60, unit: 'L', amount: 3_300 },
      { date: '2026-11-12', vendor: 'Kaveri Traders', item: 'Rice', qty: 50, unit: 'kg', amount: 2_750 },
      { date: '2026-11-19', vendor: 'Kaveri Traders', item: 'Rice', qty: 2, unit: 'bag', amount: 2_600 },
    ];
    const analyst = await analystOver(SALES, { purchases_master: bought });
    const milk = bought.filter((b) => b.item === 'Milk');
    const litres = milk.reduce((sum, b) => sum + b.qty, 0);
    const qty = await ask(analyst, 'how much milk did we buy in November');
    expect(factValue(qty, 'q.purchase_qty')).toBe(litres);
    expect(qty.headline).toMatch(/: 100 L$/);
    const byVendor = await ask(analyst, 'average rate for milk by vendor in November');
    expect(byVendor.headline).toMatch(/\(overall ₹[\d.,]+\/L\):$/);
    const rate = await ask(analyst, 'average rate we paid for milk in November');
    expect(rate.headline).toContain(`₹${(milk.reduce((s, b) => s + b.amount, 0) / litres).toFixed(2)}/L`);
    // 50 kg and 2 bags are no "52" of anything.
    const rice = await ask(analyst, 'how much rice did we buy in November');
    expect(rice.intent).toBe('declined');
    expect(rice.facts).toEqual([]);
    expect(rice.headline).toContain('in bag and kg');
  });

  it('declines a measure the data does not hold, with no figure and what to load', async () => {
    const analyst = await analystOver(SALES);
    const answer = await ask(analyst, 'what is our table turnover time?');
    expect(answer.intent).toBe('declined');
    expect(answer.facts).toEqual([]);
    expect(answer.headline.toLowerCase()).toContain('load');
  });

  it('never answers ₹0 for a name the table of the figure has never held', async () => {
    const analyst = await analystOver(SALES, {
      expenses_master: [{ date: '2026-11-20', vendor: 'BESCOM', category: 'Electricity', amount: 4200 }],
      purchases_master: [
        { date: '2026-11-20', vendor: 'Kaveri Traders', item: 'Rice', qty: 10, amount: 600 },
      ],
    });
    const answer = await ask(analyst, 'purchases from BESCOM in November');
    expect(answer.intent).toBe('declined');
    expect(answer.facts).toEqual([]);
    expect(answer.headline).toContain('BESCOM');
  });
});
