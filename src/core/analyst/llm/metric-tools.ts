// The analyst's metrics offered to the model as read-only functions with typed period/item/vendor/category.
//
// Why they stay beside query_data: a metric is an analysis, not one figure — it ranks leaks and gives each a root
// cause and a ₹-a-week impact (wastage, price creep, expense spikes, usage variance, staff exceptions, slow movers),
// from several queries and thresholds the model may not reproduce, since it must not compute. query_data serves
// plain figures; these serve "what is wrong and what is it costing" for a period or item the owner's question
// did not cover. Their staff-level leaks stay out of public channels.

import { z } from 'zod';
import { SchemaType } from '../../llm/schema-type.ts';
import type { Metric } from '../metric.ts';
import { periodDays, previousPeriod } from '../periods.ts';
import { type AnalystTool, isArgError, parseArgs } from './tool.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const name = z.string().trim().min(1).max(60);
const args = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    item: name.optional(),
    vendor: name.optional(),
    category: name.optional(),
  })
  .refine((a) => (a.from === undefined) === (a.to === undefined), 'give both from and to, or neither')
  .refine((a) => !a.from || !a.to || a.from <= a.to, 'from must not be after to');

/** Longest period a tool call may cover (a year), so one call cannot scan all history. */
const MAX_DAYS = 366;

/** Function names allow letters, digits and underscores only. */
export const metricToolName = (id: string): string => `metric_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

export interface MetricToolOptions {
  metrics: readonly Metric[];
  /** Daily revenue target in ₹ (DAILY_REVENUE_TARGET), read when the tool runs. */
  dailyRevenueTarget?: () => number | undefined;
}

export function createMetricTools(options: MetricToolOptions): AnalystTool[] {
  return options.metrics.map((metric) => ({
    declaration: {
      name: metricToolName(metric.id),
      description: `${metric.description} Read-only. Returns facts (id, label, value, unit) and leaks found, each with its root cause and ₹ a week; for plain figures use query_data.`,
      parameters: {
        type: SchemaType.OBJECT,
        properties: {
          from: {
            type: SchemaType.STRING,
            description: 'First day, YYYY-MM-DD. Omit with `to` for the question’s period.',
          },
          to: { type: SchemaType.STRING, description: 'Last day, YYYY-MM-DD, inclusive.' },
          item: { type: SchemaType.STRING, description: 'One ingredient or menu item, e.g. "maida".' },
          vendor: { type: SchemaType.STRING, description: 'One vendor name.' },
          category: { type: SchemaType.STRING, description: 'One expense or menu category.' },
        },
      },
    },
    async run(raw, ctx) {
      const parsed = parseArgs(args, raw);
      if (isArgError(parsed)) return { response: parsed, facts: [] };
      if (metric.staffLevel && ctx.audience === 'public') {
        return {
          response: { error: 'this metric names staff and is not shown in a public channel' },
          facts: [],
        };
      }
      const period =
        parsed.from && parsed.to
          ? { from: parsed.from, to: parsed.to, label: `${parsed.from} to ${parsed.to}` }
          : ctx.period;
      if (periodDays(period) > MAX_DAYS)
        return { response: { error: `at most ${MAX_DAYS} days per call` }, facts: [] };
      const filter = {
        ...(parsed.item ? { item: parsed.item } : {}),
        ...(parsed.vendor ? { vendor: parsed.vendor } : {}),
        ...(parsed.category ? { category: parsed.category } : {}),
      };
      ctx.onStatus?.(metric.status);
      const target = options.dailyRevenueTarget?.();
      const out = await metric.run({
        warehouse: ctx.warehouse,
        scope: ctx.scope,
        period,
        previous: previousPeriod(period),
        ...(Object.keys(filter).length ? { filter } : {}),
        ...(target === undefined ? {} : { dailyRevenueTarget: target }),
      });
      const leaks = out.leaks.filter((l) => !(l.staffLevel && ctx.audience === 'public'));
      return {
        response: {
          period,
          facts: out.facts.map(({ id, label, value, unit }) => ({ id, label, value, unit })),
          leaks: leaks.map((l) => ({
            headline: l.headline,
            rootCause: l.rootCause,
            impactPerWeek: l.impactPerWeek,
          })),
          rowsScanned: out.rowsScanned,
        },
        facts: out.facts,
      };
    },
  }));
}
