// The registry of restaurant metrics the analyst knows, by id, and the ones a profit-leak scan runs.
import type { Metric } from '../metric.ts';
import type { SourceCheck } from '../sources.ts';
import { billsCovers } from './bills-covers.ts';
import { expenseSpikes } from './expense-spikes.ts';
import { foodCost } from './food-cost.ts';
import { priceCreep } from './price-creep.ts';
import { primeCost } from './prime-cost.ts';
import { revenue } from './revenue.ts';
import { slowMovers } from './slow-movers.ts';
import { staffExceptions } from './staff-exceptions.ts';
import { usageVariance } from './usage-variance.ts';
import { wastageByItem } from './wastage.ts';

export const METRIC_IDS = [
  'revenue',
  'bills-covers',
  'food-cost',
  'prime-cost',
  'wastage-by-item',
  'usage-variance',
  'price-creep',
  'staff-exceptions',
  'expense-spikes',
  'slow-movers',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

export const METRICS: Readonly<Record<MetricId, Metric>> = {
  revenue,
  'bills-covers': billsCovers,
  'food-cost': foodCost,
  'prime-cost': primeCost,
  'wastage-by-item': wastageByItem,
  'usage-variance': usageVariance,
  'price-creep': priceCreep,
  'staff-exceptions': staffExceptions,
  'expense-spikes': expenseSpikes,
  'slow-movers': slowMovers,
};

/** The metrics that can return leak candidates, in the order a scan runs them. */
export const LEAK_METRIC_IDS: readonly MetricId[] = [
  'wastage-by-item',
  'usage-variance',
  'price-creep',
  'staff-exceptions',
  'expense-spikes',
  'food-cost',
  'prime-cost',
];

/**
 * What each metric checks, in the owner's words, and the tables it needs rows in, the most telling first: an
 * answer names the checks whose tables are empty as not checked (sources.ts, checkCoverage).
 */
export const METRIC_CHECKS: Readonly<Record<MetricId, SourceCheck>> = {
  revenue: { checks: 'revenue', tables: ['sales'] },
  'bills-covers': { checks: 'bills and covers', tables: ['sales'] },
  'food-cost': { checks: 'food cost', tables: ['inventory', 'purchases', 'sales'] },
  'prime-cost': { checks: 'prime cost', tables: ['inventory', 'expenses', 'purchases', 'sales'] },
  'wastage-by-item': { checks: 'wastage', tables: ['inventory'] },
  'usage-variance': { checks: 'usage against recipes', tables: ['inventory', 'sales'] },
  'price-creep': { checks: 'vendor prices', tables: ['purchases'] },
  'staff-exceptions': { checks: 'staff voids and discounts', tables: ['sales'], staffLevel: true },
  'expense-spikes': { checks: 'expense spikes', tables: ['expenses'] },
  'slow-movers': { checks: 'slow movers', tables: ['sales'] },
};

/** The check a metric makes, by id; none for a metric outside the registry. */
export const checkOf = (metricId: string): SourceCheck | undefined =>
  (METRIC_CHECKS as Readonly<Record<string, SourceCheck>>)[metricId];
