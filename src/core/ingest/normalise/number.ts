// Numbers as people write them on Indian bills and exports: "₹1,23,456.50", "(500)", "Rs. 40/-", "1,7".

/** Currency marks before or after an amount; no word boundaries, because "Rs1939" has none. */
const CURRENCY = /₹|\$|€|£|rupees?|rs\.?|inr|usd|eur/gi;

/** Cells that mean "nothing here" in accounting exports. */
const BLANKISH = new Set(['', '-', '--', '—', 'na', 'n/a', 'nil', 'null', 'none', 'nan']);

/** True for an empty cell or a placeholder such as "-" or "N/A". */
export function isBlankish(raw: string): boolean {
  // Runs on every cell: a cell opening with a digit or a letter other than n is no placeholder, decided
  // without trimming or lower-casing it.
  const first = raw.charCodeAt(0);
  const letter = first | 32;
  if ((first >= 48 && first <= 57) || (letter >= 97 && letter <= 122 && letter !== 110)) return false;
  // Placeholders are short; a long cell is blank only if it is all whitespace (the common, cheap case).
  return raw.length <= 8 ? BLANKISH.has(raw.trim().toLowerCase()) : raw.trim() === '';
}

/** A plain number as exports write most of them: no grouping, currency or sign tricks. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;

/**
 * The other common shape, a grouped amount with or without paise ("6,726.87", "1,23,456.50"): a ledger's amount
 * column is all of them, and the general path below costs four times as much. Same result as that path.
 */
const GROUPED_DECIMAL = /^-?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d+)?$/;

/** 1,234,567 (western) or 12,34,567 (Indian lakh/crore) grouping. */
const COMMA_GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})$/;
/** 1.234.567 (European grouping with dots). */
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3}){2,}$/;

/** Removes grouping and turns the decimal separator into '.', or null when the digits are ambiguous or malformed. */
function canonicalDigits(body: string): string | null {
  const comma = body.lastIndexOf(',');
  const dot = body.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // Both present: whichever comes last is the decimal separator.
    const [group, decimal] = comma > dot ? [/\./g, ','] : [/,/g, '.'];
    const digits = body.replace(group, '');
    return digits.split(decimal).length === 2 ? digits.replace(decimal, '.') : null;
  }
  if (comma >= 0) {
    if (COMMA_GROUPED.test(body)) return body.replace(/,/g, '');
    // "1,7" and "12,50" cannot be grouping (a group has three digits), so the comma is decimal.
    if (/^\d*,\d{1,2}$/.test(body)) return body.replace(',', '.');
    return null;
  }
  if (DOT_GROUPED.test(body)) return body.replace(/\./g, '');
  return body.split('.').length <= 2 ? body : null;
}

/**
 * Parses an amount or quantity; null when the cell is blank or is not a number.
 * Parentheses and a leading or trailing minus mean negative; currency marks and "/-" are ignored.
 */
export function parseNumber(raw: string): number | null {
  if (PLAIN.test(raw)) return Number(raw);
  if (GROUPED_DECIMAL.test(raw)) return Number(raw.replaceAll(',', ''));
  if (isBlankish(raw)) return null;
  let s = raw.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  s = s.replace(/\/-$/, '').replace(CURRENCY, '').replace(/\s+/g, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative !== s.startsWith('-');
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  const match = /^([\d.,]*\d[\d.,]*|[\d.,]*\d)((?:e[+-]?\d+)?)$/i.exec(s);
  if (!match) return null;
  const digits = canonicalDigits(match[1]!);
  if (digits === null) return null;
  const value = Number(digits + match[2]);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/** Rounds money to paise so float noise from spreadsheets does not leak into stored amounts. */
export function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
