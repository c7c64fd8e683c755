// Titan's CFO voice without an LLM: leak candidates → ranked findings "[NUMBER] → Root cause → [TASK:] action by deadline".
import type { Action, Answer, Fact, Finding, Period, TaskDraft } from '../model/answer.ts';
import { deadlineIn } from '../tasks/deadlines.ts';
import { formatFact } from './format.ts';
import type { LeakCandidate } from './metric.ts';
import { periodDays } from './periods.ts';
import type { Audience } from './port.ts';

/** How many findings get an action, a task and a full line; the rest are listed in one line. */
export const TOP_FINDINGS = 3;
/** How many smaller findings the "Also" line names. */
const MORE_FINDINGS = 3;

export interface ComposeContext {
  now: Date;
  tz: string;
  audience: Audience;
  period: Period;
}

export interface ComposedFindings {
  /** Every finding the audience may see, largest ₹/week first. */
  findings: Finding[];
  actions: Action[];
  tasks: TaskDraft[];
  /** Facts the composer adds: the ₹/week impact of each finding. */
  facts: Fact[];
}

const fact = (
  id: string,
  label: string,
  value: number,
  unit: string,
  period: Period,
  query: string,
): Fact => ({
  id,
  label,
  value,
  unit,
  period,
  query,
});

/** Largest ₹/week first; the key breaks ties so the order never depends on metric run order. */
export function rankLeaks(leaks: readonly LeakCandidate[], audience: Audience): LeakCandidate[] {
  return leaks
    .filter((leak) => audience === 'private' || !leak.staffLevel)
    .sort((a, b) => b.impactPerWeek - a.impactPerWeek || a.key.localeCompare(b.key));
}

/** One finding as Titan writes it. */
export function findingLine(finding: Finding, impact: Fact | undefined): string {
  // Most metrics already state the ₹/week in their headline; say it once.
  const cost = impact && !finding.headline.includes(formatFact(impact)) ? ` (${formatFact(impact)})` : '';
  return `${finding.headline}${cost} → Root cause: ${finding.rootCause} → [TASK:] ${finding.action.text} by ${finding.action.deadlineLabel}`;
}

const impactFactId = (key: string): string => `impact.${key}`;

/** The fact the task is re-measured against: the one the metric names, else the leak's fact with that value. */
function baselineFactId(leak: LeakCandidate, facts: readonly Fact[]): string | undefined {
  if (leak.remeasure.factId) return leak.remeasure.factId;
  return facts.find((f) => leak.factIds.includes(f.id) && f.value === leak.remeasure.value)?.id;
}

export function composeFindings(
  leaks: readonly LeakCandidate[],
  metricFacts: readonly Fact[],
  ctx: ComposeContext,
): ComposedFindings {
  const ranked = rankLeaks(leaks, ctx.audience);
  const facts: Fact[] = [];
  const findings = ranked.map((leak): Finding => {
    const deadline = deadlineIn(leak.deadlineHours, ctx.now, ctx.tz);
    const impact = fact(
      impactFactId(leak.key),
      `${leak.headline}: cost per week`,
      Math.round(leak.impactPerWeek),
      'INR/week',
      ctx.period,
      'leak-impact',
    );
    facts.push(impact);
    return {
      key: leak.key,
      headline: leak.headline,
      rootCause: leak.rootCause,
      action: { text: leak.action, deadline: deadline.at, deadlineLabel: deadline.label },
      impactPerWeek: leak.impactPerWeek,
      factIds: [...leak.factIds, impact.id],
      ...(leak.staffLevel ? { staffLevel: true } : {}),
    };
  });
  const top = findings.slice(0, TOP_FINDINGS);
  const tasks = top.map((finding, i): TaskDraft => {
    const leak = ranked[i]!;
    const factId = baselineFactId(leak, metricFacts);
    const { item, filter } = leak.remeasure;
    return {
      title: finding.action.text,
      findingKey: leak.key,
      dueAt: finding.action.deadline,
      metric: leak.remeasure.metric,
      baseline: leak.remeasure.value,
      finding: leak.headline,
      remeasure: {
        ...(factId ? { factId } : {}),
        ...(item ? { item } : {}),
        ...(filter ? { filter } : {}),
        impactPerWeek: leak.impactPerWeek,
        periodDays: periodDays(ctx.period),
      },
    };
  });
  return { findings, actions: top.map((f) => f.action), tasks, facts };
}

/** The composed text of an answer: headline, findings, details. Renderers draw exactly these lines. */
export function answerLines(answer: Answer): string[] {
  const impacts = new Map(answer.facts.map((f) => [f.id, f]));
  const top = answer.findings.slice(0, TOP_FINDINGS);
  const more = answer.findings.slice(TOP_FINDINGS, TOP_FINDINGS + MORE_FINDINGS);
  return [
    answer.headline,
    ...top.map((f) => findingLine(f, impacts.get(impactFactId(f.key)))),
    ...(more.length ? [`Also: ${more.map((f) => f.headline).join('; ')}`] : []),
    ...(answer.details ?? []),
  ];
}

/** Phrases in an answer's text that hold digits without being figures: the period and the deadlines. */
export function nonFigurePhrases(answer: Answer): string[] {
  return [
    // The reading in words names dates and counts asked for ("Top 3 items … 4 Nov–3 Dec 2026"), not figures.
    ...(answer.reading ? [answer.reading.text] : []),
    answer.sources.period.label,
    ...answer.actions.map((a) => a.deadlineLabel),
  ];
}
