// Answers that need no metric: help, a channel too public for staff detail, and "there is no data yet".
import type { Answer, Period, Sources } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import { CATEGORIES } from '../warehouse/tables.ts';

/** An answer with nothing in it yet; builders fill in what they know. */
export function emptyAnswer(intent: string, headline: string, sources: Sources): Answer {
  return {
    intent,
    headline,
    rootCause: '',
    findings: [],
    actions: [],
    tasks: [],
    facts: [],
    sources,
    path: 'offline',
    notes: [],
  };
}

/** Sources of an answer that read no data. */
export const noSources = (period: Period): Sources => ({ period, rows: {}, freshness: {}, gaps: [] });

/** What the help reply suggests asking: a few of each kind, as typed. */
const EXAMPLES = [
  'where am I losing money this month?',
  'daily brief',
  'What were sales on 21 November?',
  'Top 3 items by revenue in the last 30 days',
  'What did we pay Kaveri Traders this month?',
  'maida wastage last week',
  'food cost this month',
  'vendor prices',
  'expense breakdown this month',
  'staff exceptions',
  'open tasks',
];
const examples = (): string => EXAMPLES.map((q) => `"${q}"`).join(', ');

export function helpAnswer(period: Period): Answer {
  return {
    ...emptyAnswer(
      'help',
      'Titan answers from your sales, purchases, inventory and expenses.',
      noSources(period),
    ),
    details: [
      `Ask for: ${examples()}.`,
      'Any period works: "yesterday", "this week", "last month", "1-15 Nov", "since Monday".',
    ],
  };
}

export interface NoDataOptions {
  scope: Scope;
  /** Where files dropped for ingest go (data/inbox). */
  inboxDir: string;
  sources: Sources;
}

/** The empty warehouse: not an error, but the ways to load data. */
export function noDataAnswer(intent: string, options: NoDataOptions): Answer {
  const { scope, inboxDir, sources } = options;
  return {
    // Every day of the period is a gap in an empty warehouse; listing them says nothing.
    ...emptyAnswer(intent, `No data yet for \`${scope.orgId}\` / \`${scope.locationId}\`.`, {
      ...sources,
      gaps: [],
    }),
    details: [
      'Load some first:',
      '• `titan demo` fills the warehouse with a demo café to try Titan on;',
      `• drop CSV, Excel or PDF files in \`${inboxDir}/<category>/\` (${CATEGORIES.join(', ')}) and run \`titan watch --once\`;`,
      '• or `titan ingest <file-or-folder> --category sales`.',
    ],
  };
}

/** Data exists, but none in the period asked about. */
export function emptyPeriodAnswer(intent: string, title: string, sources: Sources): Answer {
  const { period } = sources;
  return {
    ...emptyAnswer(
      intent,
      `${title}, ${period.label}: no data between \`${period.from}\` and \`${period.to}\`.`,
      sources,
    ),
    details: ['Try a period with data, e.g. "last 30 days", or load the missing files with `titan ingest`.'],
  };
}

/** Staff-level questions asked in a shared channel. */
export function privateOnlyAnswer(intent: string, period: Period): Answer {
  return {
    ...emptyAnswer(
      intent,
      'Staff-level detail stays private: ask me in a direct message.',
      noSources(period),
    ),
  };
}
