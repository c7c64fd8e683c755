// Period expressions in a question → date ranges: relative phrases first (our own rules), then written dates (chrono-node and ours).
import { absoluteRules, beforeRelativeRules } from './absolute-periods.ts';
import type { PeriodContext, PeriodFind } from './period-rule.ts';
import { relativeRules } from './relative-periods.ts';
import { lowerKeepingOffsets } from './text-prep.ts';

const FUTURE_TENSE = /\b(?:will|shall|going to|hoga|hogi|hoge|honge|karenge|aayega|aayegi|tomorrow)\b/;

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
  for (const rule of [...beforeRelativeRules, ...relativeRules, ...absoluteRules]) {
    for (const { start, end, part } of rule.scan(text, context)) {
      // "the last 7 days" is labelled "last 7 days".
      const label = display.slice(start, end).replace(/^the\s+/i, '');
      finds.push({ ...part, start, end, label });
      text = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
    }
  }
  return { finds: finds.sort((a, b) => a.start - b.start), masked: text };
}
