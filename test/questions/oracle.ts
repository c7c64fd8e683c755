// The expected answers, computed in plain JS from the rows the café generator wrote: never from Titan's SQL.
//
// Each measure as src/core/semantic/model.ts defines it in words (its SQL is not read here):
//   revenue        Σ Amount of Settled lines (Amount is Qty × Rate − Discount)
//   gross_sales    Σ Qty × Rate of Settled lines, before discounts
//   bills          distinct bills (a Bill No on a date) with a Settled line
//   items_sold     Σ Qty of Settled lines
//   average_bill   revenue ÷ bills
//   covers         Σ Covers of Settled bills, each bill once (the POS repeats it on every line)
//   discounts      Σ Discount of Settled lines
//   void_count     distinct bills with a Cancelled line; void_value Σ Qty × Rate of those lines
//   comp_count     distinct bills with a Complimentary line; comp_value Σ Qty × Rate of those lines
//   expenses       Σ Amt (Rs) of the expense register; labour the same over the Salaries head
//   purchases      Σ Amount of the purchase register; purchase_qty Σ Qty
//   unit_rate_*    price paid per unit, Σ Amount ÷ Σ Qty: on the last purchase day; over the period; the lowest
//                  and highest line's Amount ÷ Qty
//   wastage_qty    Σ Wastage of the stock register; wastage_value Σ Wastage × Unit Cost
//   stock_on_hand  per item, Closing on the latest register day on or before the period's end
// Rows but nothing to count (a group of only cancelled lines) is ₹0 / 0 bills. A sum or count whose filters match
// no row is 0 when the register has rows in the period (the true answer is "none"); without any row, no figure.
// A point-in-time question ("the latest rate", "in stock now") reads every row up to the period's end.
import { NOT_RECORDED } from '../../src/core/semantic/dimensions.ts';
import type { DimensionId, MeasureId } from '../../src/core/semantic/query.ts';
import type { CafeRows, ExpenseRow, PurchaseRow, SaleLine, StockRow } from './cafe/cafe-rows.ts';
import type { Expectation, ExpectedFilter, Range } from './question-spec.ts';

type Register = 'sales' | 'expenses' | 'purchases' | 'stock';
type AnyRow = SaleLine | ExpenseRow | PurchaseRow | StockRow;

export interface Group {
  key: string;
  value: number;
}

export interface OracleAnswer {
  /** Over the period and filters; null when no row qualifies. */
  total: number | null;
  /** Every group (with groupBy), sorted by value in the ranking's order (desc when not ranked). */
  groups: Group[];
  /** The first `rank.limit` groups. */
  ranked: Group[];
  /** `shareOf`'s % of the total. */
  share: number | null;
  /** The total over the comparison period. */
  compare: number | null;
}

const REGISTER: Record<MeasureId, Register | null> = {
  revenue: 'sales',
  gross_sales: 'sales',
  bills: 'sales',
  items_sold: 'sales',
  average_bill: 'sales',
  covers: 'sales',
  discounts: 'sales',
  void_count: 'sales',
  void_value: 'sales',
  comp_count: 'sales',
  comp_value: 'sales',
  expenses: 'expenses',
  labour: 'expenses',
  purchases: 'purchases',
  purchase_qty: 'purchases',
  unit_rate_latest: 'purchases',
  unit_rate_avg: 'purchases',
  unit_rate_min: 'purchases',
  unit_rate_max: 'purchases',
  wastage_qty: 'stock',
  wastage_value: 'stock',
  stock_on_hand: 'stock',
  // No question in the suite asks these: their definitions (COGS from consumption or purchases?) are the model's.
  cogs: null,
  food_cost_pct: null,
  prime_cost_pct: null,
  labour_pct: null,
};

/** Figures whose groups add up to the total (not ratios or rates). */
const ADDITIVE = new Set<MeasureId>(
  (Object.keys(REGISTER) as MeasureId[]).filter((m) => REGISTER[m] && !/^unit_rate_|^average_bill$/.test(m)),
);

