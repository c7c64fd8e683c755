// Days of the week as a filter ("on Sundays", "every Saturday", "weekends", "weekday sales"), told apart from the
// weekday breakdown ("by weekday", "which day of the week") and from one dated day ("last Sunday", "on Sunday").
//
// The rule. A plural day name, a day name after "every / each / har", "weekend(s)" without "this / last / next / the"
// and "weekday(s)" without a breakdown or rank word beside it keep the figure to those days. Everything else is left
// to the period rules (a single day name is the last such date) and to the lexicon ("weekday" with "by", "per",
// "which", "wise", "top", "busiest" … is the breakdown). Read before periods, so "every Saturday" never becomes last
// Saturday.
import { WEEKDAYS } from '../semantic/dimensions.ts';
import { dimensionsOf, MEASURES } from '../semantic/model.ts';
import type { MeasureId, SemanticFilter } from '../semantic/query.ts';
import type { Claims } from './claims.ts';
import { addDays, daysBetween, weekdayOf } from './dates.ts';
import { keywordsOf } from './keywords.ts';

/** Days of the week named as a filter: 0 = Sunday … 6 = Saturday, as the semantic layer's WEEKDAYS. */
export interface WeekdayHit {
  days: number[];
  tokens: number[];
  words: string;
}

const DAY_NAMES: [RegExp, number][] = [
  [/^(?:sunday|ravivar|itvaar|itwar)$/, 0],
  [/^(?:monday|somvar|somwar)$/, 1],
  [/^(?:tuesday|mangalvar|mangalwar)$/, 2],
  [/^(?:wednesday|budhvar|budhwar)$/, 3],
  [/^(?:thursday|guruvar|guruwar|brihaspativar)$/, 4],
  [/^(?:friday|shukravar|shukrawar)$/, 5],
  [/^(?:saturday|shanivar|shaniwar)$/, 6],
];
const WEEKEND = [6, 0];
const WORKING_WEEK = [1, 2, 3, 4, 5];

/** Words before a day name that make it every such day rather than the last one. */
const EVERY = new Set(['every', 'each', 'har', 'all']);
/** Words before "weekend" that make it one weekend, a period the period rules read. */
const ONE_WEEKEND =
  /^(?:this|that|the|last|lst|past|previous|prior|preceding|next|coming|current|pichle|pichhle|pichla|agle|agla|is|iss|pona|intha)$/;
/** Words beside "weekday(s)" that make it the breakdown's grain ("same weekdays last week": a comparison). */
const GRAIN_BEFORE = new Set(['what', 'same', 'all']);
const GRAIN_AFTER = new Set(['wise', 'breakdown', 'split']);

const dayOf = (word: string): number | undefined => DAY_NAMES.find(([re]) => re.test(word))?.[1];

/** A group ("by", "per", "which", "wise") or rank ("top", "busiest") keyword. */
const groupsOrRanks = (stem: string | undefined): boolean =>
  stem !== undefined && keywordsOf(stem).some((l) => l.kind === 'group' || l.kind === 'rank');

/**
 * Reads the weekday filters among the unread words and claims them, with the "every" / "on" before them. A rank
 * word anywhere makes a lone singular "weekday" the ranked grain ("weekday with the most sales").
 */
export function readWeekdayFilters(claims: Claims): WeekdayHit[] {
  const { tokens } = claims;
  const ranked = tokens.some((t) => keywordsOf(t.stem).some((l) => l.kind === 'rank'));
  const hits: WeekdayHit[] = [];
  const before = (i: number) => (claims.isFree(i - 1) ? tokens[i - 1]?.word : undefined);
  tokens.forEach((token, i) => {
    if (!claims.isFree(i)) return;
    const days = daysNamed(token.word, token.stem, before(i), tokens[i + 1]?.stem, ranked);
    if (!days) return;
    const lead = before(i);
    const span = lead !== undefined && (EVERY.has(lead) || lead === 'on') ? [i - 1, i] : [i];
    claims.claim(span, 'lexicon');
    hits.push({ days, tokens: span, words: span.map((k) => tokens[k]!.word).join(' ') });
  });
  return hits;
}

