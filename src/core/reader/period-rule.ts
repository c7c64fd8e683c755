// What a period rule is: the find it yields, the context it reads, and the two ways rules are built (a regex, a fixed span).
import type { DateSpan } from './vocabulary.ts';

export type Resolution = DateSpan | { problem: string };

/** One period expression found in the question. */
export interface PeriodFind {
  /** Character span in the prepared text. */
  start: number;
  end: number;
  /** The words as the owner wrote them ("1–15 Nov", "kal"). */
  label: string;
  /** 'before': "the 7 days before" (only a comparison); 'shift': "same day last week" (likewise). */
  role: 'period' | 'before' | 'shift';
  /** What it means as a comparison target ("vs last week" is the same days a week back). */
  shift?: 'last_week' | 'last_month' | 'last_year';
  /** English words for it that read back to the same dates ("last 7 days"); absent for dates written out. */
  phrase?: string;
  /** "same day last week": a comparison of one day. */
  oneDay?: boolean;
  /** The dates; a date written without a year takes the most recent year that has data in `coverage`. */
  resolve(coverage: DateSpan | null): Resolution;
}

export interface PeriodContext {
  today: string;
  dayFirst: boolean;
  /** The whole question, lower-cased, nothing blanked out. */
  lower: string;
  /** The question is in the future tense ("kal kitna hoga"): "kal" is tomorrow, not yesterday. */
  future: boolean;
}

export type PeriodPart = Omit<PeriodFind, 'start' | 'end' | 'label'>;

/** Finds its expressions in the text still unread; each is then blanked out for the rules after it. */
export interface PeriodRule {
  scan(text: string, context: PeriodContext): { start: number; end: number; part: PeriodPart }[];
}

/** A rule that is one regular expression; `read` may refuse a match by returning null. */
export function regexRule(
  pattern: RegExp,
  read: (match: RegExpExecArray, context: PeriodContext) => PeriodPart | null,
): PeriodRule {
  return {
    scan(text, context) {
      const found: { start: number; end: number; part: PeriodPart }[] = [];
      const global = new RegExp(pattern.source, 'g');
      for (let m = global.exec(text); m; m = global.exec(text)) {
        const part = read(m, context);
        if (!part) continue;
        const start = m.index + (m[0].length - m[0].trimStart().length);
        found.push({ start, end: m.index + m[0].trimEnd().length, part });
      }
      return found;
    },
  };
}

/** A fixed span (relative rules know their dates without coverage). */
export const fixed =
  (from: string, to: string): ((coverage: DateSpan | null) => Resolution) =>
  () => ({ from, to });
