// Runs metrics one after another, announcing each by its status line; a failing metric is reported, not fatal.
import type { Logger } from '../logger.ts';
import type { Metric, MetricContext, MetricOutput } from './metric.ts';
import type { StatusListener } from './port.ts';

export interface MetricRun {
  metric: Metric;
  output: MetricOutput;
}

export interface MetricRuns {
  runs: MetricRun[];
  /** Metrics that failed, as notes for the answer ("Food cost could not be computed: …"). */
  failures: string[];
}

export async function runMetrics(
  metrics: readonly Metric[],
  ctx: MetricContext,
  onStatus: StatusListener,
  logger?: Logger,
): Promise<MetricRuns> {
  const result: MetricRuns = { runs: [], failures: [] };
  // One at a time: the status line shown is the query actually running.
  for (const metric of metrics) {
    onStatus(metric.status);
    try {
      result.runs.push({ metric, output: await metric.run(ctx) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger?.warn({ metric: metric.id, err: message }, 'metric failed');
      result.failures.push(`${metric.description} could not be computed: ${message}`);
    }
  }
  return result;
}
