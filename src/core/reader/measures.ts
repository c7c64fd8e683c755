// Which measures the owner's words name: a concept word ("sales", "cancel", "rate") plus the markers around it (₹/worth, how many, %, per kg).
//
// "Sold"/"sell" with no money or quantity word: after "how much" with no item right after it, money ("how much did we
// sell lw" is revenue); of a named item or category, or ranking items ("masala dosa sold", "top selling item",
// "which item sold the most"), the quantity; ranking who sold or when ("who sold the most"), money; a money word ("by amount", "₹") or a quantity word ("qty", "plates")
// decides when present. A money word with a name only sales record ("UPI amt") is its revenue (query-reading.ts).
import type { MeasureId } from '../semantic/query.ts';
import type { Concept } from './lexicon.ts';
import type { ValueDimension } from './vocabulary.ts';

export interface MeasureCues {
  /** Concept words in the order written. */
  concepts: Concept[];
  /** ₹, "worth", "value", "amount", "money". */
  money: boolean;
  /** "plates", "kg", "quantity", "how many", or "how much" right before an item ("how much rice"). */
  quantity: boolean;
  /** "how much" not before an item: money for a sale, count-or-value questions read as value. */
  howMuch: boolean;
  /** "%", "share", "ratio". */
  share: boolean;
  /** A rank word, when no breakdown is asked for ("highest rate" is the highest rate, not a top list). */
  lonelyRank?: 'desc' | 'asc';
  /** Dimensions of the names in the question. */
  named: ReadonlySet<ValueDimension>;
  /** The breakdown is by who sold or when, not by what: "who sold the most" ranks captains by their sales. */
  sellersCompared?: boolean;
}

export type MeasureReading =
  | { kind: 'measures'; measures: MeasureId[]; usedRank: boolean; usedShare: boolean }
  /** The words name a figure Titan could give in more than one way; `options` are the readings to offer. */
  | { kind: 'ambiguous'; reason: string; options: MeasureId[] }
  | { kind: 'not-held'; reason: string; options: MeasureId[] }
  | { kind: 'none' };

