// The measure definitions worked out in plain JavaScript over the dataset's literal rows: the expected answers.
import type { Period } from '../../../src/core/model/answer.ts';
import type { DimensionId, MeasureId, SemanticFilter } from '../../../src/core/semantic/query.ts';
import {
  EXPENSES,
  type ExpenseRow,
  INVENTORY,
  type InventoryRow,
  PURCHASES,
  type PurchaseRow,
  SALES,
  type SaleRow,
  scope,
} from './dataset.ts';

export const NONE = '(not recorded)';
const VOID = ['void', 'voided', 'cancelled', 'canceled'];
const COMP = ['complimentary', 'comp', 'compliment'];
const LABOUR = ['salaries', 'salary', 'wages', 'labour', 'labor', 'staff'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Table = 'sales' | 'expenses' | 'purchases' | 'inventory' | 'stock';
interface Rows {
  sales: SaleRow[];
  expenses: ExpenseRow[];
  purchases: PurchaseRow[];
  inventory: InventoryRow[];
  stock: InventoryRow[];
}

const kindOf = (s: SaleRow) => {
  const status = (s.status ?? '').toLowerCase();
  return VOID.includes(status) ? 'void' : COMP.includes(status) ? 'comp' : 'sale';
};
const gross = (s: SaleRow) => (s.unit_price === null ? s.amount + s.discount : s.qty * s.unit_price);
const total = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
};
/** A line without an order id is a bill of its own (the line object is its identity). */
const billsOf = (lines: SaleRow[]) => {
  const bills = new Map<unknown, SaleRow[]>();
  for (const l of lines) {
    const key = l.order_id === null ? l : `${l.date}|${l.order_id}`;
    bills.set(key, [...(bills.get(key) ?? []), l]);
  }
  return [...bills.values()];
};
const ifAny = <T>(rows: T[], value: () => number | null) => (rows.length ? value() : null);

/** A line's unit rate is what was paid per unit, amount ÷ qty, whatever its unit_cost column says. */
const rated = (rows: PurchaseRow[]) =>
  rows.filter((p) => (p.qty ?? 0) > 0).map((p) => ({ ...p, rate: p.amount / p.qty! }));
const weighted = (lines: { rate: number; qty: number | null }[]) =>
  lines.length
    ? lines.reduce((s, l) => s + l.rate * l.qty!, 0) / lines.reduce((s, l) => s + l.qty!, 0)
    : null;

function byItem<T extends { item: string }>(rows: T[]): T[][] {
  const items = new Map<string, T[]>();
  for (const r of rows) items.set(r.item, [...(items.get(r.item) ?? []), r]);
  return [...items.values()];
}

function cogs(r: Rows): number | null {
  if (r.inventory.length === 0) return null;
  let opening = 0;
  let closing = 0;
  for (const rows of byItem(r.inventory)) {
    const dates = rows.map((x) => x.date).sort();
    for (const x of rows) {
      if (x.date === dates[0]) opening += x.opening_qty * x.unit_cost;
      if (x.date === dates.at(-1)) closing += x.closing_qty * x.unit_cost;
    }
  }
  return opening + (total(r.purchases.map((p) => p.amount)) ?? 0) - closing;
}

const revenue = (r: Rows) => ifAny(r.sales, () => total(sold(r).map((s) => s.amount)) ?? 0);
const sold = (r: Rows) => r.sales.filter((s) => kindOf(s) === 'sale');
const labour = (r: Rows) =>
  total(r.expenses.filter((e) => LABOUR.includes(e.category.toLowerCase())).map((e) => e.amount));
const pct = (a: number | null, b: number | null) =>
  a === null || b === null || b <= 0 ? null : (a / b) * 100;
const countBills = (r: Rows, kind: string) =>
  ifAny(r.sales, () => billsOf(r.sales.filter((s) => kindOf(s) === kind)).length);

export const REFERENCE: Record<MeasureId, (r: Rows) => number | null> = {
  revenue,
  gross_sales: (r) => ifAny(r.sales, () => total(sold(r).map(gross)) ?? 0),
  bills: (r) => countBills(r, 'sale'),
  items_sold: (r) => total(sold(r).map((s) => s.qty)),
  average_bill: (r) => {
    const bills = countBills(r, 'sale');
    return bills ? revenue(r)! / bills : null;
  },
  covers: (r) =>
    total(
      billsOf(sold(r)).map((lines) => {
        const recorded = lines.flatMap((l) => (l.covers === null ? [] : [l.covers]));
        return recorded.length ? Math.max(...recorded) : null;
      }),
    ),
  discounts: (r) => ifAny(r.sales, () => total(sold(r).map((s) => s.discount)) ?? 0),
  void_count: (r) => countBills(r, 'void'),
  void_value: (r) => ifAny(r.sales, () => total(r.sales.filter((s) => kindOf(s) === 'void').map(gross)) ?? 0),
  comp_count: (r) => countBills(r, 'comp'),
  comp_value: (r) => ifAny(r.sales, () => total(r.sales.filter((s) => kindOf(s) === 'comp').map(gross)) ?? 0),
  expenses: (r) => total(r.expenses.map((e) => e.amount)),
  purchases: (r) => total(r.purchases.map((p) => p.amount)),
  purchase_qty: (r) => total(r.purchases.map((p) => p.qty)),
  unit_rate_latest: (r) => {
    const lines = rated(r.purchases);
    const last = lines
      .map((l) => l.date)
      .sort()
      .at(-1);
    return weighted(lines.filter((l) => l.date === last));
  },
  unit_rate_avg: (r) => weighted(rated(r.purchases)),
  unit_rate_min: (r) =>
    rated(r.purchases).length ? Math.min(...rated(r.purchases).map((l) => l.rate)) : null,
  unit_rate_max: (r) =>
    rated(r.purchases).length ? Math.max(...rated(r.purchases).map((l) => l.rate)) : null,
  wastage_qty: (r) => total(r.inventory.map((i) => i.wastage_qty)),
  wastage_value: (r) => total(r.inventory.map((i) => i.wastage_qty * i.unit_cost)),
  stock_on_hand: (r) =>
    total(
      byItem(r.stock).map((rows) => {
        const last = rows
          .map((x) => x.date)
          .sort()
          .at(-1);
        return total(rows.filter((x) => x.date === last).map((x) => x.closing_qty));
      }),
    ),
  cogs,
  food_cost_pct: (r) => pct(cogs(r), revenue(r)),
  labour,
  labour_pct: (r) => pct(labour(r), revenue(r)),
  prime_cost_pct: (r) => {
    const c = cogs(r);
    const l = labour(r);
    return c === null || l === null || l <= 0 ? null : pct(c + l, revenue(r));
  },
};

