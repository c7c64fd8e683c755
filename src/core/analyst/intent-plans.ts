// Which metrics answer each offline intent, what the answer is called, and which table its status line counts.

import type { AnalysisId } from '../semantic/reading.ts';
import type { Category } from '../warehouse/tables.ts';
import { LEAK_METRIC_IDS } from './metrics/index.ts';

/** Intents answered by running metrics (the rest are answered from the task queue or without data). */
export type MetricIntentId = Exclude<AnalysisId, 'daily-brief' | 'open-tasks' | 'help'>;

export interface IntentPlan {
  title: string;
  /** Metric ids to run, in order; ids the analyst was not given are skipped. */
  metrics: readonly string[];
  /** The table whose row count the first status line states ("Scanning 45,210 sales lines…"). */
  reads: Category;
  /** A scan leads with "N leaks worth ₹X/week"; other answers lead with their metrics' figures. */
  scan: boolean;
}

export const INTENT_PLANS: Record<MetricIntentId, IntentPlan> = {
  'leak-scan': { title: 'Profit-leak scan', metrics: LEAK_METRIC_IDS, reads: 'sales', scan: true },
  'revenue-trend': {
    title: 'Revenue',
    metrics: ['revenue', 'bills-covers', 'slow-movers'],
    reads: 'sales',
    scan: false,
  },
  'food-cost': {
    title: 'Food cost',
    metrics: ['food-cost', 'prime-cost', 'usage-variance'],
    reads: 'inventory',
    scan: false,
  },
  wastage: { title: 'Wastage', metrics: ['wastage-by-item'], reads: 'inventory', scan: false },
  'vendor-prices': { title: 'Vendor prices', metrics: ['price-creep'], reads: 'purchases', scan: false },
  'expense-breakdown': { title: 'Expenses', metrics: ['expense-spikes'], reads: 'expenses', scan: false },
  'staff-exceptions': {
    title: 'Staff exceptions',
    metrics: ['staff-exceptions'],
    reads: 'sales',
    scan: false,
  },
};

/** Row-count wording per table for the status line. */
export const ROW_NOUN: Record<Category, string> = {
  sales: 'sales lines',
  expenses: 'expense entries',
  purchases: 'purchase lines',
  inventory: 'stock rows',
};
