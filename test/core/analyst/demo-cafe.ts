// The demo café in an in-memory warehouse, with an analyst and task queue on a settable clock.
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { type DemoSummary, generateDemo } from '../../../src/core/analyst/demo/generate-demo.ts';
import type { Analyst } from '../../../src/core/analyst/port.ts';
import type { Clock } from '../../../src/core/clock.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { createTaskService, type TaskQueue } from '../../../src/core/tasks/task-service.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';

export const TZ = 'Asia/Kolkata';
export const scope = DEFAULT_SCOPE;
/** The demo ends "today": 25 Nov 2026, 8 AM in Kolkata. */
export const END_DATE = '2026-11-25';
export const MORNING = new Date('2026-11-25T02:30:00Z');
/** Enough history for price creep's baseline (eight weeks before the last week). */
export const DEMO_DAYS = 70;

export interface Cafe {
  warehouse: Warehouse;
  analyst: Analyst;
  tasks: TaskQueue;
  clock: Clock & { set(at: Date): void };
  demo: DemoSummary | null;
}

export async function openCafe(options: { seed?: number; dailyRevenueTarget?: number } = {}): Promise<Cafe> {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  let now = MORNING;
  const clock = {
    now: () => now,
    set: (at: Date) => {
      now = at;
    },
  };
  const demo =
    options.seed === undefined
      ? null
      : await generateDemo({
          warehouse,
          seed: options.seed,
          days: DEMO_DAYS,
          endDate: END_DATE,
          now: () => MORNING,
        });
  const tasks = createTaskService({ warehouse, clock });
  const analyst = createAnalyst({
    warehouse,
    tasks,
    clock,
    tz: TZ,
    ...(options.dailyRevenueTarget ? { dailyRevenueTarget: options.dailyRevenueTarget } : {}),
  });
  return { warehouse, analyst, tasks, clock, demo };
}
