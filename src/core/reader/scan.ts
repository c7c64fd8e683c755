// One pass over the question: every word is read as a stored name, a period, a keyword, a stop word, filler — or left unknown.
import { Claims } from './claims.ts';
import { type KeywordHit, keywordsOf, readKeywords } from './keywords.ts';
import { ALL_TIME_EXTREMES, LEXICON_WORDS } from './lexicon.ts';
import type { PeriodFind } from './period-rule.ts';
import { findPeriods } from './periods.ts';
import { RELATIVE_PERIOD_WORDS } from './relative-periods.ts';
import { knownWords, type PreparedText, prepareText } from './spelling.ts';
import { FILLER_WORDS, STOP_WORDS } from './stop-words.ts';
import { stem } from './text-prep.ts';
import {
  closestNames,
  exactName,
  indexNames,
  type NameIndex,
  readNamePhrases,
  readNameWords,
  SYNONYM_WORDS,
  type UnsureName,
  type ValueHit,
} from './values.ts';
import type { Vocabulary } from './vocabulary.ts';
import { readWeekdayFilters, type WeekdayHit } from './weekday-filters.ts';

const MONTH_WORDS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export interface Scan {
  text: PreparedText;
  values: ValueHit[];
  /** Days of the week the figure is kept to ("on Sundays", "weekends"). */
  weekdays: WeekdayHit[];
  periods: PeriodFind[];
  keywords: KeywordHit[];
  /** Measure words that are also a stored name ("Salaries"), by token: the query decides which they are. */
  dual: Map<number, ValueHit>;
  /** A number right after a rank word ("top 3"). */
  rankCount?: number;
  /** Words that could be several names. */
  unsure: UnsureName[];
  /** Politeness and address ("please", "bro"): read, and listed as unread. */
  filler: string[];
  /** Words nothing could read, runs of neighbours together, with the closest stored names. */
  unknown: UnsureName[];
  names: NameIndex;
}

/** Keywords mean their lexemes ("waste" and "wastage" agree); other words mean themselves. */
function meaningOf(word: string): string {
  const lexemes = keywordsOf(stem(word));
  return lexemes.length > 0 ? JSON.stringify(lexemes) : stem(word);
}

const COUNT_WORDS: Record<string, number> = Object.fromEntries(NUMBER_WORDS.map((w, i) => [w, i + 1]));

/**
 * "All-time high / low": the period rule reads "all time", and the word after it is the superlative ("all time high
 * sales day" is the best day ever), which alone ("sales were high") is no rank.
 */
function readAllTimeExtreme(claims: Claims, period: readonly number[]): KeywordHit[] {
  const next = (period.at(-1) ?? -2) + 1;
  const order = claims.isFree(next) ? ALL_TIME_EXTREMES[claims.tokens[next]!.word] : undefined;
  if (!order) return [];
  claims.claim([next], 'lexicon');
  return [{ lexeme: { kind: 'rank', order }, tokens: [next], words: claims.tokens[next]!.word }];
}

/**
 * How many a ranked question asks for: a number right after a rank word ("top 3", "best five"), right
 * before one ("the 3 least selling"), or right before the ranked thing ("which 3 items"); claimed with it.
 */
function readRankCount(claims: Claims, keywords: KeywordHit[]): number | undefined {
  if (!keywords.some((k) => k.lexeme.kind === 'rank')) return undefined;
  const countAt = (i: number): number | undefined => {
    const word = claims.tokens[i]?.word;
    if (word === undefined || !claims.isFree(i)) return undefined;
    const count = /^\d{1,3}$/.test(word) ? Number(word) : COUNT_WORDS[word];
    return count !== undefined && count >= 1 ? count : undefined;
  };
  const around = keywords.flatMap((k) => {
    const first = k.tokens[0]!;
    const last = k.tokens[k.tokens.length - 1]!;
    if (k.lexeme.kind === 'rank') return [last + 1, first - 1];
    return k.lexeme.kind === 'dimension' ? [first - 1] : [];
  });
  for (const i of around) {
    const count = countAt(i);
    if (count !== undefined) {
      claims.claim([i], 'lexicon');
      return count;
    }
  }
  return undefined;
}

export function scanQuestion(
  question: string,
  vocabulary: Vocabulary,
  options: { today: string; dayFirst: boolean },
): Scan {
  const names = indexNames(vocabulary);
  const known = knownWords(
    [
      LEXICON_WORDS,
      RELATIVE_PERIOD_WORDS,
      MONTH_WORDS,
      NUMBER_WORDS,
      [...STOP_WORDS],
      [...FILLER_WORDS],
      names.words,
      SYNONYM_WORDS,
    ],
    meaningOf,
  );
  const text = prepareText(question, known);
  const claims = new Claims(text.tokens);

  // Longest readings first: names of several words, weekday filters, periods, keyword phrases, one-word names, keywords.
  const phrases = readNamePhrases(claims, names);
  const weekdays = readWeekdayFilters(claims);
  const { finds } = findPeriods(text.display, claims.mask(text.lower), options);
  const keywords: KeywordHit[] = [];
  for (const find of finds) {
    const span = claims.claimSpan(find.start, find.end, 'period');
    if (find.phrase === 'all time') keywords.push(...readAllTimeExtreme(claims, span));
  }
  keywords.push(...readKeywords(claims, 2));
  const isConcept = (i: number): boolean =>
    keywordsOf(claims.tokens[i]!.stem).some((l) => l.kind === 'concept');
  const words = readNameWords(claims, names, isConcept);
  keywords.push(...readKeywords(claims, 1));
  keywords.sort((a, b) => a.tokens[0]! - b.tokens[0]!);
  const rankCount = readRankCount(claims, keywords);

  const dual = new Map<number, ValueHit>();
  for (const hit of keywords) {
    if (hit.lexeme.kind !== 'concept' || hit.tokens.length !== 1) continue;
    const token = claims.tokens[hit.tokens[0]!]!;
    const name = exactName(names, token.stem, hit.tokens[0]!, token.word);
    if (name) dual.set(hit.tokens[0]!, name);
  }

  const filler = keywords.filter((k) => k.lexeme.kind === 'filler').map((k) => k.words);
  const unknown: UnsureName[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const words = run.map((i) => claims.tokens[i]!.word).join(' ');
    unknown.push({ words, closest: closestNames(names, words) });
    run = [];
  };
  for (const [i, token] of claims.tokens.entries()) {
    if (!claims.isFree(i)) flush();
    else if (STOP_WORDS.has(token.word)) {
      claims.claim([i], 'stop');
      flush();
    } else if (FILLER_WORDS.has(token.word)) {
      claims.claim([i], 'filler');
      filler.push(token.word);
      flush();
    } else run.push(i);
  }
  flush();

  return {
    text,
    values: [...phrases.hits, ...words.hits].sort((a, b) => a.tokens[0]! - b.tokens[0]!),
    weekdays,
    periods: finds,
    keywords,
    dual,
    ...(rankCount !== undefined ? { rankCount } : {}),
    unsure: [...phrases.unsure, ...words.unsure],
    filler,
    unknown,
    names,
  };
}
