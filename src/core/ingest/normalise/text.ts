// Free-text cells: trimmed, single-spaced, control characters dropped; never interpreted.

/** Longest text kept in one cell; a longer one is a paste accident, not a description. */
export const MAX_TEXT_LENGTH = 500;

/**
 * Cleans a text cell, or null when empty. A value such as "=HYPERLINK(…)" or "+91…" stays exactly that
 * text: nothing here (or downstream) evaluates cell contents.
 */
export function cleanText(raw: string): string | null {
  // Whitespace controls (tab, newline) become spaces first; any other control character is dropped.
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return s === '' ? null : s.slice(0, MAX_TEXT_LENGTH);
}
