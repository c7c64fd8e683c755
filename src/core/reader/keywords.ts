// Finds the lexicon's keywords among the words still unread: phrases of several words first, then single words.
import type { Claims } from './claims.ts';
import { LEXICON, type Lexeme } from './lexicon.ts';

export interface KeywordHit {
  lexeme: Lexeme;
  /** Token indexes, in order. */
  tokens: number[];
  words: string;
}

const SINGLE_WORDS = new Map<string, Lexeme[]>(
  LEXICON.filter((e) => e.words.length === 1).map((e) => [e.words[0]!, e.lexemes]),
);

/** The lexemes a single word has in the lexicon (empty when it is no keyword). */
export const keywordsOf = (stem: string): readonly Lexeme[] => SINGLE_WORDS.get(stem) ?? [];

/** Reads keywords of at least `shortest` words, longest first at each position. */
export function readKeywords(claims: Claims, shortest: 1 | 2): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const { tokens } = claims;
  for (let start = 0; start < tokens.length; start++) {
    if (!claims.isFree(start)) continue;
    for (const entry of LEXICON) {
      const length = entry.words.length;
      if (length < shortest) break;
      const span = Array.from({ length }, (_v, k) => start + k);
      if (!span.every((i, k) => claims.isFree(i) && tokens[i]!.stem === entry.words[k])) continue;
      const words = span.map((i) => tokens[i]!.word).join(' ');
      for (const lexeme of entry.lexemes) hits.push({ lexeme, tokens: span, words });
      claims.claim(span, 'lexicon');
      start += length - 1;
      break;
    }
  }
  return hits;
}
