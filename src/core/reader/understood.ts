// What the reader understood, as it travels between its steps: the Reading, the same reading as a question, and whether a decline stands.
import type { SemanticQuery } from '../semantic/query.ts';
import type { Reading } from '../semantic/reading.ts';
import type { DatedPeriod } from './compare.ts';
import type { PeriodFind } from './period-rule.ts';
import { formatSpan } from './reading-text.ts';
import type { Scan } from './scan.ts';
import type { CoverageTable, Vocabulary } from './vocabulary.ts';

export interface ReadOptions {
  today: string;
  vocabulary: Vocabulary;
  dayFirst: boolean;
}

/** A reading, and the same reading as a question (for suggestions when a word was left unread). */
export interface Understood {
  reading: Reading;
  question?: string;
  /** The query, to offer it again with a stored name in place of an unread word. */
  query?: SemanticQuery;
  phrase?: string;
  /** A decline that stands whatever else the question says. */
  firm?: boolean;
}

export const decline = (reason: string, suggestions: string[] = []): Understood => ({
  reading: { kind: 'decline', reason, suggestions: [...new Set(suggestions)].slice(0, 4) },
});

/** A decline no other word could change (a topic not held, a date that does not exist or has not come). */
export const firm = (reason: string, suggestions: string[] = []): Understood => ({
  ...decline(reason, suggestions),
  firm: true,
});

export const isPlural = (scan: Scan, token: number): boolean => {
  const t = scan.text.tokens[token];
  return t !== undefined && t.word !== t.stem;
};

const label = (text: string): string => (text.length > 120 ? `${text.slice(0, 119)}…` : text || 'period');

/** A period find resolved, checked (no such date, clock times, the future) and clamped to today. */
export function resolveFind(
  find: PeriodFind,
  table: CoverageTable | undefined,
  options: ReadOptions,
): DatedPeriod | { problem: string } {
  const span = find.resolve(table ? options.vocabulary.coverage[table] : null);
  if ('problem' in span) {
    return {
      problem:
        span.problem === 'time-of-day'
          ? `I can’t answer for a time of day (“${find.label}”) yet: I can show a whole day, or a day hour by hour.`
          : `There is no “${find.label}” in the calendar.`,
    };
  }
  if (span.from > options.today) {
    return {
      problem: `“${find.label}” (${formatSpan(span.from, span.to)}) hasn’t happened yet: I only have figures up to today.`,
    };
  }
  const to = [span.to, options.today].sort()[0]!;
  return { from: span.from, to, label: label(find.label), ...(find.phrase ? { phrase: find.phrase } : {}) };
}
