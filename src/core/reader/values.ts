// Stored names in the question ("masala dosa", "Kaveri", "dosas", "chawal"): exact phrases, a shared head word, one unique word, or an unsure guess.
//
// Confidence. A name is read when the question's words are the name (singular or plural), or are the
// head word that several names share ("dosas" → every "… Dosa"), or a word only one name has
// ("kaveri" → Kaveri Traders). A word two names share elsewhere ("masala": Masala Dosa, Masala Chai)
// is ambiguous. Typos were corrected beforehand (spelling.ts), only when one word was clearly meant;
// a word still unread gets fuse.js's closest names as suggestions, never a silent guess.
import Fuse from 'fuse.js';
import type { Claims } from './claims.ts';
import { editDistance } from './spelling.ts';
import { isEmptyWord } from './stop-words.ts';
import { lowerKeepingOffsets, tokenise } from './text-prep.ts';
import { VALUE_DIMENSIONS, type ValueDimension, type Vocabulary } from './vocabulary.ts';

interface Name {
  dimension: ValueDimension;
  value: string;
  stems: string[];
}

/** Names found in the question; `values` holds several when a head word names a family. */
export interface ValueHit {
  /** Dimensions the words could name (most often one); the query picks the one its measure allows. */
  candidates: { dimension: ValueDimension; values: string[] }[];
  tokens: number[];
  words: string;
  /** True when the words are the whole name, not a shared head word or one word of it. */
  exact: boolean;
}

/** A word that could be one of several names, or is close to some: the reader asks instead of guessing. */
export interface UnsureName {
  words: string;
  closest: string[];
}

/** Common Hindi names of ingredients and bills, read as the English word when the data uses it. */
const SYNONYMS: Record<string, string> = {
  chawal: 'rice',
  doodh: 'milk',
  dahi: 'curd',
  pyaz: 'onion',
  pyaaz: 'onion',
  kanda: 'onion',
  aloo: 'potato',
  tamatar: 'tomato',
  cheeni: 'sugar',
  chini: 'sugar',
  namak: 'salt',
  tel: 'oil',
  anda: 'egg',
  ande: 'egg',
  adrak: 'ginger',
  lahsun: 'garlic',
  haldi: 'turmeric',
  jeera: 'cumin',
  kaapi: 'coffee',
  bijli: 'electricity',
  power: 'electricity',
};

/** Words read as names through their English twin: known words, never typos to correct ("power" is not "powder"). */
export const SYNONYM_WORDS: readonly string[] = Object.keys(SYNONYMS);

export interface NameIndex {
  names: Name[];
  /** Every word of every name, for typo correction. */
  words: string[];
  fuse: Fuse<Name>;
}

export function indexNames(vocabulary: Vocabulary): NameIndex {
  const names: Name[] = [];
  for (const dimension of VALUE_DIMENSIONS) {
    for (const value of [...new Set(vocabulary.values[dimension] ?? [])].sort()) {
      const stems = tokenise(lowerKeepingOffsets(value)).map((t) => t.stem);
      if (stems.length > 0) names.push({ dimension, value, stems });
    }
  }
  const words = [...new Set(names.flatMap((n) => tokenise(lowerKeepingOffsets(n.value)).map((t) => t.word)))];
  const fuse = new Fuse(names, {
    keys: ['value'],
    includeScore: true,
    threshold: 0.6,
    ignoreLocation: true,
  });
  return { names, words, fuse };
}

/** One hit per dimension, values in a fixed order. */
function hitOf(found: Name[], tokens: number[], words: string, exact: boolean): ValueHit {
  const byDimension = new Map<ValueDimension, string[]>();
  for (const name of found)
    byDimension.set(name.dimension, [...(byDimension.get(name.dimension) ?? []), name.value]);
  const candidates = VALUE_DIMENSIONS.flatMap((d) =>
    byDimension.has(d) ? [{ dimension: d, values: byDimension.get(d)! }] : [],
  );
  return { candidates, tokens, words, exact };
}

const sameWords = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((w, i) => w === b[i]);

const containsRun = (stems: readonly string[], run: readonly string[]): boolean =>
  stems.some((_s, i) => sameWords(stems.slice(i, i + run.length), run));

