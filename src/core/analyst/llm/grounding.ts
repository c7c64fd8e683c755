// The grounding check: every number in the model's words must be a known figure, give or take rounding and units.

/** A number as written in the text, with its multiplier applied ("₹1.2 lakh" → 120000). */
export interface NumberMention {
  text: string;
  value: number;
  /** Half a unit of the last digit written, in the value's units: how far rounding can move it. */
  tolerance: number;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** Spans that hold numbers but no figures: dates, clock times, list markers, durations of a deadline. */
const NOT_FIGURES: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g,
  /\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/g,
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b/gi,
  /\b\d{1,2}:\d{2}\b/g,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?(?![a-z])`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'gi'),
  /^\s*\d{1,2}[.)]\s/gm,
  /\b\d{1,3}\s*(?:hours?|hrs?)\b/gi,
];

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  l: 1e5,
  lac: 1e5,
  lacs: 1e5,
  lakh: 1e5,
  lakhs: 1e5,
  cr: 1e7,
  crore: 1e7,
  crores: 1e7,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
};

// A figure: optional sign, Indian or western grouping, decimals, then an optional "%" or multiplier word.
// The look-behinds skip digits inside identifiers ("cafe_001", "F2", "B2B") and inside another number.
const FIGURE =
  /(?<![\p{L}_\d])(?<!\d[.,])(-)?(\d{1,3}(?:,\d{2,3})+|\d+)(\.\d+)?(?:\s?(%|(?:k|thousand|l|lacs?|lakhs?|cr|crores?|m|mn|million)\b))?/giu;

/** Currency words written against the digits ("Rs.840", "INR840") would hide the figure from FIGURE. */
const CURRENCY_PREFIX = /\b(?:rs\.?|inr)(?=\s*\d)/gi;

function blank(text: string): string {
  return [...NOT_FIGURES, CURRENCY_PREFIX].reduce(
    (t, re) => t.replace(re, (m) => ' '.repeat(m.length)),
    text,
  );
}

/** Every figure in a text (dates, times and list numbers left out). */
export function extractNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of blank(text).matchAll(FIGURE)) {
    const [whole, minus, intPart, frac, suffix] = m;
    const multiplier = MULTIPLIERS[suffix?.toLowerCase() ?? ''] ?? 1;
    const digits = intPart!.replace(/,/g, '');
    const decimals = frac ? frac.length - 1 : 0;
    // "₹1,20,000" is a rounded figure: its trailing zeros are not precision.
    const trailingZeros = !frac && digits.length >= 4 ? digits.length - digits.replace(/0+$/, '').length : 0;
    const value = Number(`${minus ?? ''}${digits}${frac ?? ''}`) * multiplier;
    const tolerance = Math.min(
      0.5 * 10 ** (trailingZeros - decimals) * multiplier,
      Math.max(Math.abs(value) * 0.05, 0.5),
    );
    out.push({ text: whole.trim(), value, tolerance });
  }
  return out;
}

/** Each known figure in the forms the model may legitimately write it: as is, unsigned, as % or per-mille units. */
function variants(v: number): number[] {
  const a = Math.abs(v);
  return [a, a * 100, a / 100, a * 1000, a / 1000];
}

export interface GroundingResult {
  ok: boolean;
  /** Figures in the text that match nothing known. */
  unsupported: NumberMention[];
}

/** Whether every figure in `text` is one of `known` (a fact, a tool result or the question's own numbers). */
export function checkGrounding(text: string, known: Iterable<number>): GroundingResult {
  const pool = [...new Set([...known].filter(Number.isFinite))].flatMap(variants);
  const unsupported = extractNumbers(text).filter((n) => {
    const target = Math.abs(n.value);
    // 0 and 1 as bare words ("1 task", "0 voids") carry no claim worth checking.
    if (n.tolerance <= 0.5 && (target === 0 || target === 1)) return false;
    return !pool.some((k) => Math.abs(k - target) <= n.tolerance + 1e-9);
  });
  return { ok: unsupported.length === 0, unsupported };
}

/** Every number found in a JSON value's numeric fields; strings are ignored, so text inside data adds nothing. */
export function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}
