// A few hand-made rows in an in-memory SQLite warehouse, and a metric context over them.

import { expect } from 'vitest';
import { formatFact } from '../../../../src/core/analyst/format.ts';
import type { LeakCandidate, MetricContext, MetricOutput } from '../../../../src/core/analyst/metric.ts';
import type { Period } from '../../../../src/core/model/answer.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import type { Row, Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';

export const scope = DEFAULT_SCOPE;
/** Rows tagged with this scope must never show up in an answer for `scope`. */
export const otherScope = { org_id: 'cafe_999', location_id: 'elsewhere' };

type Table = 'sales' | 'expenses_master' | 'purchases_master' | 'inventory_master' | 'recipes';

/** Creates the warehouse and inserts `rows`, adding the default scope to rows that carry none. */
export async function tinyWarehouse(rows: Partial<Record<Table, Row[]>>): Promise<Warehouse> {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  for (const [table, list] of Object.entries(rows)) {
    await warehouse.insertRows(
      table,
      list.map((r) => ({ org_id: scope.orgId, location_id: scope.locationId, ...r })),
    );
  }
  return warehouse;
}

export const period = (from: string, to: string, label = 'test period'): Period => ({ from, to, label });

export function context(
  warehouse: Warehouse,
  current: Period,
  previous: Period,
  extra: Partial<MetricContext> = {},
): MetricContext {
  return { warehouse, scope, period: current, previous, ...extra };
}

/** The value of fact `id`; fails the test when the metric did not produce it. */
export function factValue(out: MetricOutput, id: string): number {
  const fact = out.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact ${id}; facts: ${out.facts.map((f) => f.id).join(', ')}`);
  return fact.value;
}

/** The metric's one leak, after checking that its headline shows every fact it cites exactly as formatted. */
export function onlyLeak(out: MetricOutput): LeakCandidate {
  expect(out.leaks).toHaveLength(1);
  const leak = out.leaks[0]!;
  for (const id of leak.factIds) {
    const fact = out.facts.find((f) => f.id === id);
    expect(fact, `leak cites missing fact ${id}`).toBeDefined();
    expect(leak.headline).toContain(formatFact(fact!));
  }
  return leak;
}