/** What a run of words names: the whole name, a shared head, or a run only one name has; else unsure. */
function lookUp(
  index: NameIndex,
  run: string[],
): { found: Name[]; exact: boolean } | { unsure: Name[] } | null {
  const exact = index.names.filter((n) => sameWords(n.stems, run));
  if (exact.length > 0) return { found: exact, exact: true };
  const containing = index.names.filter((n) => n.stems.length > run.length && containsRun(n.stems, run));
  if (containing.length === 0) return null;
  const headed = containing.filter((n) => sameWords(n.stems.slice(-run.length), run));
  if (headed.length > 0) return { found: headed, exact: false };
  return containing.length === 1 ? { found: containing, exact: false } : { unsure: containing };
}

/**
 * Reads names of two or more words first (before periods and keywords claim their words),
 * longest first; `single` then reads one-word names and parts of names among the words left.
 */
export function readNamePhrases(
  claims: Claims,
  index: NameIndex,
): { hits: ValueHit[]; unsure: UnsureName[] } {
  return readNames(claims, index, 6, 2);
}

export function readNameWords(
  claims: Claims,
  index: NameIndex,
  skip: (token: number) => boolean,
): { hits: ValueHit[]; unsure: UnsureName[] } {
  return readNames(claims, index, 1, 1, skip);
}

function readNames(
  claims: Claims,
  index: NameIndex,
  longest: number,
  shortest: number,
  skip: (token: number) => boolean = () => false,
): { hits: ValueHit[]; unsure: UnsureName[] } {
  const hits: ValueHit[] = [];
  const unsure: UnsureName[] = [];
  const { tokens } = claims;
  for (let start = 0; start < tokens.length; start++) {
    for (let length = Math.min(longest, tokens.length - start); length >= shortest; length--) {
      const span = Array.from({ length }, (_v, k) => start + k);
      if (!span.every((i) => claims.isFree(i)) || span.some(skip)) continue;
      const edges = [tokens[start]!.word, tokens[start + length - 1]!.word];
      const run = span.map((i) => SYNONYMS[tokens[i]!.word] ?? tokens[i]!.stem);
      const words = span.map((i) => tokens[i]!.word).join(' ');
      // A number alone is never part of a name ("bottom 2 items" is not "Samosa (2 pcs)").
      if (!run.some((w) => /\p{L}/u.test(w))) continue;
      const found = lookUp(index, run);
      if (!found) continue;
      if ('unsure' in found) {
        if (edges.some(isEmptyWord)) continue;
        unsure.push({ words, closest: found.unsure.map((n) => n.value) });
        claims.claim(span, 'value');
      } else {
        // A run may start or end with "of"/"the" only when it is a whole name ("Cup of Tea").
        if (!found.exact && edges.some(isEmptyWord)) continue;
        hits.push(hitOf(found.found, span, words, found.exact));
        claims.claim(span, 'value');
      }
      start += length - 1;
      break;
    }
  }
  return { hits, unsure };
}

/** The closest stored names to words nothing else read, for "did you mean" suggestions. */
export function closestNames(index: NameIndex, words: string): string[] {
  if (words.replace(/\s/g, '').length < 4) return [];
  const typed = words.split(' ').filter((w) => w.length >= 3);
  // Fuse ranks; a name counts as close only if one of its words is a near spelling of a typed word.
  const near = (name: Name): boolean =>
    name.stems.some((s) =>
      typed.some((w) => editDistance(w, s) <= Math.max(1, Math.floor(Math.max(w.length, s.length) / 3))),
    );
  return index.fuse
    .search(words)
    .filter((r) => (r.score ?? 1) <= 0.6 && near(r.item))
    .slice(0, 3)
    .map((r) => r.item.value);
}

/** The whole one-word name `stem` is, if any ("salaries" → the expense head Salaries). */
export function exactName(index: NameIndex, stem: string, token: number, word: string): ValueHit | null {
  const found = index.names.filter((n) => n.stems.length === 1 && n.stems[0] === stem);
  return found.length > 0 ? hitOf(found, [token], word, true) : null;
}
