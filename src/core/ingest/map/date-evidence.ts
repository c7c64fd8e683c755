// What the sampled dates showed about day and month order, in words an owner can check (the report's dateOrder).
import type { DateOrder } from '../normalise/date.ts';
import type { IngestReport } from '../outcome.ts';

type DateOrderReport = NonNullable<IngestReport['dateOrder']>;

/** Numeric dates as detectDateOrder reads them: first part, second part, year. */
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/;
const ISO = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;

/**
 * Describes how `order` was decided from the sampled date cells (the mapper decides from the sample only,
 * not the whole file). Undefined when the sample holds no dates.
 */
export function dateOrderEvidence(values: readonly string[], order: DateOrder): DateOrderReport | undefined {
  let numeric = 0;
  let iso = 0;
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let dayFirstCount = 0;
  let monthFirstCount = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (value === '') continue;
    if (ISO.test(value)) {
      iso += 1;
      continue;
    }
    const m = NUMERIC.exec(value);
    if (!m) continue;
    numeric += 1;
    if (Number(m[1]) > 12) {
      dayFirstCount += 1;
      dayFirst ??= value;
    } else if (Number(m[2]) > 12) {
      monthFirstCount += 1;
      monthFirst ??= value;
    }
  }
  const filled = values.filter((v) => v.trim() !== '').length;
  if (filled === 0) return undefined;
  if (numeric === 0) {
    return iso > 0
      ? {
          order: 'iso',
          evidence: `dates are written year first (e.g. ${values.find((v) => ISO.test(v.trim()))?.trim()}), or stored as dates`,
        }
      : { order: 'unambiguous', evidence: 'dates name their month in words, or are stored as dates' };
  }
  const sampled = `of ${numeric} numeric dates in the first ${filled} rows sampled`;
  if (order === 'mdy') {
    return {
      order: 'month-first',
      evidence: `${monthFirstCount} ${sampled} have a second part above 12 (e.g. ${monthFirst}), none a first part above 12`,
    };
  }
  if (dayFirstCount > 0 && monthFirstCount > 0) {
    return {
      order: 'day-first',
      evidence:
        `conflicting: ${dayFirstCount} ${sampled} read only day first (e.g. ${dayFirst}) and ${monthFirstCount} ` +
        `only month first (e.g. ${monthFirst}); read day first, so those rows are skipped as not dates`,
    };
  }
  if (dayFirstCount > 0) {
    return {
      order: 'day-first',
      evidence: `${dayFirstCount} ${sampled} have a first part above 12 (e.g. ${dayFirst})`,
    };
  }
  return {
    order: 'day-first',
    evidence: `none ${sampled} has a part above 12, so day first was assumed (Indian usage): 03/04 reads as 3 April`,
  };
}