/** The tables each measure reads (what the reference needs to know to form groups). */
export const READS: Record<MeasureId, Table[]> = {
  ...(Object.fromEntries(
    ['revenue', 'gross_sales', 'bills', 'items_sold', 'average_bill', 'covers', 'discounts']
      .concat(['void_count', 'void_value', 'comp_count', 'comp_value'])
      .map((m) => [m, ['sales']]),
  ) as Record<MeasureId, Table[]>),
  expenses: ['expenses'],
  labour: ['expenses'],
  purchases: ['purchases'],
  purchase_qty: ['purchases'],
  unit_rate_latest: ['purchases'],
  unit_rate_avg: ['purchases'],
  unit_rate_min: ['purchases'],
  unit_rate_max: ['purchases'],
  wastage_qty: ['inventory'],
  wastage_value: ['inventory'],
  stock_on_hand: ['stock'],
  cogs: ['inventory', 'purchases'],
  food_cost_pct: ['inventory', 'purchases', 'sales'],
  labour_pct: ['expenses', 'sales'],
  prime_cost_pct: ['inventory', 'purchases', 'expenses', 'sales'],
};

const ATTRIBUTE: Partial<Record<DimensionId, Partial<Record<Table, string>>>> = {
  item: { sales: 'item', purchases: 'item', inventory: 'item', stock: 'item' },
  category: { sales: 'category' },
  vendor: { purchases: 'vendor', expenses: 'vendor' },
  expense_head: { expenses: 'category' },
  staff: { sales: 'staff' },
  payment_mode: { sales: 'payment_mode', expenses: 'payment_mode' },
  order_type: { sales: 'order_type' },
};

function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A row's key for a dimension, worked out by hand-written rules rather than SQL. */
export function keyOf(dimension: DimensionId, table: Table, row: Record<string, unknown>): string {
  const date = String(row.date);
  switch (dimension) {
    case 'day':
      return date;
    case 'week':
      return mondayOf(date);
    case 'month':
      return date.slice(0, 7);
    case 'weekday':
      return DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
    case 'hour':
      return row.order_time ? String(row.order_time).slice(0, 2) : NONE;
    case 'location':
      return scope.locationId;
    default: {
      const value = row[ATTRIBUTE[dimension]![table]!];
      return value === null || value === undefined ? NONE : String(value);
    }
  }
}

export interface ReferenceQuery {
  measure: MeasureId;
  period: Period;
  filters?: SemanticFilter[];
  groupBy?: DimensionId;
}

function rowsIn(period: Period, filters: SemanticFilter[]): Rows {
  const inPeriod = <T extends { date: string }>(rows: T[]) =>
    rows.filter((r) => r.date >= period.from && r.date <= period.to);
  const rows: Rows = {
    sales: inPeriod(SALES),
    expenses: inPeriod(EXPENSES),
    purchases: inPeriod(PURCHASES),
    inventory: inPeriod(INVENTORY),
    stock: INVENTORY.filter((r) => r.date <= period.to),
  };
  for (const f of filters) {
    for (const table of Object.keys(rows) as Table[]) {
      const keep = (r: object) => f.values.includes(keyOf(f.dimension, table, r as Record<string, unknown>));
      (rows[table] as object[]) = (rows[table] as object[]).filter(keep);
    }
  }
  return rows;
}

/** The expected total, or the expected value per group key (every group any table it reads has). */
export function expected(q: ReferenceQuery): number | null | Map<string, number | null> {
  const rows = rowsIn(q.period, q.filters ?? []);
  if (!q.groupBy) return REFERENCE[q.measure](rows);
  const dim = q.groupBy;
  const keys = new Set(
    READS[q.measure].flatMap((t) =>
      (rows[t] as object[]).map((r) => keyOf(dim, t, r as Record<string, unknown>)),
    ),
  );
  const groups = new Map<string, number | null>();
  for (const key of keys) {
    const only = Object.fromEntries(
      (Object.keys(rows) as Table[]).map((t) => [
        t,
        (rows[t] as object[]).filter((r) => keyOf(dim, t, r as Record<string, unknown>) === key),
      ]),
    ) as unknown as Rows;
    groups.set(key, REFERENCE[q.measure](only));
  }
  return groups;
}