/** Where each dimension lives on each register's rows. */
const DIMENSION: Record<Register, Partial<Record<DimensionId, (row: never) => string>>> = {
  sales: {
    day: (r: SaleLine) => r.date,
    month: (r: SaleLine) => r.date.slice(0, 7),
    item: (r: SaleLine) => r.item,
    category: (r: SaleLine) => r.category,
    staff: (r: SaleLine) => r.captain,
    payment_mode: (r: SaleLine) => r.paymentMode,
  },
  expenses: {
    day: (r: ExpenseRow) => r.date,
    month: (r: ExpenseRow) => r.date.slice(0, 7),
    expense_head: (r: ExpenseRow) => r.head,
    vendor: (r: ExpenseRow) => r.paidTo,
  },
  purchases: {
    day: (r: PurchaseRow) => r.date,
    month: (r: PurchaseRow) => r.date.slice(0, 7),
    item: (r: PurchaseRow) => r.item,
    vendor: (r: PurchaseRow) => r.vendor,
  },
  stock: {
    day: (r: StockRow) => r.date,
    item: (r: StockRow) => r.item,
  },
};

const sum = (values: Iterable<number>): number => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};
const billOf = (r: SaleLine): string => `${r.date}|${r.billNo}`;
const distinct = (rows: readonly SaleLine[]): number => new Set(rows.map(billOf)).size;
const withStatus = (rows: readonly SaleLine[], status: SaleLine['status']): SaleLine[] =>
  rows.filter((r) => r.status === status);

/** The latest row per item on or before `to`. */
function latestPerItem<T extends { date: string; item: string }>(rows: readonly T[], to: string): T[] {
  const latest = new Map<string, T>();
  for (const r of rows) {
    if (r.date > to) continue;
    const seen = latest.get(r.item);
    if (!seen || r.date >= seen.date) latest.set(r.item, r);
  }
  return [...latest.values()];
}

/** Price paid per unit: Σ Amount ÷ Σ Qty over purchase lines. */
const paidPerUnit = (rows: readonly PurchaseRow[]): number =>
  sum(rows.map((r) => r.amount)) / sum(rows.map((r) => r.qty));

/** One measure over rows already cut to the period (stock_on_hand: to every day up to the period's end). */
function measureOf(measure: MeasureId, rows: readonly AnyRow[], to: string): number | null {
  if (rows.length === 0) return null;
  const sales = rows as SaleLine[];
  const settled = withStatus(sales, 'Settled');
  const orNone = (value: () => number) => (settled.length === 0 ? null : value());
  switch (measure) {
    case 'revenue':
      return sum(settled.map((r) => r.amount));
    case 'gross_sales':
      return sum(settled.map((r) => r.qty * r.rate));
    case 'bills':
      return distinct(settled);
    case 'items_sold':
      return orNone(() => sum(settled.map((r) => r.qty)));
    case 'average_bill':
      return orNone(() => sum(settled.map((r) => r.amount)) / distinct(settled));
    case 'covers':
      return orNone(() => sum(new Map(settled.map((r) => [billOf(r), r.covers])).values()));
    case 'discounts':
      return sum(settled.map((r) => r.discount));
    case 'void_count':
      return distinct(withStatus(sales, 'Cancelled'));
    case 'void_value':
      return sum(withStatus(sales, 'Cancelled').map((r) => r.qty * r.rate));
    case 'comp_count':
      return distinct(withStatus(sales, 'Complimentary'));
    case 'comp_value':
      return sum(withStatus(sales, 'Complimentary').map((r) => r.qty * r.rate));
    case 'expenses':
      return sum((rows as ExpenseRow[]).map((r) => r.amount));
    case 'labour': {
      const salaries = (rows as ExpenseRow[]).filter((r) => r.head === 'Salaries');
      return salaries.length === 0 ? null : sum(salaries.map((r) => r.amount));
    }
    case 'purchases':
      return sum((rows as PurchaseRow[]).map((r) => r.amount));
    case 'purchase_qty':
      return sum((rows as PurchaseRow[]).map((r) => r.qty));
    case 'unit_rate_latest': {
      const p = rows as PurchaseRow[];
      const last = p
        .map((r) => r.date)
        .sort()
        .at(-1);
      return paidPerUnit(p.filter((r) => r.date === last));
    }
    case 'unit_rate_avg':
      return paidPerUnit(rows as PurchaseRow[]);
    case 'unit_rate_min':
      return Math.min(...(rows as PurchaseRow[]).map((r) => r.amount / r.qty));
    case 'unit_rate_max':
      return Math.max(...(rows as PurchaseRow[]).map((r) => r.amount / r.qty));
    case 'wastage_qty':
      return sum((rows as StockRow[]).map((r) => r.wastage));
    case 'wastage_value':
      return sum((rows as StockRow[]).map((r) => r.wastage * r.unitCost));
    case 'stock_on_hand':
      return sum(latestPerItem(rows as StockRow[], to).map((r) => r.closing));
    default:
      throw new Error(`the oracle has no definition of ${measure}: no suite question should ask it`);
  }
}

