// What the reader knows of one scope's data: the stored names per dimension and the dates each table covers.
import { AGGREGATES, MEASURES, SOURCES } from '../semantic/model.ts';
import { MEASURE_IDS, type MeasureId } from '../semantic/query.ts';

/** The dimensions whose stored values the reader can name in a question. */
export const VALUE_DIMENSIONS = [
  'item',
  'category',
  'vendor',
  'expense_head',
  'staff',
  'payment_mode',
  'order_type',
] as const;
export type ValueDimension = (typeof VALUE_DIMENSIONS)[number];

/** The tables whose date span the reader uses for a month or day named without a year. */
export type CoverageTable = 'sales' | 'expenses' | 'purchases' | 'inventory';

/** An inclusive ISO date span. */
export interface DateSpan {
  from: string;
  to: string;
}

export interface Vocabulary {
  /** Stored values per dimension in this scope (items, menu categories, vendors, expense heads, staff, payment modes). */
  values: Partial<Record<ValueDimension, string[]>>;
  /** First and last date with data per table, null when the table is empty. */
  coverage: Record<CoverageTable, DateSpan | null>;
  /** Per dimension, the tables each stored value appears in (absent: not known, any table may hold it). */
  heldIn?: Partial<Record<ValueDimension, Record<string, CoverageTable[]>>>;
}

/** The tables holding every one of `values`, when the vocabulary knows (a vendor only purchases name is bought from). */
export function tablesHolding(
  vocabulary: Vocabulary,
  dimension: ValueDimension,
  values: readonly string[],
): Set<CoverageTable> | undefined {
  const held = vocabulary.heldIn?.[dimension];
  if (!held) return undefined;
  return new Set(values.flatMap((v) => held[v] ?? []));
}

/** The table a measure is read from, for dates written without a year: the source of its first part. */
export const MEASURE_TABLE: Record<MeasureId, CoverageTable> = Object.fromEntries(
  MEASURE_IDS.map((m) => [m, SOURCES[AGGREGATES[MEASURES[m].parts[0]!].source].category]),
) as Record<MeasureId, CoverageTable>;
