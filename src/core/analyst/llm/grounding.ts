// The grounding check: every number in the model's words must be a known figure, give or take rounding and units.

/** One way to read a written number: its value and how far rounding to the digits shown can move it. */
export interface Reading {
  value: number;
  tolerance: number;
}

/** A number as written in the text ("₹1.2 lakh"), with every reading of it ("73.8 L" is litres or lakh). */
export interface NumberMention {
  text: string;
  readings: Reading[];
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

/** Suffixes that are also units: "L" is litres or lakh, "m" metres or million. */
const AMBIGUOUS = new Set(['l', 'm']);

function reading(
  digits: string,
  frac: string | undefined,
  minus: string | undefined,
  multiplier: number,
): Reading {
  const decimals = frac ? frac.length - 1 : 0;
  // "₹1,20,000" is a rounded figure: its trailing zeros are not precision.
  const trailingZeros = !frac && digits.length >= 4 ? digits.length - digits.replace(/0+$/, '').length : 0;
  const value = Number(`${minus ?? ''}${digits}${frac ?? ''}`) * multiplier;
  const tolerance = Math.min(
    0.5 * 10 ** (trailingZeros - decimals) * multiplier,
    Math.max(Math.abs(value) * 0.05, 0.5),
  );
  return { value, tolerance };
}

/** Every figure in a text (dates, times and list numbers left out). */
export function extractNumbers(text: string): NumberMention[] {
  return [...blank(text).matchAll(FIGURE)].map((m) => {
    const [whole, minus, intPart, frac, suffix] = m;
    const word = suffix?.toLowerCase() ?? '';
    const digits = intPart!.replace(/,/g, '');
    const multiplied = reading(digits, frac, minus, MULTIPLIERS[word] ?? 1);
    const readings = AMBIGUOUS.has(word) ? [multiplied, reading(digits, frac, minus, 1)] : [multiplied];
    return { text: whole.trim(), readings };
  });
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
  const grounded = ({ value, tolerance }: Reading): boolean => {
    const target = Math.abs(value);
    // 0 and 1 as bare words ("1 task", "0 voids") carry no claim worth checking.
    if (tolerance <= 0.5 && (target === 0 || target === 1)) return true;
    return pool.some((k) => Math.abs(k - target) <= tolerance + 1e-9);
  };
  const unsupported = extractNumbers(text).filter((n) => !n.readings.some(grounded));
  return { ok: unsupported.length === 0, unsupported };
}

/** Every number found in a JSON value's numeric fields; strings are ignored, so text inside data adds nothing. */
export function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}
