// Free-text cells: trimmed, single-spaced, control characters dropped; never interpreted.

/** Longest text kept in one cell; a longer one is a paste accident, not a description. */
export const MAX_TEXT_LENGTH = 500;

/**
 * Cleans a text cell, or null when empty. A value such as "=HYPERLINK(…)" or "+91…" stays exactly that
 * text: nothing here (or downstream) evaluates cell contents.
 */
/** Anything cleaning would change: control or unusual whitespace characters, doubled or edge spaces. */
const UNTIDY = /[\p{Cc}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/u;

export function cleanText(raw: string): string | null {
  if (raw !== '' && !UNTIDY.test(raw)) return raw.slice(0, MAX_TEXT_LENGTH);
  // Whitespace controls (tab, newline) become spaces first; any other control character is dropped.
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return s === '' ? null : s.slice(0, MAX_TEXT_LENGTH);
}
