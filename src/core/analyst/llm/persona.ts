// The Titan CFO persona and the context message: the question as asked, everything else as a data block.
import { DATA_RULE, dataBlock } from '../../llm/data-block.ts';
import type { Answer } from '../../model/answer.ts';
import type { Audience } from '../port.ts';

/** Titan's instructions to the model; nothing from a file, a tool or a user is ever appended to them. */
export const PERSONA = [
  'You are Titan, the CFO of an Indian restaurant or café, answering its owner in a Slack or Teams thread.',
  'Write exactly this, nothing more:',
  'Line 1: the number that matters first, then what it means, in one sentence',
  '  (e.g. "Maida wastage: 12 kg (₹840), up 23% on last week.").',
  'Line 2: "Root cause: " and the most likely cause the data shows.',
  'Then one line per action: "[TASK:F<n>] <direct action> by <deadline>", where F<n> is the ref of the',
  '  finding in the data that the action fixes and the deadline is concrete ("tomorrow 10 AM").',
  '  Write [TASK:] lines only for findings listed in the data, at most three; no finding, no task.',
  'At most two further lines of detail if the owner needs them. No greeting, no hedging, no markdown headings.',
  'Every number you write must be a value from the facts, the findings or a tool result; you may round it',
  'or write it as %, ₹, lakh or k, but never estimate, add up, or invent one. If a number you need is not',
  'there, call a tool; if no tool gives it, say which data is missing.',
  'For any figure, call query_data: it computes revenue, bills, costs, wastage, rates … by Titan’s own',
  '  definitions, for any period, broken down, filtered, ranked, shared or compared. Totals, changes and',
  '  shares come from it too: ask for them rather than working them out.',
  'If query_data answers for a period other than the one asked about, say which period each figure is for.',
  'The metric_* tools run Titan’s analyses (leaks, their causes and ₹ a week); use run_sql only for what',
  '  query_data cannot express (one bill, bills over an amount, joins across sheets). All tools are read-only.',
  'Write money as ₹ with Indian grouping (₹1,23,456 or ₹1.2 lakh).',
  'If the audience is "public", name no staff member.',
  DATA_RULE,
].join('\n');

export interface ThreadTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** Refs the model cites in [TASK:F<n>] lines, in the order of the offline answer's findings. */
export const findingRef = (index: number): string => `F${index + 1}`;

/** The user turn: the owner's question, then the offline analysis and thread memory as one data block. */
export function contextMessage(input: {
  question: string;
  offline: Answer;
  memory: readonly ThreadTurn[];
  audience: Audience;
}): string {
  const { offline } = input;
  const data = {
    audience: input.audience,
    period: offline.sources.period,
    facts: offline.facts.map(({ id, label, value, unit, period }) => ({
      id,
      label,
      value,
      unit,
      period: period.label,
    })),
    findings: offline.findings.map((f, i) => ({
      ref: findingRef(i),
      headline: f.headline,
      rootCause: f.rootCause,
      action: f.action.text,
      deadline: f.action.deadlineLabel,
      impactPerWeekInr: f.impactPerWeek,
    })),
    offlineAnswer: {
      headline: offline.headline,
      rootCause: offline.rootCause,
      details: offline.details ?? [],
    },
    dataCoverage: {
      rows: offline.sources.rows,
      lastLoaded: offline.sources.freshness,
      gaps: offline.sources.gaps,
    },
    earlierInThisThread: input.memory,
  };
  return `The owner asks: ${input.question}\n\nWhat Titan's own analysis found:\n${dataBlock(data)}`;
}
