// Metric outputs → one Answer: headline, ranked findings with actions and tasks, facts, chart, and its sources.
import type { Answer, ChartSpec, Fact, Finding, Sources } from '../model/answer.ts';
import { type ComposeContext, type ComposedFindings, composeFindings, rankLeaks } from './composer.ts';
import { formatFact } from './format.ts';
import type { LeakCandidate } from './metric.ts';
import { checkOf } from './metrics/index.ts';
import type { MetricRun } from './run-metrics.ts';
import { type Coverage, checkCoverage, notCheckedText, uncheckedNames, wordList } from './sources.ts';

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

/** What the runs could check with the period's rows; a public answer leaves out staff-level checks. */
function coverageOf(runs: readonly MetricRun[], sources: Sources, ctx: ComposeContext): Coverage {
  const checks = runs.flatMap((r) => {
    const check = checkOf(r.metric.id);
    const hidden = ctx.audience === 'public' && (r.metric.staffLevel || check?.staffLevel);
    return check && !hidden ? [check] : [];
  });
  return checkCoverage(checks, sources);
}

/** A scan's headline and its two figures: what was found, never "no leaks" over checks it could not make. */
function scanSummary(
  input: MetricAnswerInput,
  ctx: ComposeContext,
  composed: ComposedFindings,
  coverage: Coverage,
): { headline: string; facts: Fact[] } {
  const found = rankLeaks(visibleLeaks(input.runs, ctx), ctx.audience).length;
  const scanFact = (id: string, label: string, value: number, unit: string): Fact => ({
    id,
    label,
    value,
    unit,
    period: ctx.period,
    query: 'leak-scan',
  });
  const count = scanFact('scan.leaks', 'leaks found', found, found === 1 ? 'leak' : 'leaks');
  const impact = composed.facts.reduce((sum, f) => sum + f.value, 0);
  const total = scanFact('scan.impact_per_week', 'leaks, cost per week', impact, 'INR/week');
  const lead = `${input.title}, ${ctx.period.label}:`;
  const partial = coverage.unchecked.length > 0;
  const sales = input.baseFacts.find((f) => f.id === 'rows.sales');
  const across = sales ? ` across ${formatFact(sales)} of sales` : '';
  const unchecked = `${wordList(uncheckedNames(coverage))} could not be checked`;
  const headline =
    found > 0
      ? `${lead} ${formatFact(count)} worth ${formatFact(total)}${partial ? ' in what could be checked' : ''}.`
      : !partial
        ? `${lead} no leaks found${across}.`
        : coverage.checked.length
          ? `${lead} no leaks found in ${wordList(coverage.checked)}${across}; ${unchecked}.`
          : `${lead} ${unchecked}.`;
  return { headline, facts: [count, total] };
}

/** A focused answer leads with each metric's first figure and lists a few more under it. */
function focusedSummary(
  input: MetricAnswerInput,
  ctx: ComposeContext,
  metricFacts: readonly Fact[],
  composed: ComposedFindings,
  coverage: Coverage,
): { headline: string; details: string[] } {
  const lead = `${input.title}, ${ctx.period.label}:`;
  const notChecked = notCheckedText(coverage);
  // Nothing its data let it check: say so, not lead with the figures that happen to exist (sales, purchases).
  const blocked = notChecked !== null && coverage.checked.length === 0;
  const leads = blocked
    ? []
    : input.runs.flatMap((r) => metricFacts.filter((f) => r.output.facts.includes(f)).slice(0, 1));
  const headline = blocked
    ? `${lead} could not check ${notChecked}.`
    : leads.length
      ? leadHeadline(input.title, ctx.period.label, leads)
      : `${lead} nothing to report.`;
  const details: string[] = [];
  for (const run of input.runs) {
    const further = metricFacts.filter((f) => run.output.facts.includes(f) && !leads.includes(f));
    details.push(...further.slice(0, DETAIL_FACTS).map(describe));
  }
  if (!composed.findings.length && leads.length) details.push('Nothing here needs action.');
  return { headline, details };
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
  const { runs, scan } = input;
  const coverage = coverageOf(runs, input.sources, ctx);
  const notChecked = notCheckedText(coverage);
  const sources: Sources = notChecked
    ? { ...input.sources, gaps: [...input.sources.gaps, `Not checked: ${notChecked}`] }
    : input.sources;
  const metricFacts = visibleFacts(runs, ctx);
  const composed = composeFindings(visibleLeaks(runs, ctx), metricFacts, ctx);
  const summary = scan
    ? { ...scanSummary(input, ctx, composed, coverage), details: [] }
    : { ...focusedSummary(input, ctx, metricFacts, composed, coverage), facts: [] };
  const chart = scan
    ? leakChart(composed.findings)
    : runs.find((r) => r.output.chart && !(ctx.audience === 'public' && r.metric.staffLevel))?.output.chart;
  return {
    intent: input.intent,
    headline: summary.headline,
    rootCause: composed.findings[0]?.rootCause ?? '',
    findings: composed.findings,
    actions: composed.actions,
    tasks: composed.tasks,
    facts: [...input.baseFacts, ...metricFacts, ...composed.facts, ...summary.facts],
    ...(chart ? { chart } : {}),
    sources,
    path: 'offline',
    notes: [...input.failures],
    ...(summary.details.length ? { details: summary.details } : {}),
  };
}
