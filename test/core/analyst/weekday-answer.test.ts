// Weekday questions answered end to end over hand-made rows: the headline names the days, the figure is summed
// here from the rows dated on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { formatInr } from '../../../src/core/analyst/format.ts';
import type { Analyst } from '../../../src/core/analyst/port.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import type { Row, Warehouse } from '../../../src/core/warehouse/port.ts';
import { scope, tinyWarehouse } from './metrics/tiny-warehouse.ts';

/** "Today" is Thu 3 Dec 2026, 10 AM in Kolkata. */
const NOW = new Date('2026-12-03T04:30:00Z');

/** One bill a day through November 2026, each day's amount different, plus a voided line on the 1st. */
const SALES: Row[] = Array.from({ length: 30 }, (_v, i) => ({
  date: `2026-11-${String(i + 1).padStart(2, '0')}`,
  order_id: `B${i + 1}`,
  item: 'Masala Dosa',
  qty: 1,
  amount: 100 + 10 * i,
  status: 'completed',
  payment_mode: 'Cash',
}));
SALES.push({ ...SALES[0]!, order_id: 'V1', amount: 5000, status: 'void' });

const weekdayOf = (date: unknown) => new Date(`${String(date)}T00:00:00Z`).getUTCDay();
const sold = (days: number[]) => SALES.filter((r) => r.status !== 'void' && days.includes(weekdayOf(r.date)));

describe('weekday questions, answered', () => {
  let warehouse: Warehouse;
  let analyst: Analyst;
  beforeAll(async () => {
    warehouse = await tinyWarehouse({ sales: SALES });
    const clock = { now: () => NOW };
    analyst = createAnalyst({
      warehouse,
      tasks: createTaskService({ warehouse, clock }),
      clock,
      tz: 'Asia/Kolkata',
    });
  });
  afterAll(() => warehouse.close());

  it('sums the Sundays of November and says so in the headline', async () => {
    const answer = await analyst.ask({
      question: 'sales on sundays in november',
      scope,
      audience: 'private',
    });
    const sundays = sold([0]);
    expect(sundays).toHaveLength(5);
    const want = sundays.reduce((sum, r) => sum + Number(r.amount), 0);
    expect(answer.intent).toBe('query');
    expect(answer.facts.find((f) => f.id === 'q.revenue')?.value).toBe(want);
    expect(answer.headline).toContain('Revenue on Sundays in November 2026');
    expect(answer.headline).toContain(formatInr(want));
  });

  it('averages the bill over Saturdays and Sundays only', async () => {
    const answer = await analyst.ask({
      question: 'average bill on weekends last month',
      scope,
      audience: 'private',
    });
    const weekend = sold([0, 6]);
    const want = weekend.reduce((sum, r) => sum + Number(r.amount), 0) / weekend.length;
    expect(answer.facts.find((f) => f.id === 'q.average_bill')?.value).toBeCloseTo(want, 9);
    expect(answer.headline).toContain('Average bill on weekends (Sat, Sun), last month (November 2026)');
  });
});