function daysNamed(
  word: string,
  stem: string,
  previous: string | undefined,
  next: string | undefined,
  ranked: boolean,
): number[] | undefined {
  const day = dayOf(stem);
  if (day !== undefined)
    return word !== stem || (previous !== undefined && EVERY.has(previous)) ? [day] : undefined;
  if (stem === 'weekend')
    return word !== stem || !previous || !ONE_WEEKEND.test(previous) ? WEEKEND : undefined;
  if (stem !== 'weekday') return undefined;
  const grain =
    (previous !== undefined && (GRAIN_BEFORE.has(previous) || groupsOrRanks(previous))) ||
    (next !== undefined && GRAIN_AFTER.has(next)) ||
    (ranked && word === stem);
  return grain ? undefined : WORKING_WEEK;
}

/** Every day the hits name, as one filter on the weekday dimension (days Monday first). */
export function weekdayFilter(hits: readonly WeekdayHit[]): SemanticFilter | undefined {
  const days = new Set(hits.flatMap((h) => h.days));
  if (days.size === 0) return undefined;
  const values = [1, 2, 3, 4, 5, 6, 0].filter((d) => days.has(d)).map((d) => WEEKDAYS[d]!);
  return { dimension: 'weekday', values };
}

const sameDays = (values: readonly string[], days: readonly number[]): boolean =>
  values.length === days.length && days.every((d) => values.includes(WEEKDAYS[d]!));

/**
 * The days of a weekday filter in words: "Sundays", "Fridays and Saturdays", "weekends (Sat, Sun)", "weekdays
 * (Mon–Fri)". `spelled` adds the days a word stands for, for a headline; a question reads back without them.
 */
export function weekdayWords(values: readonly string[], spelled: boolean): string {
  if (sameDays(values, WEEKEND)) return spelled ? 'weekends (Sat, Sun)' : 'weekends';
  if (sameDays(values, WORKING_WEEK)) return spelled ? 'weekdays (Mon–Fri)' : 'weekdays';
  const plural = values.map((v) => `${v}s`);
  return plural.length > 1 ? `${plural.slice(0, -1).join(', ')} and ${plural.at(-1)}` : plural[0]!;
}

/** The weekday filter a query gets, and whether its days are groups side by side ("Saturdays vs Sundays"). */
export type WeekdayReading =
  | { filter?: SemanticFilter; sides: boolean }
  | { problem: string; each: SemanticFilter[] };

/**
 * The days the question keeps its figures to. Days set against each other ("Saturdays vs Sundays") are the groups
 * of a weekday breakdown; sets of days ("weekdays vs weekends") cannot be, and a figure that rests on stock counts
 * has no value for some days only: both are declined, never answered over every day.
 */
export function readWeekdays(
  hits: readonly WeekdayHit[],
  measures: readonly MeasureId[],
  comparing: boolean,
): WeekdayReading {
  const filter = weekdayFilter(hits);
  if (!filter) return { sides: false };
  const words = weekdayWords(filter.values, false);
  const refused = measures.find((m) => !dimensionsOf(m).includes('weekday'));
  if (refused) {
    const { label, counts } = MEASURES[refused];
    const why = counts ? ` rests on ${counts}, not on a sum over the days, so it` : '';
    return { problem: `${label}${why} can’t be kept to ${words}.`, each: [] };
  }
  if (!comparing || hits.length < 2) return { filter, sides: false };
  if (hits.every((h) => h.days.length === 1)) return { filter, sides: true };
  return {
    problem: `I can’t set ${hits.map((h) => weekdayWords(weekdayFilter([h])!.values, false)).join(' against ')} side by side in one answer yet: ask for each on its own.`,
    each: hits.map((h) => weekdayFilter([h])!),
  };
}

/** The days of a filter a period holds none of ("yesterday" and "Sundays"), or undefined when it holds one. */
export function missingDays(
  filter: SemanticFilter,
  period: { from: string; to: string },
): string | undefined {
  const span = Math.min(daysBetween(period.from, period.to), 6);
  const held = Array.from({ length: span + 1 }, (_v, i) => WEEKDAYS[weekdayOf(addDays(period.from, i))]!);
  if (filter.values.some((v) => held.includes(v))) return undefined;
  return filter.values.join(' or ');
}
