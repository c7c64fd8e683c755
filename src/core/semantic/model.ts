// The warehouse declared once as measures: what each figure is, the SQL that sums it, and what it splits by.
import type { Dialect } from '../warehouse/port.ts';
import { DIMENSIONS, dimensionsOfSource, SOURCES, type SourceId } from './dimensions.ts';
import { grossValue, isLabour, LABOUR_CATEGORIES } from './predicates.ts';
import { DIMENSION_IDS, type DimensionId, MEASURE_IDS, type MeasureId } from './query.ts';

export type { DimensionDef, SourceDef, SourceId } from './dimensions.ts';
export { DIMENSIONS, dimensionColumns, keySql, NOT_RECORDED, SOURCES } from './dimensions.ts';

export type MeasureUnit = 'INR' | 'count' | 'qty' | '%' | 'INR/unit';

/** Window columns an aggregate reads, computed per group over the source's rows before it is summed. */
export type Mark =
  | 'bill_line'
  | 'bill_first'
  | 'last_rate_date'
  | 'first_stock_date'
  | 'last_stock_date'
  | 'last_count_date';

/** Each mark's SQL; `over(columns)` is the window over the group (when grouped) and those columns. */
export const MARKS: Record<Mark, (over: (columns: string[]) => string) => string> = {
  // A bill's lines of one kind share (date, order_id, line); the first is numbered 1. Covers first, so its
  // covers are the bill's largest (they repeat on every line anyway).
  bill_line: (over) => `ROW_NUMBER() OVER (${over(['date', 'order_id', 'line'])} ORDER BY covers DESC)`,
  // A bill's lines of any kind share (date, order_id); the first is numbered 1.
  bill_first: (over) => `ROW_NUMBER() OVER (${over(['date', 'order_id'])} ORDER BY covers DESC)`,
  last_rate_date: (over) => `MAX(CASE WHEN rate IS NOT NULL THEN date END) OVER (${over([])})`,
  first_stock_date: (over) => `MIN(date) OVER (${over(['item'])})`,
  last_stock_date: (over) => `MAX(date) OVER (${over(['item'])})`,
  last_count_date: (over) => `MAX(CASE WHEN closing_qty IS NOT NULL THEN date END) OVER (${over(['item'])})`,
};

/** One SQL aggregate over one source's rows: a base measure, or a part a derived measure is built from. */
export interface AggregateDef {
  source: SourceId;
  sql(d: Dialect): string;
  marks?: readonly Mark[];
  /** Dimensions its source has that it cannot be grouped by. */
  excludes?: readonly DimensionId[];
}

const sale = (expr: string) => `CASE WHEN line = 'sale' THEN ${expr} END`;
/** One per bill: the bill's first line of its kind, or any line without an order id (a bill of its own). */
const billOf = (kind: string) =>
  `SUM(CASE WHEN line = '${kind}' AND (order_id IS NULL OR bill_line = 1) THEN 1 ELSE 0 END)`;
/** A purchase line's figure where it has a unit rate (a positive quantity), on any date or the last priced one. */
const rated = (expr: string) => `CASE WHEN rate IS NOT NULL THEN ${expr} END`;
const ratedOnLastDate = (expr: string) =>
  `CASE WHEN rate IS NOT NULL AND date = last_rate_date THEN ${expr} END`;
/** A first / last stock row sums as a cogs part over contiguous days only, so never by weekday. */
const stockPart = {
  source: 'inventory',
  marks: ['first_stock_date', 'last_stock_date'],
  excludes: ['weekday'],
} as const;

