// Period expressions in a question → date ranges: relative phrases first (our own rules), then written dates (chrono-node and ours).
import { absoluteRules, toTodayRules } from './absolute-periods.ts';
import { relativeRules } from './relative-periods.ts';
import { lowerKeepingOffsets } from './text-prep.ts';
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

const FUTURE_TENSE = /\b(?:will|shall|going to|hoga|hogi|hoge|honge|karenge|aayega|aayegi|tomorrow)\b/;

/** A fixed span (relative rules know their dates without coverage). */
export const fixed =
  (from: string, to: string): ((coverage: DateSpan | null) => Resolution) =>
  () => ({ from, to });

/**
 * Finds every period expression in `lower` (lower-cased `display`, same offsets), left to right.
 * `masked` is `lower` with the spans already read by something else blanked out; found spans are
 * blanked in it too, so the caller can see what is left.
 */
export function findPeriods(
  display: string,
  masked: string,
  options: { today: string; dayFirst: boolean },
): { finds: PeriodFind[]; masked: string } {
  const context: PeriodContext = {
    ...options,
    lower: lowerKeepingOffsets(display),
    future: FUTURE_TENSE.test(lowerKeepingOffsets(display)),
  };
  const finds: PeriodFind[] = [];
  let text = masked;
  for (const rule of [...toTodayRules, ...relativeRules, ...absoluteRules]) {
    for (const { start, end, part } of rule.scan(text, context)) {
      // "the last 7 days" is labelled "last 7 days".
      const label = display.slice(start, end).replace(/^the\s+/i, '');
      finds.push({ ...part, start, end, label });
      text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
    }
  }
  return { finds: finds.sort((a, b) => a.start - b.start), masked: text };
}
