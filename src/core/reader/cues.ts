// The keywords of a scan gathered by word class, with where they sit in the question.
import type { DimensionId } from '../semantic/query.ts';
import type { AnalysisCue, Concept, NotHeldTopic } from './lexicon.ts';
import type { Scan } from './scan.ts';

export interface Cues {
  concepts: { concept: Concept; token: number }[];
  dimensions: { dimension: DimensionId | 'who'; plural: boolean; token: number }[];
  grouping: boolean;
  rank?: { order: 'desc' | 'asc'; judged: boolean };
  compare: boolean;
  comparative: boolean;
  money: boolean;
  quantity: boolean;
  howMany: boolean;
  /** Token indexes of "how much" (its last word). */
  howMuch: number[];
  share: boolean;
  latest: boolean;
  explain: boolean;
  toDate: boolean;
  balance: boolean;
  analysis: Set<AnalysisCue>;
  notHeld: NotHeldTopic[];
}

export function gatherCues(scan: Scan): Cues {
  const cues: Cues = {
    concepts: [],
    dimensions: [],
    grouping: false,
    compare: false,
    comparative: false,
    money: false,
    quantity: false,
    howMany: false,
    howMuch: [],
    share: false,
    latest: false,
    explain: false,
    toDate: false,
    balance: false,
    analysis: new Set(),
    notHeld: [],
  };
  for (const hit of scan.keywords) {
    const { lexeme } = hit;
    const last = hit.tokens[hit.tokens.length - 1]!;
    switch (lexeme.kind) {
      case 'concept':
        cues.concepts.push({ concept: lexeme.concept, token: hit.tokens[0]! });
        break;
      case 'dimension': {
        const word = scan.text.tokens[last]!;
        cues.dimensions.push({ dimension: lexeme.dimension, plural: word.word !== word.stem, token: last });
        break;
      }
      case 'group':
        cues.grouping = true;
        break;
      case 'rank':
        cues.rank ??= { order: lexeme.order, judged: lexeme.judged === true };
        break;
      case 'compare':
        cues.compare = true;
        break;
      case 'comparative':
        cues.comparative = true;
        break;
      case 'money':
        cues.money = true;
        break;
      case 'quantity':
        cues.quantity = true;
        break;
      case 'how-many':
        cues.howMany = true;
        break;
      case 'how-much':
        cues.howMuch.push(last);
        break;
      case 'share':
        cues.share = true;
        break;
      case 'latest':
        cues.latest = true;
        break;
      case 'explain':
        cues.explain = true;
        break;
      case 'to-date':
        cues.toDate = true;
        break;
      case 'balance':
        cues.balance = true;
        cues.concepts.push({ concept: 'stock', token: hit.tokens[0]! });
        break;
      case 'cue':
        cues.analysis.add(lexeme.cue);
        break;
      case 'not-held':
        cues.notHeld.push(lexeme.topic);
        break;
      case 'future':
      case 'filler':
        break;
    }
  }
  return cues;
}