export const AGGREGATES = {
  revenue: { source: 'sales', sql: () => `COALESCE(SUM(${sale('amount')}), 0)` },
  gross_sales: { source: 'sales', sql: () => `COALESCE(SUM(${sale(grossValue())}), 0)` },
  bills: { source: 'sales', sql: () => billOf('sale'), marks: ['bill_line'] },
  /** Bills of any kind (sale, void or complimentary): how many bills a cashier rang up. */
  bills_any: {
    source: 'sales',
    sql: () => 'SUM(CASE WHEN order_id IS NULL OR bill_first = 1 THEN 1 ELSE 0 END)',
    marks: ['bill_first'],
  },
  items_sold: { source: 'sales', sql: () => `SUM(${sale('qty')})` },
  covers: {
    source: 'sales',
    sql: () => `SUM(CASE WHEN line = 'sale' AND (order_id IS NULL OR bill_line = 1) THEN covers END)`,
    marks: ['bill_line'],
  },
  discounts: { source: 'sales', sql: () => `COALESCE(SUM(${sale('COALESCE(discount, 0)')}), 0)` },
  void_count: { source: 'sales', sql: () => billOf('void'), marks: ['bill_line'] },
  void_value: {
    source: 'sales',
    sql: () => `SUM(CASE WHEN line = 'void' THEN ${grossValue()} ELSE 0 END)`,
  },
  comp_count: { source: 'sales', sql: () => billOf('comp'), marks: ['bill_line'] },
  comp_value: {
    source: 'sales',
    sql: () => `SUM(CASE WHEN line = 'comp' THEN ${grossValue()} ELSE 0 END)`,
  },
  expenses: { source: 'expenses', sql: () => 'SUM(amount)' },
  labour: { source: 'expenses', sql: () => `SUM(CASE WHEN ${isLabour()} THEN amount END)` },
  purchases: { source: 'purchases', sql: () => 'SUM(amount)' },
  purchase_qty: { source: 'purchases', sql: () => 'SUM(qty)' },
  unit_rate_avg: {
    source: 'purchases',
    sql: (d) => d.safeDivide(`SUM(${rated('amount')})`, `SUM(${rated('qty')})`),
  },
  unit_rate_latest: {
    source: 'purchases',
    sql: (d) => d.safeDivide(`SUM(${ratedOnLastDate('amount')})`, `SUM(${ratedOnLastDate('qty')})`),
    marks: ['last_rate_date'],
  },
  unit_rate_min: { source: 'purchases', sql: () => 'MIN(rate)' },
  unit_rate_max: { source: 'purchases', sql: () => 'MAX(rate)' },
  wastage_qty: { source: 'inventory', sql: () => 'SUM(wastage_qty)' },
  wastage_value: { source: 'inventory', sql: () => 'SUM(wastage_qty * COALESCE(unit_cost, 0))' },
  stock_opening: {
    ...stockPart,
    sql: () => 'SUM(CASE WHEN date = first_stock_date THEN opening_qty * COALESCE(unit_cost, 0) ELSE 0 END)',
  },
  stock_closing: {
    ...stockPart,
    sql: () => 'SUM(CASE WHEN date = last_stock_date THEN closing_qty * COALESCE(unit_cost, 0) ELSE 0 END)',
  },
  stock_rows: { ...stockPart, sql: () => 'COUNT(*)' },
  stock_on_hand: {
    source: 'stock',
    sql: () => 'SUM(CASE WHEN date = last_count_date THEN closing_qty END)',
    marks: ['last_count_date'],
  },
} satisfies Record<string, AggregateDef>;

export type AggregateId = keyof typeof AGGREGATES;

/** Reads one part's SQL value (null: the part's table had no rows, or nothing to sum, in the group). */
export type PartReader = (id: AggregateId) => number | null;

export interface MeasureDef {
  id: MeasureId;
  label: string;
  unit: MeasureUnit;
  /** The one written definition of the figure. */
  definition: string;
  /** The SQL aggregates it is computed from (one for a base measure). */
  parts: AggregateId[];
  /** The measures a derived figure is built from (none for a base measure). */
  derivedFrom: MeasureId[];
  /** False for ratios and rates, whose groups do not add up to a total (a share of them means nothing). */
  additive: boolean;
  /** Dimensions every part's table has that still make no sense for the figure. */
  excludes: DimensionId[];
  /** The stock counts a figure rests on instead of a sum over the period's days, so no weekday filter fits it. */
  counts?: string;
  /** The figure from its parts: the part itself, or JS dividing two SQL sums. */
  value(part: PartReader): number | null;
}

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;
const percent = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b <= 0 ? null : (a / b) * 100;
/** cogs.ts: opening + purchases − closing, null without a stock sheet in the group. */
const cogsOf = (part: PartReader): number | null =>
  (part('stock_rows') ?? 0) > 0
    ? (part('stock_opening') ?? 0) + (part('purchases') ?? 0) - (part('stock_closing') ?? 0)
    : null;
/** prime-cost.ts: only where labour was booked, else prime cost would just be food cost. */
const primeOf = (part: PartReader): number | null => {
  const cogs = cogsOf(part);
  const labourInr = part('labour');
  return cogs === null || labourInr === null || labourInr <= 0 ? null : cogs + labourInr;
};

type Spec = Pick<MeasureDef, 'label' | 'unit' | 'definition'> & Partial<Omit<MeasureDef, 'id'>>;

