// Header text reduced to comparable words: "Amt. (Rs)" and "amt_rs" both become "amt".

/** Words that only say the unit or currency of a column ("Amount in Rs", "Amt (₹)"). */
const NOISE = new Set(['rs', 'inr', 'rupees', 'in']);

/** Lower-case words of a header, punctuation and underscores turned into single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The header without unit/currency words, unless that leaves nothing (a column headed just "Rs"). */
export function headerKey(header: string): string {
  const words = normaliseHeader(header).split(' ');
  const kept = words.filter((w) => !NOISE.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}
