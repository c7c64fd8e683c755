// Order type is a dimension owners ask about: a POS export's Dine In / Delivery / aggregator column loads, and
// "delivery sales", "revenue by order type" are answered from it. Expected figures are summed here from the rows.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import { createIngestHarness, type IngestHarness } from '../ingest/ingest-harness.ts';

const LINES = [
  ['03/11/2026', 'B-1', 'Masala Dosa', 2, 240, 'Dine In'],
  ['03/11/2026', 'B-2', 'Filter Coffee', 3, 120, 'Delivery'],
  ['10/11/2026', 'B-3', 'Paneer Roll', 1, 150, 'Swiggy'],
  ['17/11/2026', 'B-4', 'Veg Biryani', 2, 360, 'Delivery'],
  ['24/11/2026', 'B-5', 'Idli Vada', 4, 320, 'Dine In'],
] as const;
const sumOf = (type: string) => LINES.filter((l) => l[5] === type).reduce((s, l) => s + l[4], 0);

let h: IngestHarness;
beforeEach(async () => {
  h = await createIngestHarness();
  const csv = ['Bill Date,Bill No,Item,Qty,Amount,Order Type', ...LINES.map((l) => l.join(','))].join('\n');
  const outcome = await h.ingestFile('pos.csv', `${csv}\n`);
  expect(outcome).toMatchObject({ outcome: 'loaded', rows: LINES.length });
});
afterEach(async () => {
  await h.close();
});

function analyst() {
  const clock = { now: () => new Date('2026-12-02T04:30:00Z') };
  const tasks = createTaskService({ warehouse: h.warehouse, clock });
  return createAnalyst({ warehouse: h.warehouse, tasks, clock, tz: 'Asia/Kolkata' });
}

it('answers delivery sales from the stored order type, and only those bills', async () => {
  const answer = await analyst().ask({ question: 'delivery sales in November', scope: DEFAULT_SCOPE });
  expect(answer.reading?.query?.filters).toEqual([{ dimension: 'order_type', values: ['Delivery'] }]);
  expect(answer.facts.map((f) => f.value)).toEqual([sumOf('Delivery')]);
});

it('breaks November revenue down by order type', async () => {
  const answer = await analyst().ask({ question: 'revenue by order type in November', scope: DEFAULT_SCOPE });
  expect(answer.reading?.query?.groupBy).toBe('order_type');
  const figures = new Map(answer.facts.filter((f) => f.id !== 'q.revenue').map((f) => [f.label, f.value]));
  for (const type of ['Dine In', 'Delivery', 'Swiggy']) {
    expect([...figures].find(([label]) => label.includes(type))?.[1]).toBe(sumOf(type));
  }
});

it('declines a breakdown by something no row records, rather than one "(not recorded)" figure', async () => {
  // The file names no cashier: a breakdown by staff has nothing to break down.
  const answer = await analyst().ask({ question: 'revenue by staff in November', scope: DEFAULT_SCOPE });
  expect(answer.facts).toEqual([]);
  expect(answer.headline).toMatch(/do not record staff/);
});

it('declines an order type the rows do not record, naming the ones they do', async () => {
  const answer = await analyst().ask({ question: 'online orders revenue in November', scope: DEFAULT_SCOPE });
  expect(answer.facts).toEqual([]);
  expect(answer.headline).toContain('“online”');
  for (const type of new Set(LINES.map((l) => l[5]))) expect(answer.headline).toContain(type);
  expect(answer.headline).not.toMatch(/load a POS export/);
});