function measure(id: MeasureId, spec: Spec): MeasureDef {
  const parts = spec.parts ?? [id as AggregateId];
  return {
    id,
    parts,
    derivedFrom: [],
    additive: true,
    excludes: [],
    value: (part) => part(parts[0]!),
    ...spec,
  };
}

const CROSS_TABLE = ['item', 'payment_mode'] satisfies DimensionId[];
const OPENING_CLOSING = 'the stock counted at the period’s start and end';
const RATIO = { additive: false };

export const MEASURES: Record<MeasureId, MeasureDef> = {
  revenue: measure('revenue', {
    label: 'Revenue',
    unit: 'INR',
    definition:
      'Sum of amount on sales lines that are neither void nor complimentary (net of discounts, as billed).',
  }),
  gross_sales: measure('gross_sales', {
    label: 'Gross sales',
    unit: 'INR',
    definition:
      'What the sale lines (neither void nor complimentary) would have billed before discounts: qty × unit_price, else amount + discount.',
  }),
  bills: measure('bills', {
    label: 'Bills',
    unit: 'count',
    definition:
      'Distinct bills with at least one sale line. A bill is one order_id on one date, as many POS systems restart bill numbers daily; a line without an order_id is a bill of its own, as in bill-wise exports without bill numbers, never one bill for the whole day.',
  }),
  items_sold: measure('items_sold', {
    label: 'Items sold',
    unit: 'qty',
    definition: 'Sum of qty on sale lines (neither void nor complimentary).',
  }),
  average_bill: measure('average_bill', {
    label: 'Average bill',
    unit: 'INR',
    definition: 'Revenue ÷ bills.',
    parts: ['revenue', 'bills'],
    derivedFrom: ['revenue', 'bills'],
    ...RATIO,
    value: (part) => ratio(part('revenue'), part('bills')),
  }),
  covers: measure('covers', {
    label: 'Covers',
    unit: 'count',
    definition:
      'Guests: the covers of each bill (repeated on every line of it, so counted once per bill) summed over bills with a sale line; no figure when no bill records covers.',
  }),
  discounts: measure('discounts', {
    label: 'Discounts',
    unit: 'INR',
    definition: 'Sum of discount on sale lines (neither void nor complimentary).',
  }),
  void_count: measure('void_count', {
    label: 'Voided bills',
    unit: 'count',
    definition:
      'Distinct bills (order_id on a date) with at least one voided or cancelled line; a voided line without an order_id counts as one.',
  }),
  void_value: measure('void_value', {
    label: 'Voided value',
    unit: 'INR',
    definition: 'What the voided or cancelled lines would have billed before discounts (as gross sales).',
  }),
  comp_count: measure('comp_count', {
    label: 'Complimentary bills',
    unit: 'count',
    definition:
      'Distinct bills (order_id on a date) with at least one complimentary line; a complimentary line without an order_id counts as one.',
  }),
  comp_value: measure('comp_value', {
    label: 'Complimentary value',
    unit: 'INR',
    definition: 'What the complimentary lines would have billed before discounts (as gross sales).',
  }),
  expenses: measure('expenses', {
    label: 'Expenses',
    unit: 'INR',
    definition: 'Sum of amount in the expenses sheet.',
  }),
  purchases: measure('purchases', {
    label: 'Purchases',
    unit: 'INR',
    definition: 'Sum of amount in the purchases sheet.',
  }),
  purchase_qty: measure('purchase_qty', {
    label: 'Quantity purchased',
    unit: 'qty',
    definition: 'Sum of qty in the purchases sheet (in each line’s own unit: split by item to read it).',
  }),
  unit_rate_latest: measure('unit_rate_latest', {
    label: 'Latest unit rate',
    unit: 'INR/unit',
    definition:
      'The price paid per unit on the last date with a priced purchase: Σ amount ÷ Σ qty over that date’s lines with qty > 0 (the unit rate as for the average unit rate).',
    ...RATIO,
  }),
  unit_rate_avg: measure('unit_rate_avg', {
    label: 'Average unit rate',
    unit: 'INR/unit',
    definition:
      'Price paid per unit: Σ amount ÷ Σ qty over purchase lines with qty > 0 (each line’s amount ÷ qty, weighted by qty). Amount, not the unit_cost column: it is what was paid, the same money as purchases and cost of goods, and always filled, so a sheet that gives unit_cost (often before tax or delivery) on some lines and not others cannot fake a price change.',
    ...RATIO,
  }),
  unit_rate_min: measure('unit_rate_min', {
    label: 'Lowest unit rate',
    unit: 'INR/unit',
    definition: 'The lowest price paid per unit (amount ÷ qty) on a purchase line with qty > 0.',
    ...RATIO,
  }),
  unit_rate_max: measure('unit_rate_max', {
    label: 'Highest unit rate',
    unit: 'INR/unit',
    definition: 'The highest price paid per unit (amount ÷ qty) on a purchase line with qty > 0.',
    ...RATIO,
  }),
  wastage_qty: measure('wastage_qty', {
    label: 'Wastage',
    unit: 'qty',
    definition: 'Sum of wastage_qty in the stock sheet (in each item’s own unit: split by item to read it).',
  }),
  wastage_value: measure('wastage_value', {
    label: 'Wastage value',
    unit: 'INR',
    definition: 'Sum of wastage_qty × unit_cost over stock-sheet rows (a row without a unit cost adds ₹0).',
  }),
  stock_on_hand: measure('stock_on_hand', {
    label: 'Stock on hand',
    unit: 'qty',
    definition:
      'Each item’s closing_qty on its latest stock-sheet date with one at or before the period’s end, summed over items (split by item to read it).',
    counts: 'each item’s latest stock count at the period’s end',
  }),
  cogs: measure('cogs', {
    label: 'Cost of goods sold',
    unit: 'INR',
    definition:
      'Opening stock value (each item’s first stock row in the period, opening_qty × unit_cost) + purchases − closing stock value (each item’s last row, closing_qty × unit_cost); no figure without a stock sheet.',
    parts: ['stock_opening', 'stock_closing', 'stock_rows', 'purchases'],
    derivedFrom: ['purchases'],
    counts: OPENING_CLOSING,
    value: cogsOf,
  }),
  food_cost_pct: measure('food_cost_pct', {
    label: 'Food cost %',
    unit: '%',
    definition: 'Cost of goods sold ÷ revenue × 100.',
    parts: ['stock_opening', 'stock_closing', 'stock_rows', 'purchases', 'revenue'],
    derivedFrom: ['cogs', 'revenue'],
    ...RATIO,
    excludes: CROSS_TABLE,
    counts: OPENING_CLOSING,
    value: (part) => percent(cogsOf(part), part('revenue')),
  }),
  labour: measure('labour', {
    label: 'Labour',
    unit: 'INR',
    definition: `Sum of amount on expenses whose head (category) is one of ${LABOUR_CATEGORIES.join(', ')}; no figure when none is booked.`,
  }),
  labour_pct: measure('labour_pct', {
    label: 'Labour %',
    unit: '%',
    definition: 'Labour ÷ revenue × 100.',
    parts: ['labour', 'revenue'],
    derivedFrom: ['labour', 'revenue'],
    ...RATIO,
    excludes: CROSS_TABLE,
    value: (part) => percent(part('labour'), part('revenue')),
  }),
  prime_cost_pct: measure('prime_cost_pct', {
    label: 'Prime cost %',
    unit: '%',
    definition: '(Cost of goods sold + labour) ÷ revenue × 100; no figure when no labour is booked.',
    parts: ['stock_opening', 'stock_closing', 'stock_rows', 'purchases', 'labour', 'revenue'],
    derivedFrom: ['cogs', 'labour', 'revenue'],
    ...RATIO,
    excludes: CROSS_TABLE,
    counts: OPENING_CLOSING,
    value: (part) => percent(primeOf(part), part('revenue')),
  }),
};

/** The dimensions a measure can be grouped or filtered by: those every part's rows carry, less exclusions. */
export function dimensionsOf(measure: MeasureId): DimensionId[] {
  const def = MEASURES[measure];
  const parts = def.parts.map((id) => AGGREGATES[id] as AggregateDef);
  return DIMENSION_IDS.filter(
    (dim) =>
      !def.excludes.includes(dim) &&
      parts.every((p) => dimensionsOfSource(p.source).includes(dim) && !p.excludes?.includes(dim)),
  );
}

/** The tables a measure reads. */
export function tablesOf(measure: MeasureId): string[] {
  const tables = MEASURES[measure].parts.map((id) => SOURCES[AGGREGATES[id].source].table);
  return [...new Set(tables)];
}

/** Every measure, in the order of MEASURE_IDS. */
export const MEASURE_LIST: MeasureDef[] = MEASURE_IDS.map((id) => MEASURES[id]);
export const DIMENSION_LIST = DIMENSION_IDS.map((id) => DIMENSIONS[id]);
