// The question as text the reader can scan: one spacing, lower case with offsets kept, and word tokens.

/** One word (or ₹ / %) of the question. */
export interface Token {
  /** Lower case, possessive "'s" dropped ("today's" → "today"). */
  word: string;
  /** The word with a plural ending taken off ("dosas" → "dosa"), for matching names and keywords. */
  stem: string;
  /** Character span in the prepared text. */
  start: number;
  end: number;
}

/** Whitespace collapsed, curly quotes straightened; case and every other character kept. */
export function tidy(question: string): string {
  return question
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case one character at a time, so offsets into `text` stay valid. */
export function lowerKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|₹|%/gu;

/** "dosas" → "dosa", "idlis" → "idli", "categories" → "category", "dishes" → "dish"; short words, "-ss" and "-us" are left alone. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The tokens of lower-cased text, with their offsets. */
export function tokenise(lower: string): Token[] {
  const tokens: Token[] = [];
  for (const m of lower.matchAll(TOKEN)) {
    const word = m[0].replace(/'s$/, '').replace(/'$/, '');
    tokens.push({ word, stem: stem(word), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}
