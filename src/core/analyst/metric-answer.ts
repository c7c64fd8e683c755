// Metric outputs → one Answer: headline, ranked findings with actions and tasks, facts, chart, and its sources.
import type { Answer, ChartSpec, Fact, Finding, Sources } from '../model/answer.ts';
import { type ComposeContext, composeFindings, rankLeaks } from './composer.ts';
import { formatFact } from './format.ts';
import type { LeakCandidate } from './metric.ts';
import type { MetricRun } from './run-metrics.ts';

/** How many of a metric's further facts a focused answer lists under its headline. */
const DETAIL_FACTS = 5;

export interface MetricAnswerInput {
  intent: string;
  /** "Profit-leak scan", "Food cost" … */
  title: string;
  runs: readonly MetricRun[];
  sources: Sources;
  /** Row counts and other facts the answer may cite. */
  baseFacts: readonly Fact[];
  /** A scan reads as "N leaks worth ₹X/week"; a focused answer leads with its metrics' figures. */
  scan: boolean;
  failures: readonly string[];
}

const describe = (fact: Fact): string => `${fact.label}: ${formatFact(fact)}`;

/** "Wastage, all items, this month: ₹1,433", not "Wastage, this month: Wastage, all items: ₹1,433". */
function leadHeadline(title: string, periodLabel: string, leads: Fact[]): string {
  const [first, ...rest] = leads as [Fact, ...Fact[]];
  const more = rest.length ? `; ${rest.map(describe).join('; ')}` : '';
  if (first.label.toLowerCase().startsWith(title.toLowerCase())) {
    return `${first.label}, ${periodLabel}: ${formatFact(first)}${more}.`;
  }
  return `${title}, ${periodLabel}: ${describe(first)}${more}.`;
}

/** Facts a public channel may see: none from staff-level metrics, none only a staff-level finding cites. */
function visibleFacts(runs: readonly MetricRun[], ctx: ComposeContext): Fact[] {
  const all = runs.flatMap((r) => (ctx.audience === 'public' && r.metric.staffLevel ? [] : r.output.facts));
  if (ctx.audience === 'private') return all;
  const leaks = runs.flatMap((r) => r.output.leaks);
  const staffOnly = new Set(leaks.filter((l) => l.staffLevel).flatMap((l) => l.factIds));
  for (const leak of leaks) if (!leak.staffLevel) for (const id of leak.factIds) staffOnly.delete(id);
  return all.filter((f) => !staffOnly.has(f.id));
}

function visibleLeaks(runs: readonly MetricRun[], ctx: ComposeContext): LeakCandidate[] {
  return runs.flatMap((r) => (ctx.audience === 'public' && r.metric.staffLevel ? [] : r.output.leaks));
}

/** A scan's picture: each finding's ₹ per week, largest first. */
function leakChart(findings: readonly Finding[]): ChartSpec | undefined {
  if (findings.length === 0) return undefined;
  return {
    kind: 'bar',
    title: 'Leaks, ₹ per week',
    x: 'finding',
    y: 'impact',
    unit: 'INR/week',
    points: findings.map((f) => ({ x: f.headline.split(':')[0]!, y: Math.round(f.impactPerWeek) })),
  };
}

export function composeMetricAnswer(input: MetricAnswerInput, ctx: ComposeContext): Answer {
  const { runs, sources, title, scan } = input;
  const metricFacts = visibleFacts(runs, ctx);
  const composed = composeFindings(visibleLeaks(runs, ctx), metricFacts, ctx);
  const facts: Fact[] = [...input.baseFacts, ...metricFacts, ...composed.facts];
  const details: string[] = [];
  const label = ctx.period.label;
  let headline: string;

  if (scan) {
    const ranked = rankLeaks(visibleLeaks(runs, ctx), ctx.audience);
    const count: Fact = {
      id: 'scan.leaks',
      label: 'leaks found',
      value: ranked.length,
      unit: ranked.length === 1 ? 'leak' : 'leaks',
      period: ctx.period,
      query: 'leak-scan',
    };
    const total: Fact = {
      id: 'scan.impact_per_week',
      label: 'leaks, cost per week',
      value: composed.facts.reduce((sum, f) => sum + f.value, 0),
      unit: 'INR/week',
      period: ctx.period,
      query: 'leak-scan',
    };
    const sales = input.baseFacts.find((f) => f.id === 'rows.sales');
    facts.push(count, total);
    headline = ranked.length
      ? `${title}, ${label}: ${formatFact(count)} worth ${formatFact(total)}.`
      : `${title}, ${label}: no leaks found${sales ? ` across ${formatFact(sales)} of sales` : ''}.`;
  } else {
    const leads = runs.flatMap((r) => metricFacts.filter((f) => r.output.facts.includes(f)).slice(0, 1));
    headline = leads.length ? leadHeadline(title, label, leads) : `${title}, ${label}: nothing to report.`;
    for (const run of runs) {
      const further = metricFacts.filter((f) => run.output.facts.includes(f) && !leads.includes(f));
      details.push(...further.slice(0, DETAIL_FACTS).map(describe));
    }
    if (!composed.findings.length && leads.length) details.push('Nothing here needs action.');
  }

  const chart = scan
    ? leakChart(composed.findings)
    : runs.find((r) => r.output.chart && !(ctx.audience === 'public' && r.metric.staffLevel))?.output.chart;
  return {
    intent: input.intent,
    headline,
    rootCause: composed.findings[0]?.rootCause ?? '',
    findings: composed.findings,
    actions: composed.actions,
    tasks: composed.tasks,
    facts,
    ...(chart ? { chart } : {}),
    sources,
    path: 'offline',
    notes: [...input.failures],
    ...(details.length ? { details } : {}),
  };
}