/** Reads the measures; a concept whose meaning another word settles ("bills" in "bills voided") gives way. */
export function readMeasures(cues: MeasureCues): MeasureReading {
  const has = (c: Concept): boolean => cues.concepts.includes(c);
  const { money, quantity, share, named } = cues;
  const countOrValue = money || cues.howMuch;
  let usedRank = false;
  let usedShare = false;
  const out: MeasureId[] = [];
  const add = (m: MeasureId): void => {
    if (!out.includes(m)) out.push(m);
  };
  const costWords = has('food-cost') || has('cogs') || has('prime-cost') || has('labour');

  if (has('stock') && money) {
    return {
      kind: 'not-held',
      reason: 'I don’t have stock value as one figure yet: I count stock in each item’s own unit.',
      options: ['stock_on_hand'],
    };
  }
  if (has('pay') && named.has('staff') && !has('labour')) {
    return {
      kind: 'not-held',
      reason: 'I don’t have pay per staff member: load a payroll register with names to get it.',
      options: ['labour'],
    };
  }
  if (has('average') && !has('rate') && !has('bill') && !has('revenue') && !has('average-bill')) {
    return {
      kind: 'not-held',
      reason: 'I don’t have an average per day as one figure: I can show each day, or the average bill.',
      options: ['average_bill'],
    };
  }

  for (const concept of cues.concepts) {
    switch (concept) {
      case 'revenue':
      case 'gross':
        if (has('average') || has('average-bill')) add('average_bill');
        else add(has('gross') ? 'gross_sales' : 'revenue');
        break;
      case 'earn':
        // "make", "take", "bring in" mean money only when nothing more precise is said.
        if (cues.concepts.every((c) => c === 'earn') && !quantity) add('revenue');
        break;
      case 'sell':
        if (has('revenue') || has('void') || has('comp') || has('discount') || has('average-bill')) break;
        add(
          quantity ? 'items_sold' : money || cues.howMuch || cues.sellersCompared ? 'revenue' : 'items_sold',
        );
        break;
      case 'bill':
        if (has('void') || has('comp') || has('discount')) break;
        // "the electricity bill" is an expense, "Kaveri's bill" a purchase; "how much did Ravi bill" is his sales.
        if (named.has('expense_head')) add('expenses');
        else if (named.has('vendor')) add('purchases');
        else if (countOrValue && !quantity && cues.concepts.every((c) => c === 'bill' || c === 'pay'))
          add('revenue');
        else add('bills');
        break;
      case 'average':
      case 'average-bill':
        if (!has('rate')) add('average_bill');
        break;
      case 'have':
        if (cues.concepts.every((c) => c === 'have')) add('stock_on_hand');
        break;
      case 'cover':
      case 'customer':
        add('covers');
        break;
      case 'discount':
        add('discounts');
        break;
      case 'void':
        add(countOrValue || has('cost') ? 'void_value' : 'void_count');
        break;
      case 'comp':
        add(countOrValue || has('cost') ? 'comp_value' : 'comp_count');
        break;
      case 'expense':
        add('expenses');
        break;
      case 'spend':
        if (has('expense') || has('purchase') || costWords) break;
        // Spending at a vendor or on an ingredient is buying; spending on a head is an expense.
        add(
          (named.has('vendor') || named.has('item')) && !named.has('expense_head') ? 'purchases' : 'expenses',
        );
        break;
      case 'purchase':
        if (has('rate')) break;
        add(quantity ? 'purchase_qty' : 'purchases');
        break;
      case 'pay': {
        const described = ['rate', 'expense', 'purchase', 'spend', 'bill', 'revenue', 'sell'] as Concept[];
        if (described.some(has) || costWords) break;
        if (named.has('vendor') && !named.has('expense_head')) add('purchases');
        // "card payments": what customers paid by card.
        else if (named.has('payment_mode') && !named.has('expense_head')) add('revenue');
        else if (named.has('expense_head')) add('expenses');
        else if (has('bill') && named.size === 0) break;
        else
          return {
            kind: 'ambiguous',
            reason: 'I can’t tell which payments you mean: purchases from vendors, or expenses.',
            options: ['purchases', 'expenses'],
          };
        break;
      }
      case 'cost': {
        // "wastage cost", "cost of voids": the value of that figure.
        if (
          costWords ||
          ['rate', 'expense', 'purchase', 'wastage', 'void', 'comp', 'discount'].some((c) =>
            has(c as Concept),
          )
        ) {
          break;
        }
        if (named.has('expense_head')) add('expenses');
        else if (named.has('vendor')) add('purchases');
        else
          return {
            kind: 'ambiguous',
            reason: named.has('item')
              ? 'I can’t tell which cost you mean: the rate paid for it, or what its purchases came to.'
              : 'I can’t tell which cost you mean: expenses, purchases, or food cost.',
            options: named.has('item')
              ? ['unit_rate_latest', 'purchases']
              : ['expenses', 'purchases', 'food_cost_pct'],
          };
        break;
      }
      case 'rate':
        if (has('average')) add('unit_rate_avg');
        else if (cues.lonelyRank) {
          add(cues.lonelyRank === 'desc' ? 'unit_rate_max' : 'unit_rate_min');
          usedRank = true;
        } else add('unit_rate_latest');
        break;
      case 'wastage':
        if (money || has('cost')) add('wastage_value');
        else add(quantity || named.has('item') ? 'wastage_qty' : 'wastage_value');
        break;
      case 'stock':
        add('stock_on_hand');
        break;
      case 'food-cost':
        add(money && !share ? 'cogs' : 'food_cost_pct');
        usedShare ||= share;
        break;
      case 'cogs':
        add(share ? 'food_cost_pct' : 'cogs');
        usedShare ||= share;
        break;
      case 'prime-cost':
        add('prime_cost_pct');
        usedShare ||= share;
        break;
      case 'labour':
        add(share ? 'labour_pct' : 'labour');
        usedShare ||= share;
        break;
    }
  }
  if (out.length === 0) return { kind: 'none' };
  // "labour as % of revenue": revenue is the ratio's denominator, not a second figure.
  const ratios = out.some((m) => m === 'food_cost_pct' || m === 'labour_pct' || m === 'prime_cost_pct');
  if (ratios && out.includes('revenue')) out.splice(out.indexOf('revenue'), 1);
  return { kind: 'measures', measures: out.slice(0, 6), usedRank, usedShare };
}

/** More of these is better; of every other measure (costs, voids, wastage, rates) less is. */
const HIGHER_IS_BETTER: ReadonlySet<MeasureId> = new Set<MeasureId>([
  'revenue',
  'gross_sales',
  'bills',
  'items_sold',
  'average_bill',
  'covers',
]);

/** "Best" is the lowest of these and "worst" the highest. */
export const lowerIsBetter = (measure: MeasureId): boolean => !HIGHER_IS_BETTER.has(measure);
