// The rows a figure is computed over (sources) and what it can be broken down or filtered by (dimensions).
import type { Dialect, SqlValue } from '../warehouse/port.ts';
import type { Category } from '../warehouse/tables.ts';
import { lineKind } from './predicates.ts';
import type { DimensionId } from './query.ts';

/**
 * The row sets measures aggregate. Each is one warehouse table read over the period, except `stock`:
 * the stock sheet read up to the period's end, for what is on the shelf at its close.
 */
export type SourceId = 'sales' | 'expenses' | 'purchases' | 'inventory' | 'stock';

export interface SourceDef {
  id: SourceId;
  table: string;
  /** The ingest category whose rows the table holds. */
  category: Category;
  /** `period`: from ≤ date ≤ to; `until_end`: every row up to the period's last day. */
  dates: 'period' | 'until_end';
  /** The columns its aggregates read, as SQL select items (a derived column is `<expr> AS <name>`). */
  columns(d: Dialect): string[];
  /** The column naming each row's currency, where rows can be billed in another (only rupee rows are summed). */
  currency?: string;
}

export const SOURCES: Record<SourceId, SourceDef> = {
  sales: {
    id: 'sales',
    table: 'sales',
    category: 'sales',
    currency: 'currency',
    dates: 'period',
    columns: () => [
      'date',
      'order_id',
      'qty',
      'unit_price',
      'discount',
      'amount',
      'covers',
      `${lineKind()} AS line`,
    ],
  },
  expenses: {
    id: 'expenses',
    table: 'expenses_master',
    category: 'expenses',
    currency: 'currency',
    dates: 'period',
    columns: () => ['date', 'category', 'amount'],
  },
  purchases: {
    id: 'purchases',
    table: 'purchases_master',
    category: 'purchases',
    currency: 'currency',
    dates: 'period',
    // A line's unit rate is what was paid per unit, amount ÷ qty (model.ts, unit_rate_avg, says why not
    // unit_cost); only lines with a positive quantity have one.
    columns: (d) => [
      'date',
      'qty',
      'amount',
      `CASE WHEN qty > 0 THEN ${d.safeDivide('amount', 'qty')} END AS rate`,
    ],
  },
  inventory: {
    id: 'inventory',
    table: 'inventory_master',
    category: 'inventory',
    dates: 'period',
    columns: () => ['date', 'item', 'opening_qty', 'closing_qty', 'wastage_qty', 'unit_cost'],
  },
  stock: {
    id: 'stock',
    table: 'inventory_master',
    category: 'inventory',
    dates: 'until_end',
    columns: () => ['date', 'item', 'closing_qty'],
  },
};

export interface DimensionDef {
  id: DimensionId;
  label: string;
  /** One sentence: what a key of this dimension is. */
  definition: string;
  /** Time grains group only (unless they declare `filter`); attributes also filter, by stored value. */
  kind: 'time' | 'attribute';
  /** A time grain that also filters: the closed set of keys it takes as filter values, and how each is bound. */
  filter?: { values: readonly string[]; param(value: string): SqlValue };
  /** The stored column the key is read from, per source that has it. */
  columns: Partial<Record<SourceId, string>>;
  /** The SQL that turns that column into the key (an attribute's key is the stored value itself). */
  key(d: Dialect, column: string): string;
}

const PERIOD_SOURCES = ['sales', 'expenses', 'purchases', 'inventory'] as const;
const on = (sources: readonly SourceId[], column: string): Partial<Record<SourceId, string>> =>
  Object.fromEntries(sources.map((s) => [s, column]));
const stored = (_d: Dialect, column: string) => column;

/** The key of the group of rows whose dimension is empty (no item, no order time …). */
export const NOT_RECORDED = '(not recorded)';

