// The one question shape every answer is built on: measures × group-by × filters × period × comparison × ranking.
import { z } from 'zod';

/** Every figure Titan can compute; each has one written definition in the model (semantic/model.ts). */
export const MEASURE_IDS = [
  'revenue',
  'gross_sales',
  'bills',
  'items_sold',
  'average_bill',
  'covers',
  'discounts',
  'void_count',
  'void_value',
  'comp_count',
  'comp_value',
  'expenses',
  'purchases',
  'purchase_qty',
  'unit_rate_latest',
  'unit_rate_avg',
  'unit_rate_min',
  'unit_rate_max',
  'wastage_qty',
  'wastage_value',
  'stock_on_hand',
  'cogs',
  'food_cost_pct',
  'prime_cost_pct',
  'labour',
  'labour_pct',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** What a figure can be broken down or filtered by. Time grains group only, but weekday also filters; the others filter. */
export const DIMENSION_IDS = [
  'day',
  'week',
  'month',
  'weekday',
  'hour',
  'item',
  'category',
  'vendor',
  'expense_head',
  'staff',
  'payment_mode',
  'order_type',
  'location',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

const isoDate = z.iso.date();

/** An inclusive date range in the business's time zone, with the words that name it. */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate, label: z.string().min(1).max(120) })
  .refine((p) => p.from <= p.to, 'from must not be after to');

export const filterSchema = z.object({
  dimension: z.enum(DIMENSION_IDS),
  /** Exact stored values (the reader resolves the owner's words to these), or day names for weekday; any matches. */
  values: z.array(z.string().min(1).max(200)).min(1).max(50),
});

export const comparisonSchema = z.discriminatedUnion('kind', [
  /** The equal-length period just before. */
  z.object({ kind: z.literal('previous') }),
  /** The same dates shifted back a week / month / year (a week only for periods of 7 days or less). */
  z.object({ kind: z.enum(['last_week', 'last_month', 'last_year']) }),
  /** Any named period ("compare with October"). */
  z.object({ kind: z.literal('period'), period: periodSchema }),
]);

export const semanticQuerySchema = z.object({
  measures: z.array(z.enum(MEASURE_IDS)).min(1).max(6),
  groupBy: z.enum(DIMENSION_IDS).optional(),
  filters: z.array(filterSchema).max(8).default([]),
  period: periodSchema,
  compare: comparisonSchema.optional(),
  /** Top / bottom N groups by the first measure; needs groupBy. `limit: 1` with groupBy day is "best day". */
  rank: z.object({ order: z.enum(['desc', 'asc']), limit: z.number().int().min(1).max(100) }).optional(),
  /** Each group's share of the total of the first measure, in %. */
  share: z.boolean().default(false),
});

export type SemanticQuery = z.infer<typeof semanticQuerySchema>;
export type SemanticFilter = z.infer<typeof filterSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;

/** One group's figures (no `key` when the query has no groupBy). */
export interface ResultRow {
  key?: string;
  values: Partial<Record<MeasureId, number | null>>;
  /** % of the total of the first measure (when `share`). */
  share?: number;
}

/** What the executor returns; every figure is computed by SQL over the warehouse. */
export interface QueryResult {
  query: SemanticQuery;
  /** Groups in order (ranked when `rank`), or one row without a key. */
  rows: ResultRow[];
  /** Totals over the whole period and filters (null where a measure has no rows). */
  totals: Partial<Record<MeasureId, number | null>>;
  /** The comparison period's totals, when `compare`. */
  comparison?: { period: z.infer<typeof periodSchema>; totals: Partial<Record<MeasureId, number | null>> };
  /** Rows read per table, for "Scanning 45,210 sales lines…" and Sources. */
  rowsScanned: Record<string, number>;
  /**
   * A ranking's rows that record no value of the ranked dimension ("expenses with no vendor"): left out of the
   * ranking, which names vendors, and given apart so the answer can say how much that is.
   */
  unranked?: ResultRow;
  /** Rows of the asked period left out of every figure for being in another currency (none: absent). */
  otherCurrencies?: OtherCurrencyRows[];
}

/** Rows a result's figures left out because they are in another currency: one table, one currency. */
export interface OtherCurrencyRows {
  table: string;
  /** ISO 4217 code, e.g. EUR. */
  currency: string;
  rows: number;
}
