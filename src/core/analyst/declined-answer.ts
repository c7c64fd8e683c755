// Honest "I can't": a question Titan cannot answer from the data gets why and what would answer it, never a figure.
import type { Answer, Period } from '../model/answer.ts';
import type { SemanticQuery } from '../semantic/query.ts';
import type { Category } from '../warehouse/tables.ts';
import { monthShort } from './calendar.ts';
import { emptyAnswer, noSources } from './static-answers.ts';

/** The reader could not read the question as anything Titan computes. */
export function declinedAnswer(reason: string, suggestions: string[], period: Period): Answer {
  return {
    ...emptyAnswer('declined', reason, noSources(period)),
    details: suggestions.length
      ? [`Closest I can answer: ${suggestions.map((s) => `"${s}"`).join(', ')}.`]
      : [],
    reading: { text: reason, suggestions },
  };
}

const longDate = (iso: string): string => `${Number(iso.slice(8))} ${monthShort(iso)} ${iso.slice(0, 4)}`;

const NOUN: Record<Category, string> = {
  sales: 'sales',
  expenses: 'expenses',
  purchases: 'purchases',
  inventory: 'stock sheets',
};

/** The period holds no rows of the table the figure comes from: say which periods do, not "no leaks". */
export function outsideCoverageAnswer(
  text: string,
  query: SemanticQuery,
  table: Category,
  covered: { from: string; to: string } | null,
): Answer {
  const noun = NOUN[table];
  const where = covered
    ? `Your ${noun} run ${longDate(covered.from)}–${longDate(covered.to)}.`
    : `No ${noun} are loaded yet: \`titan ingest <file> --category ${table}\` loads them.`;
  const headline = `${text}: no ${noun} recorded.`;
  return {
    ...emptyAnswer('declined', headline, noSources(query.period)),
    details: [where],
    reading: { text, query, suggestions: [] },
  };
}