/** Weekday keys by the number SQL returns (0 = Sunday). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const DIMENSIONS: Record<DimensionId, DimensionDef> = {
  day: {
    id: 'day',
    label: 'Day',
    definition: 'The business date of the row, "YYYY-MM-DD".',
    kind: 'time',
    columns: on(PERIOD_SOURCES, 'date'),
    key: stored,
  },
  week: {
    id: 'week',
    label: 'Week',
    definition: 'The ISO week, Monday to Sunday, keyed by its Monday "YYYY-MM-DD".',
    kind: 'time',
    columns: on(PERIOD_SOURCES, 'date'),
    key: (d, c) => d.weekStart(c),
  },
  month: {
    id: 'month',
    label: 'Month',
    definition: 'The calendar month, "YYYY-MM".',
    kind: 'time',
    columns: on(PERIOD_SOURCES, 'date'),
    key: (d, c) => d.monthOf(c),
  },
  weekday: {
    id: 'weekday',
    label: 'Weekday',
    definition:
      'The day of the week, "Monday" … "Sunday": every Monday of the period falls in one group; as a filter, only the rows dated on the days named.',
    kind: 'time',
    columns: on(PERIOD_SOURCES, 'date'),
    key: (d, c) => d.dayOfWeek(c),
    // Bound as the number the key's SQL returns, so the predicate compares the date's weekday with a parameter.
    filter: { values: WEEKDAYS, param: (value) => WEEKDAYS.indexOf(value) },
  },
  hour: {
    id: 'hour',
    label: 'Hour',
    definition: 'The hour of the bill, "00" … "23", from sales.order_time (HH:MM).',
    kind: 'time',
    columns: { sales: 'order_time' },
    key: (_d, c) => `SUBSTR(${c}, 1, 2)`,
  },
  item: {
    id: 'item',
    label: 'Item',
    definition: 'sales.item is the menu item; purchases.item and inventory.item are the ingredient.',
    kind: 'attribute',
    columns: on(['sales', 'purchases', 'inventory', 'stock'], 'item'),
    key: stored,
  },
  category: {
    id: 'category',
    label: 'Menu category',
    definition: 'sales.category, the menu category (purchases and stock sheets carry no category).',
    kind: 'attribute',
    columns: { sales: 'category' },
    key: stored,
  },
  vendor: {
    id: 'vendor',
    label: 'Vendor',
    definition: 'purchases.vendor and expenses.vendor: who was paid.',
    kind: 'attribute',
    columns: on(['purchases', 'expenses'], 'vendor'),
    key: stored,
  },
  expense_head: {
    id: 'expense_head',
    label: 'Expense head',
    definition: 'expenses.category, the head an expense is booked under (Rent, Salaries …).',
    kind: 'attribute',
    columns: { expenses: 'category' },
    key: stored,
  },
  staff: {
    id: 'staff',
    label: 'Staff',
    definition: 'sales.staff, who rang up the line.',
    kind: 'attribute',
    columns: { sales: 'staff' },
    key: stored,
  },
  payment_mode: {
    id: 'payment_mode',
    label: 'Payment mode',
    definition: 'sales.payment_mode (how a bill was paid) and expenses.payment_mode (how an expense was).',
    kind: 'attribute',
    columns: on(['sales', 'expenses'], 'payment_mode'),
    key: stored,
  },
  order_type: {
    id: 'order_type',
    label: 'Order type',
    definition:
      'sales.order_type, how a bill was served (Dine In, Take Away, Delivery, or the aggregator), as the POS wrote it.',
    kind: 'attribute',
    columns: { sales: 'order_type' },
    key: stored,
  },
  location: {
    id: 'location',
    label: 'Location',
    definition: 'location_id, the outlet a row belongs to.',
    kind: 'attribute',
    columns: on(['sales', 'expenses', 'purchases', 'inventory', 'stock'], 'location_id'),
    key: stored,
  },
};

/** The dimensions a source's rows carry. */
export function dimensionsOfSource(source: SourceId): DimensionId[] {
  return (Object.keys(DIMENSIONS) as DimensionId[]).filter((id) => DIMENSIONS[id].columns[source]);
}

/** The SQL of a row's key in a source, or undefined when the source does not carry the dimension. */
export function keySql(d: Dialect, dimension: DimensionId, source: SourceId): string | undefined {
  const def = DIMENSIONS[dimension];
  const column = def.columns[source];
  return column === undefined ? undefined : def.key(d, column);
}

/** Where a dimension's stored values live: each table and column that holds them (time grains: the date). */
export function dimensionColumns(dimension: DimensionId): { table: string; column: string }[] {
  const byTable = new Map<string, string>();
  for (const [source, column] of Object.entries(DIMENSIONS[dimension].columns)) {
    byTable.set(SOURCES[source as SourceId].table, column);
  }
  return [...byTable].map(([table, column]) => ({ table, column }));
}

/** How a key comes back from SQL, as the text a result row carries (weekday numbers become names). */
export function keyText(dimension: DimensionId, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (dimension === 'weekday') return WEEKDAYS[Number(raw)] ?? String(raw);
  const text = String(raw);
  return dimension === 'day' || dimension === 'week' ? text.slice(0, 10) : text;
}
