// What the question reader made of the owner's words: a query, one of the fixed analyses, or an honest "I can't".
import type { Period } from '../model/answer.ts';
import type { SemanticQuery } from './query.ts';

/** The fixed analyses that are more than one query (ranked leaks, the brief) or need no data. */
export type AnalysisId =
  | 'leak-scan'
  | 'daily-brief'
  | 'revenue-trend'
  | 'food-cost'
  | 'wastage'
  | 'vendor-prices'
  | 'expense-breakdown'
  | 'staff-exceptions'
  | 'open-tasks'
  | 'help';

export type Reading =
  | {
      kind: 'query';
      query: SemanticQuery;
      /** The reading in words, stated in the headline ("Revenue on Sat 21 Nov 2026"). */
      text: string;
      /** Words of the question that were not understood, named in the answer (empty when all were read). */
      unread: string[];
    }
  | {
      kind: 'analysis';
      analysis: AnalysisId;
      period: Period;
      /** One item / ingredient the analysis is about ("maida wastage"), as stored in the data. */
      item?: string;
      unread: string[];
    }
  | {
      kind: 'decline';
      /** "I don't have delivery-platform commission: load your Swiggy/Zomato payout reports to get it." */
      reason: string;
      /** Closest readings Titan can answer, as full questions for quick-reply buttons. */
      suggestions: string[];
    };
