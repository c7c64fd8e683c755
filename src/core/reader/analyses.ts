// Which fixed analysis a question asks for (leak scan, brief, trend, food cost, wastage, vendor prices, expenses, staff exceptions, tasks, help).
//
// An analysis answers a topic named on its own ("wastage last week", "food cost this month", "vendor
// prices"). Once the question asks for a particular figure — a breakdown, a rank, a comparison, ₹ or a
// quantity, several measures, names other than the one item — it is a query instead.
import type { AnalysisId } from '../semantic/reading.ts';
import type { AnalysisCue, Concept } from './lexicon.ts';
import type { CoverageTable } from './vocabulary.ts';

export interface AnalysisCues {
  cues: ReadonlySet<AnalysisCue>;
  concepts: readonly Concept[];
  /** A breakdown, rank, comparison, share, ₹ / quantity marker or several measures. */
  structured: boolean;
  /** The one item named, if exactly one is. */
  item?: string;
  /** Names other than that one item. */
  otherNames: boolean;
  /** A generic staff word ("staff", "cashier") with no staff member named. */
  staffWord: boolean;
  /** A generic vendor word ("vendor", "supplier"). */
  vendorWord: boolean;
  /** "breakdown", "split", "by" with nothing to break down by. */
  breakdownWord: boolean;
}

export interface AnalysisChoice {
  analysis: AnalysisId;
  item?: string;
}

/** The table an analysis reads, for dates written without a year. */
export const ANALYSIS_TABLE: Record<AnalysisId, CoverageTable | undefined> = {
  'leak-scan': 'sales',
  'daily-brief': 'sales',
  'revenue-trend': 'sales',
  'food-cost': 'inventory',
  wastage: 'inventory',
  'vendor-prices': 'purchases',
  'expense-breakdown': 'expenses',
  'staff-exceptions': 'sales',
  'open-tasks': undefined,
  help: undefined,
};

const only = (concepts: readonly Concept[], allowed: readonly Concept[]): boolean =>
  concepts.length > 0 && concepts.every((c) => allowed.includes(c));

/** The analysis asked for, or undefined when the question is a query (or nothing Titan does). */
export function chooseAnalysis(input: AnalysisCues): AnalysisChoice | undefined {
  const { cues, concepts, structured } = input;
  const bare = !structured && !input.otherNames;
  const withItem = (analysis: AnalysisId): AnalysisChoice =>
    input.item ? { analysis, item: input.item } : { analysis };
  if (cues.has('help') && concepts.length === 0 && !input.item && !input.otherNames)
    return { analysis: 'help' };
  if (cues.has('tasks') && concepts.length === 0) return { analysis: 'open-tasks' };
  if (cues.has('leak')) return { analysis: 'leak-scan' };
  if (cues.has('exceptions')) {
    return concepts.includes('expense') || concepts.includes('spend')
      ? { analysis: 'expense-breakdown' }
      : { analysis: 'staff-exceptions' };
  }
  if (cues.has('rising')) {
    if (concepts.length === 0 || only(concepts, ['rate', 'purchase', 'cost', 'pay']))
      return withItem('vendor-prices');
    if (only(concepts, ['revenue', 'sell'])) return { analysis: 'revenue-trend' };
  }
  if (only(concepts, ['rate', 'purchase']) && concepts.includes('rate') && !input.item && bare) {
    return { analysis: 'vendor-prices' };
  }
  if (cues.has('trend') && !structured && (concepts.length === 0 || only(concepts, ['revenue', 'sell']))) {
    return { analysis: 'revenue-trend' };
  }
  if (only(concepts, ['food-cost', 'cogs', 'prime-cost']) && bare) return { analysis: 'food-cost' };
  if (only(concepts, ['wastage']) && !structured && !input.otherNames) return withItem('wastage');
  if (only(concepts, ['expense', 'spend']) && input.breakdownWord && !input.otherNames) {
    return { analysis: 'expense-breakdown' };
  }
  if (input.staffWord && only(concepts, ['void', 'comp', 'discount']) && bare)
    return { analysis: 'staff-exceptions' };
  if (cues.has('brief') && concepts.length === 0 && !input.item && !input.otherNames)
    return { analysis: 'daily-brief' };
  return undefined;
}
