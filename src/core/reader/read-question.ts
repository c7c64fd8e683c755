// The question reader: an owner's words → a Reading (a query, one of the fixed analyses, or an honest "I can't"), offline and deterministic.
//
// How it reads (scan.ts). Every word must be read as something, longest readings first: stored names of
// several words (values.ts), days of the week kept to ("on Sundays", "weekends": weekday-filters.ts), periods
// (relative-periods.ts, then absolute-periods.ts with chrono-node),
// keyword phrases (lexicon.ts), one-word names, single keywords, then stop words and filler
// (stop-words.ts). Typos are corrected before that, only when one known word is clearly meant
// (spelling.ts: no correction under 5 letters, a swap at 5, one edit from 6, two from 9).
// What it means (interpret.ts): a topic the data does not hold declines (not-held.ts); a topic named on
// its own is an analysis (analyses.ts); otherwise measure words and their markers give the measures
// (measures.ts), names the filters, "by/which/who/top" the breakdown and rank (breakdown.ts), and the
// periods the period and comparison (compare.ts, default-period.ts). The text states all of it
// (reading-text.ts). A meaningful word left over is never skipped: the reader declines, naming it, and
// offers the reading without it (and the closest stored names) as suggestions. Filler ("please", "bro",
// "ji") cannot change a figure, so it is listed in `unread` and the question is answered. The same text,
// today and vocabulary always give the same Reading: no clock, network or model is consulted.

import { dimensionsOf } from '../semantic/model.ts';
import { semanticQuerySchema } from '../semantic/query.ts';
import type { Reading } from '../semantic/reading.ts';
import { interpret, type ReadOptions, type Understood } from './interpret.ts';
import { queryQuestion } from './reading-text.ts';
import { type Scan, scanQuestion } from './scan.ts';
import type { Vocabulary } from './vocabulary.ts';

const quote = (words: string[]): string => words.map((w) => `“${w}”`).join(', ');

/** The reading with a stored name in place of an unread word, as a question. */
function withName(understood: Understood, scan: Scan, name: string): string | undefined {
  const { query } = understood;
  if (!query) return undefined;
  const hit = scan.names.names.find((n) => n.value === name);
  if (!hit || !query.measures.every((m) => dimensionsOf(m).includes(hit.dimension))) return undefined;
  const others = query.filters.filter((f) => f.dimension !== hit.dimension);
  const parsed = semanticQuerySchema.safeParse({
    ...query,
    filters: [...others, { dimension: hit.dimension, values: [name] }],
  });
  return parsed.success ? queryQuestion(parsed.data, understood.phrase) : undefined;
}

/** Declines a question with words nobody could read, offering what it would mean without them. */
function declineUnread(scan: Scan, understood: Understood): Reading {
  const unsure = [...scan.unsure, ...scan.unknown];
  const words = unsure.map((u) => u.words);
  const closest = [...new Set(unsure.flatMap((u) => u.closest))];
  const guess = closest.length > 0 ? ` The closest names I have: ${closest.slice(0, 3).join(', ')}.` : '';
  const ambiguous = scan.unsure.length > 0 && scan.unknown.length === 0;
  const reason = ambiguous
    ? `I can’t tell which you mean by ${quote(words)}: ${closest.join(' or ')}.`
    : `I couldn’t read ${quote(words)} in your question, so I won’t guess at a figure.${guess}`;
  const suggestions = [
    ...closest.flatMap((name) => withName(understood, scan, name) ?? []),
    ...(!ambiguous && understood.question ? [understood.question] : []),
    ...(understood.reading.kind === 'decline' ? understood.reading.suggestions : []),
  ];
  return { kind: 'decline', reason, suggestions: [...new Set(suggestions)].slice(0, 4) };
}

/** Nothing but greetings and grammar ("hi", "good morning"): the reply is what Titan can do. */
const saysNothing = (scan: Scan): boolean =>
  scan.keywords.every((k) => k.lexeme.kind === 'filler') &&
  scan.values.length === 0 &&
  scan.weekdays.length === 0 &&
  scan.periods.length === 0 &&
  scan.unknown.length === 0 &&
  scan.unsure.length === 0;

/**
 * Reads an owner's question as of `today` (ISO date in the business time zone) against the scope's
 * vocabulary. Numeric dates are day first unless `dayFirst` is false.
 */
export function readQuestion(
  question: string,
  context: { today: string; vocabulary: Vocabulary; dayFirst?: boolean },
): Reading {
  const options: ReadOptions = {
    today: context.today,
    vocabulary: context.vocabulary,
    dayFirst: context.dayFirst ?? true,
  };
  const scan = scanQuestion(question, options.vocabulary, options);
  if (saysNothing(scan)) {
    return {
      kind: 'analysis',
      analysis: 'help',
      period: { from: options.today, to: options.today, label: 'today' },
      unread: scan.filler,
    };
  }
  const understood = interpret(scan, options);
  if (understood.firm) return understood.reading;
  if (scan.unknown.length > 0 || scan.unsure.length > 0) return declineUnread(scan, understood);
  return understood.reading;
}