export interface Oracle {
  answer(e: Expectation, measure?: MeasureId): OracleAnswer;
  /** The last day on or before `e.period.to` with a row the measure reads (within its filters), or null. */
  lastDay(e: Expectation): string | null;
  /** Rows of the measure's register in the period and filters: 0 means the question has no data. */
  rowCount(e: Pick<Expectation, 'measures' | 'filters'>, period: Range): number;
}

export function createOracle(cafe: CafeRows): Oracle {
  const tables: Record<Register, readonly AnyRow[]> = {
    sales: cafe.sales,
    expenses: cafe.expenses,
    purchases: cafe.purchases,
    stock: cafe.stock,
  };
  const registerOf = (measure: MeasureId): Register => {
    const register = REGISTER[measure];
    if (!register) throw new Error(`the oracle has no definition of ${measure}`);
    return register;
  };
  const accessor = (register: Register, dimension: DimensionId): ((row: AnyRow) => string) => {
    const get = DIMENSION[register][dimension];
    if (!get) throw new Error(`${register} rows have no ${dimension}`);
    return get as (row: AnyRow) => string;
  };
  /** Rows of the register within the filters and dates; a point-in-time figure keeps every day up to `to`. */
  function select(
    measure: MeasureId,
    filters: readonly ExpectedFilter[],
    period: Range,
    snapshot = false,
  ): AnyRow[] {
    const register = registerOf(measure);
    const tests = filters.map((f) => {
      const get = accessor(register, f.dimension);
      return (row: AnyRow) => f.values.includes(get(row));
    });
    const from = snapshot || measure === 'stock_on_hand' ? '' : period.from;
    return tables[register].filter((r) => r.date >= from && r.date <= period.to && tests.every((t) => t(r)));
  }

  return {
    answer(e, measure = e.measures[0]!) {
      const rows = select(measure, e.filters, e.period, e.snapshot);
      const none = ADDITIVE.has(measure) && select(measure, [], e.period).length > 0 ? 0 : null;
      const total = measureOf(measure, rows, e.period.to) ?? none;
      const groups: Group[] = [];
      if (e.groupBy) {
        const get = accessor(registerOf(measure), e.groupBy);
        const parts = new Map<string, AnyRow[]>();
        for (const r of rows) {
          // Rows with the dimension left empty form a group of their own, as Titan shows them.
          const key = get(r) || NOT_RECORDED;
          const part = parts.get(key);
          if (part) part.push(r);
          else parts.set(key, [r]);
        }
        for (const [key, part] of parts) {
          const value = measureOf(measure, part, e.period.to);
          if (value !== null) groups.push({ key, value });
        }
        const sign = e.rank?.order === 'asc' ? 1 : -1;
        groups.sort((a, b) => sign * (a.value - b.value) || a.key.localeCompare(b.key));
      }
      const shareGroup = e.shareOf === undefined ? undefined : groups.find((g) => g.key === e.shareOf);
      const compare = e.compare
        ? measureOf(measure, select(measure, e.filters, e.compare), e.compare.to)
        : null;
      return {
        total,
        groups,
        ranked: e.rank ? groups.slice(0, e.rank.limit) : groups,
        share: shareGroup && total ? (shareGroup.value / total) * 100 : null,
        compare,
      };
    },
    lastDay(e) {
      const rows = select(e.measures[0]!, e.filters, e.period, true);
      return rows.reduce<string | null>((last, r) => (last === null || r.date > last ? r.date : last), null);
    },
    rowCount(e, period) {
      return select(e.measures[0]!, e.filters, period).length;
    },
  };
}
