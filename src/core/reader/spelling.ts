// Typos in the question's own words ("reveneu", "yestrday", "cofee") corrected against the words the reader knows, only when one word is clearly meant.
import { expandAbbreviation } from './abbreviations.ts';
import { lowerKeepingOffsets, stem, type Token, tidy, tokenise } from './text-prep.ts';

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

const isSwap = (a: string, b: string): boolean =>
  a.length === b.length && [...a].sort().join('') === [...b].sort().join('') && editDistance(a, b) === 1;

/**
 * How far a typo may be from the word meant: none under 5 letters (too many real words lie one
 * letter apart: rice/price, stuff/staff); at 5, a swap of two letters or one letter left out or
 * doubled ("bils", "stok", "mnth"), never one changed; one edit from 6, two from 9.
 */
function withinReach(typo: string, word: string): boolean {
  const longest = Math.max(typo.length, word.length);
  if (longest < 5 || Math.abs(typo.length - word.length) > 2) return false;
  if (longest === 5)
    return isSwap(typo, word) || (typo.length !== word.length && editDistance(typo, word) === 1);
  return editDistance(typo, word) <= (longest >= 9 ? 2 : 1);
}

/** The words the reader knows; a known word (or its singular) is never corrected. */
export interface KnownWords {
  words: ReadonlySet<string>;
  /** Candidates to correct towards, in a fixed order. */
  list: readonly string[];
  /** What a word means, so "wastge" (waste? wastage?) is still one reading: words that mean the same agree. */
  meaning(word: string): string;
}

export function knownWords(
  lists: readonly (readonly string[])[],
  meaning: (word: string) => string = stem,
): KnownWords {
  const list = [...new Set(lists.flat().filter((w) => /^[a-z]+$/.test(w)))].sort();
  return { words: new Set([...list, ...list.map(stem)]), list, meaning };
}

/** The one known word `typo` is a slip of, or undefined when there is none or more than one. */
export function correctWord(typo: string, known: KnownWords): string | undefined {
  if (!/^[a-z]+$/.test(typo) || known.words.has(typo) || known.words.has(stem(typo))) return undefined;
  let best = Number.POSITIVE_INFINITY;
  let meant = new Set<string>();
  let closest: string | undefined;
  for (const word of known.list) {
    if (!withinReach(typo, word)) continue;
    const distance = editDistance(typo, word);
    if (distance < best) {
      best = distance;
      meant = new Set([known.meaning(word)]);
      closest = word;
    } else if (distance === best) meant.add(known.meaning(word));
  }
  return meant.size === 1 ? closest : undefined;
}

/** The question after shorthand is written out and typos corrected: its display text, lower-cased twin (same offsets) and tokens. */
export interface PreparedText {
  display: string;
  lower: string;
  tokens: Token[];
  corrections: { typed: string; read: string }[];
}

export function prepareText(question: string, known: KnownWords): PreparedText {
  let display = tidy(question);
  const corrections: { typed: string; read: string }[] = [];
  const found = tokenise(lowerKeepingOffsets(display));
  for (const token of [...found].reverse()) {
    // Shorthand first ("lw" is last week, not a typo of "low"), then typos.
    const read = expandAbbreviation(token.word, known.words) ?? correctWord(token.word, known);
    if (!read) continue;
    corrections.unshift({ typed: display.slice(token.start, token.end), read });
    display = display.slice(0, token.start) + read + display.slice(token.start + token.word.length);
  }
  const lower = lowerKeepingOffsets(display);
  return { display, lower, tokens: tokenise(lower), corrections };
}
