// An answer says what it could not check: a café that loaded only sales gets no "no leaks found" over stock,
// purchases and expenses it never sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { answerLines, nonFigurePhrases } from '../../../src/core/analyst/composer.ts';
import type { Analyst } from '../../../src/core/analyst/port.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { ungroundedFigures } from '../../helpers/text-figures.ts';
import { MORNING, scope, TZ } from './demo-cafe.ts';

const NOT_CHECKED =
  'Not checked: wastage, usage against recipes, food cost and prime cost (no stock sheets loaded); vendor prices (no purchases loaded); expense spikes (no expenses loaded)';

/** Two bills a day over the week before the demo's "today" (25 Nov), and nothing else. */
function salesOnly(): Record<string, unknown>[] {
  return ['18', '19', '20', '21', '22', '23', '24'].flatMap((day, i) =>
    [1, 2].map((n) => ({
      org_id: scope.orgId,
      location_id: scope.locationId,
      date: `2026-11-${day}`,
      order_id: `B${i}-${n}`,
      item: 'Masala Dosa',
      qty: 1,
      unit_price: 120,
      amount: 120,
      status: 'completed',
      staff: 'Anu',
    })),
  );
}

let warehouse: Warehouse;
let analyst: Analyst;

beforeEach(async () => {
  warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  await warehouse.insertRows('sales', salesOnly() as never);
  const clock = { now: () => MORNING };
  analyst = createAnalyst({ warehouse, tasks: createTaskService({ warehouse, clock }), clock, tz: TZ });
});
afterEach(() => warehouse.close());

function expectGrounded(answer: Answer): void {
  const text = answerLines(answer).join('\n');
  expect(ungroundedFigures(text, answer.facts, nonFigurePhrases(answer)), text).toEqual([]);
}

describe('an answer over sales alone', () => {
  it('leak scan: names what it checked and what it could not, and why', async () => {
    const answer = await analyst.ask({ question: 'where am I losing money?', scope });
    expect(answer.headline).toBe(
      'Profit-leak scan, last 7 days: no leaks found in staff voids and discounts across 14 rows of sales; wastage, usage against recipes, food cost, prime cost, vendor prices and expense spikes could not be checked.',
    );
    expect(answer.sources.gaps).toContain(NOT_CHECKED);
    expect(answer.sources.rows).toMatchObject({ sales: 14, purchases: 0, inventory: 0, expenses: 0 });
    expectGrounded(answer);
  });

  it('daily brief: the same, never "no leaks found" as if everything was checked', async () => {
    const brief = await analyst.dailyBrief(scope);
    expect(brief.headline).toMatch(/^Daily brief, last 7 days: no leaks found in staff voids and discounts /);
    expect(brief.headline).toContain('vendor prices and expense spikes could not be checked');
    expect(brief.sources.gaps).toContain(NOT_CHECKED);
    expectGrounded(brief);
  });

  it('a public scan leaves the staff check out, and so claims nothing checked', async () => {
    const answer = await analyst.ask({ question: 'where am I losing money?', scope, audience: 'public' });
    expect(answer.headline).toBe(
      'Profit-leak scan, last 7 days: wastage, usage against recipes, food cost, prime cost, vendor prices and expense spikes could not be checked.',
    );
  });

  it('food cost: says it could not check, rather than leading with the sales it found', async () => {
    const answer = await analyst.ask({ question: 'food cost last 7 days', scope });
    expect(answer.headline).toBe(
      'Food cost, last 7 days: could not check food cost, prime cost and usage against recipes (no stock sheets loaded).',
    );
    expectGrounded(answer);
  });

  it('a revenue question rests on sales alone: nothing is missing', async () => {
    const answer = await analyst.ask({ question: 'revenue trend last 7 days', scope });
    expect(answer.sources.gaps.some((g) => g.startsWith('Not checked'))).toBe(false);
  });
});
