// The contract every restaurant metric implements: one named, parameterised query → Facts and leak candidates.
import type { ChartSpec, Fact, Period } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';

/** Narrows a metric to one item (ingredient or menu item), vendor, expense category or staff member. */
export interface MetricFilter {
  item?: string;
  vendor?: string;
  category?: string;
  staff?: string;
}

export interface MetricContext {
  warehouse: Warehouse;
  scope: Scope;
  period: Period;
  /** The equal-length period just before `period`, for "change vs previous". */
  previous: Period;
  /** Optional metric-specific filter, e.g. one item ("maida"). */
  filter?: MetricFilter;
  /** Daily revenue target in ₹ when configured. */
  dailyRevenueTarget?: number;
}

/** A leak the metric found; the composer ranks these by ₹ impact per week and adds deadlines. */
export interface LeakCandidate {
  /** Stable per finding and period, e.g. "wastage:maida:2026-11-18..2026-11-24". */
  key: string;
  /** Number-first headline whose every figure is one of `factIds`' values. */
  headline: string;
  rootCause: string;
  /** Imperative action without the deadline ("Retrain prep staff on maida portioning"). */
  action: string;
  /** How soon it should be done, in hours from now. */
  deadlineHours: number;
  impactPerWeek: number;
  factIds: string[];
  /**
   * Metric id + value to re-measure after the task's deadline: re-run `metric` with `filter` over a fresh
   * period and compare fact `factId` (a per-week level such as "wastage.maida.inr_week", emitted whenever
   * the filter names the subject, leak or not) against `value`.
   */
  remeasure: { metric: string; value: number; item?: string; factId?: string; filter?: MetricFilter };
  staffLevel?: boolean;
}

export interface MetricOutput {
  facts: Fact[];
  leaks: LeakCandidate[];
  /** How many warehouse rows the query read (for "Scanning 45,210 sales lines…" and Sources). */
  rowsScanned: number;
  chart?: ChartSpec;
}

export interface Metric {
  /** kebab-case id, also the Fact.query of its facts ("wastage-by-item"). */
  id: string;
  /** One line for users and for the LLM tool description. */
  description: string;
  /** A live status line shown while it runs ("Cross-referencing purchases vs inventory…"). */
  status: string;
  /** True when its facts name individual staff: left out of answers shown in public channels. */
  staffLevel?: boolean;
  run(ctx: MetricContext): Promise<MetricOutput>;
}
