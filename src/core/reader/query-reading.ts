// A question read as a query: its measures, the names as filters, the breakdown and rank, the period and the comparison.
import { sharedDays } from '../semantic/comparison.ts';
import { dimensionsOf } from '../semantic/model.ts';
import {
  type Comparison,
  type MeasureId,
  type SemanticFilter,
  semanticQuerySchema,
} from '../semantic/query.ts';
import { readBreakdown } from './breakdown.ts';
import { choosePeriods, comparisonFor, counterpart, type DatedPeriod, defaultComparison } from './compare.ts';
import type { Cues } from './cues.ts';
import { daysBetween } from './dates.ts';
import { defaultPeriod } from './default-period.ts';
import type { Concept } from './lexicon.ts';
import { type MeasureReading, readMeasures } from './measures.ts';
import { dimensionNoun, formatSpan, queryQuestion, queryText } from './reading-text.ts';
import type { Scan } from './scan.ts';
import { decline, firm, isPlural, type ReadOptions, resolveFind, type Understood } from './understood.ts';
import type { ValueHit } from './values.ts';
import {
  type CoverageTable,
  MEASURE_TABLE,
  tablesHolding,
  type ValueDimension,
  type Vocabulary,
} from './vocabulary.ts';
import {
  missingDays,
  readWeekdays,
  type WeekdayReading,
  weekdayFilter,
  weekdayWords,
} from './weekday-filters.ts';

/** The measures, letting a measure word that is also a stored name ("Salaries") be the name when another measure is named. */
function measuresOf(
  scan: Scan,
  cues: Cues,
  lonelyRank: boolean,
  vocabulary: Vocabulary,
): { reading: MeasureReading; names: ValueHit[] } {
  const names = [...scan.values];
  let concepts = cues.concepts;
  for (const [token, hit] of scan.dual) {
    const without = concepts.filter((c) => c.token !== token);
    if (without.length > 0 && read(without).kind === 'measures') {
      concepts = without;
      names.push(hit);
    }
  }
  return { reading: read(concepts), names };

  function read(list: { concept: Concept; token: number }[]): MeasureReading {
    // Only a name of one dimension steers the measure: "Ramesh" (a captain and a payee) leaves it to the words.
    // A payee only the expenses register names ("BESCOM") steers as an expense head does.
    const named = new Set<ValueDimension>(
      names
        .filter((h) => h.candidates.length === 1)
        .map((h) => h.candidates[0]!)
        .map((c) => (payeeOnly(vocabulary, c) ? 'expense_head' : c.dimension)),
    );
    const itemTokens = new Set(
      names.filter((h) => h.candidates.some((c) => c.dimension === 'item')).flatMap((h) => h.tokens),
    );
    // "how much rice" asks a quantity; "how much did we sell" money.
    const beforeItem = cues.howMuch.some((t) => itemTokens.has(t + 1));
    return readMeasures({
      concepts: list.map((c) => c.concept),
      money: cues.money,
      quantity: cues.quantity || cues.howMany || beforeItem,
      howMuch: cues.howMuch.length > 0 && !beforeItem,
      share: cues.share,
      ...(lonelyRank && cues.rank ? { lonelyRank: cues.rank.order } : {}),
      named,
      sellersCompared:
        cues.dimensions.length > 0 &&
        cues.dimensions.every((d) => d.dimension !== 'item' && d.dimension !== 'category'),
    });
  }
}

/** Names become filters on the dimension the measures allow (an item and a category may share a name). */
function filtersOf(names: ValueHit[], measures: MeasureId[]): SemanticFilter[] | { problem: string } {
  const filters = new Map<ValueDimension, string[]>();
  for (const hit of names) {
    const fit = hit.candidates.find((c) => measures.every((m) => dimensionsOf(m).includes(c.dimension)));
    if (!fit) {
      const c = hit.candidates[0]!;
      return {
        problem: `“${c.values.join('”, “')}” ${c.values.length > 1 ? 'are' : 'is a'} ${dimensionNoun(c.dimension, c.values.length > 1)}, and I can’t split ${measures.length > 1 ? 'those figures' : 'that figure'} by ${dimensionNoun(c.dimension)}.`,
      };
    }
    filters.set(fit.dimension, [...new Set([...(filters.get(fit.dimension) ?? []), ...fit.values])]);
  }
  return [...filters].map(([dimension, values]) => ({ dimension, values }));
}

const TIME_GRAINS: readonly string[] = ['day', 'week', 'month', 'weekday', 'hour'];
/**
 * Who sold and how it was paid, which only the sales register records. Items and categories are not here: "top
 * 10 items" may mean money or plates, so the reader asks.
 */
const SOLD_BY: ReadonlySet<string> = new Set(['staff', 'payment_mode', 'who']);

/** A vendor name held by the expenses register only: a payee of an expense, never a supplier of purchases. */
function payeeOnly(vocabulary: Vocabulary, c: ValueHit['candidates'][number]): boolean {
  if (c.dimension !== 'vendor') return false;
  const tables = tablesHolding(vocabulary, 'vendor', c.values);
  return tables !== undefined && tables.size === 1 && tables.has('expenses');
}

/** The one table every vendor named is held by, when there is one. */
function vendorTable(names: ValueHit[], vocabulary: Vocabulary): CoverageTable | undefined {
  const vendors = names.flatMap((n) =>
    n.candidates.length === 1 && n.candidates[0]!.dimension === 'vendor' ? n.candidates[0]!.values : [],
  );
  const tables = vendors.length > 0 ? tablesHolding(vocabulary, 'vendor', vendors) : undefined;
  return tables?.size === 1 ? [...tables][0] : undefined;
}

/**
 * A figure the question names only through what else it says: expense heads are expenses; a vendor is what
 * was bought from them (a quantity: how much of it); "how many cappuccinos" is plates sold; "best day",
 * "slowest week" rank days by revenue.
 */
function impliedMeasure(names: ValueHit[], cues: Cues, vocabulary: Vocabulary): MeasureId | undefined {
  const dims = new Set<string>([
    ...names.flatMap((n) => (n.candidates.length === 1 ? [n.candidates[0]!.dimension] : [])),
    ...cues.dimensions.map((d) => d.dimension),
  ]);
  const heads =
    names.length > 0 && names.every((n) => n.candidates.some((c) => c.dimension === 'expense_head'));
  const counted = cues.quantity || cues.howMany;
  if (heads || dims.has('expense_head')) return 'expenses';
  // "Kaveri Traders October": a supplier only purchases name is what was bought from them; a payee, the expense.
  const held = vendorTable(names, vocabulary);
  if (held === 'expenses' && !counted) return 'expenses';
  if (held === 'purchases') return counted ? 'purchase_qty' : 'purchases';
  if (dims.has('vendor'))
    return counted
      ? 'purchase_qty'
      : cues.rank || cues.howMuch.length > 0 || cues.money
        ? 'purchases'
        : undefined;
  if (counted && (dims.has('item') || dims.has('category'))) return 'items_sold';
  // "UPI amt", "dosa value": money of a name only sales record is its revenue (bills are a count, not money).
  if (cues.money && !counted && (dims.has('payment_mode') || dims.has('item') || dims.has('category')))
    return 'revenue';
  const grains = cues.dimensions.filter((d) => TIME_GRAINS.includes(d.dimension));
  if (cues.rank && grains.length > 0 && grains.length === cues.dimensions.length) return 'revenue';
  // "our top captain", "UPI share": a ranking or share of sellers or payment modes is by their money, as a POS's
  // own staff and settlement reports are; the reading says "by revenue", so another figure is one word away.
  if ((cues.rank || cues.share) && !counted && [...dims].some((d) => SOLD_BY.has(d))) return 'revenue';
  return undefined;
}

/** Measures to offer for names with no measure word ("Masala Dosa last week"). */
function offersForNames(filters: SemanticFilter[], cues: Cues): MeasureId[] {
  const dims = new Set<string>([
    ...filters.map((f) => f.dimension),
    ...cues.dimensions.map((d) => d.dimension),
  ]);
  if (dims.has('vendor')) return ['purchases', 'expenses'];
  if (dims.has('item') || dims.has('category')) return ['revenue', 'items_sold'];
  if (dims.has('staff')) return ['revenue', 'void_count', 'discounts'];
  return ['revenue', 'bills'];
}

type Chosen = Extract<ReturnType<typeof choosePeriods>, { kind: 'chosen' }>;

/** The period asked about: the one named, this week for "vs last week", or the measure's default. */
function mainPeriod(
  choice: Chosen,
  measures: MeasureId[],
  filters: SemanticFilter[],
  cues: Cues,
  options: ReadOptions,
): { main: DatedPeriod; note?: string } | Understood {
  const { today } = options;
  if (choice.main) {
    const resolved = resolveFind(choice.main, MEASURE_TABLE[measures[0]!], options);
    if ('problem' in resolved) return firm(resolved.problem);
    // "the rate of paneer today" is the last price paid up to today, though nothing was bought today.
    if (measures[0] === 'unit_rate_latest' && resolved.from === resolved.to) {
      const latest = defaultPeriod('unit_rate_latest', options.vocabulary, resolved.to);
      const from = latest.from.localeCompare(resolved.to) <= 0 ? latest.from : resolved.to;
      return { main: { ...resolved, from, ...(resolved.to === today ? { phrase: 'latest' } : {}) } };
    }
    return { main: resolved };
  }
  const paired = choice.target ? counterpart(choice.target, today) : undefined;
  if (paired) return { main: paired };
  if (cues.toDate) {
    const todayOnly = { measures, filters, period: { from: today, to: today, label: 'today' }, share: false };
    return decline('I can’t tell from when: name a period, like today, this month or this financial year.', [
      queryQuestion(todayOnly, 'today'),
    ]);
  }
  const d = defaultPeriod(measures[0]!, options.vocabulary, today);
  return { main: { from: d.from, to: d.to, label: d.label, phrase: d.phrase }, note: d.note };
}

/** "this week (7–8 Dec 2026)", or the dates alone when they were written out. */
const named = (p: DatedPeriod): string =>
  p.phrase ? `${p.phrase} (${formatSpan(p.from, p.to)})` : formatSpan(p.from, p.to);
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The comparison named, or the like-for-like one when only "vs", "up", "grew" … asks for one. */
function comparisonOf(
  choice: Chosen,
  main: DatedPeriod,
  measures: MeasureId[],
  cues: Cues,
  options: ReadOptions,
): { compare?: Comparison } | Understood {
  if (!choice.compare) return {};
  if (!choice.target) {
    // "compare revenue and expenses" compares the figures, not two periods.
    return measures.length === 1 || cues.comparative ? { compare: defaultComparison(main) } : {};
  }
  if (choice.target.role !== 'period') return { compare: comparisonFor(choice.target, undefined, main) };
  const resolved = resolveFind(choice.target, MEASURE_TABLE[measures[0]!], options);
  if ('problem' in resolved) return firm(resolved.problem);
  const compare = comparisonFor(choice.target, resolved, main);
  const shared = compare.kind === 'period' ? sharedDays(main, resolved) : undefined;
  if (shared) {
    // "this week vs the week gone by": the days in both would count on each side of the change.
    return firm(
      `${upperFirst(named(main))} and ${named(resolved)} share ${formatSpan(shared.from, shared.to)}, so a change between them would count those days twice: ask for each on its own, or compare with the period just before.`,
    );
  }
  return { compare };
}

/** No single measure: offer the figures the rest of the question fits, as questions. */
function declineMeasures(
  scan: Scan,
  cues: Cues,
  options: ReadOptions,
  unread: string[],
  measureReading: Exclude<MeasureReading, { kind: 'measures' }>,
  names: ValueHit[],
): Understood {
  const main = scan.periods.find((p) => p.role === 'period');
  const resolved = main ? resolveFind(main, 'sales', options) : undefined;
  if (resolved && 'problem' in resolved) return firm(resolved.problem);
  const named = filtersOf(names, []);
  const offered =
    measureReading.kind === 'none'
      ? offersForNames(Array.isArray(named) ? named : [], cues)
      : measureReading.options;
  const reason =
    measureReading.kind === 'none'
      ? cues.toDate && !main
        ? 'I can’t tell from when: name a period, like today, this month or this financial year.'
        : 'I can’t tell which figure you want.'
      : measureReading.reason;
  const suggestions = offered.flatMap((m) => readQuery(scan, cues, options, unread, [m]).question ?? []);
  return measureReading.kind === 'not-held' ? firm(reason, suggestions) : decline(reason, suggestions);
}

/**
 * Declines days a figure cannot be kept to, or that the period holds none of ("Sundays" yesterday, a Thursday),
 * offering what can be asked instead.
 */
function keptToDays(
  days: WeekdayReading,
  weekday: SemanticFilter | undefined,
  asked: { measures: MeasureId[]; byName: SemanticFilter[]; main: DatedPeriod; options: ReadOptions },
): Understood | undefined {
  const { measures, byName, main, options } = asked;
  const offer = (filters: SemanticFilter[], period: DatedPeriod): string[] => {
    const q = semanticQuerySchema.safeParse({ measures, filters, period });
    return q.success ? [queryQuestion(q.data, period.phrase)] : [];
  };
  if ('problem' in days) {
    const instead = days.each.length > 0 ? days.each.map((f) => [...byName, f]) : [byName];
    return decline(
      days.problem,
      instead.flatMap((filters) => offer(filters, main)),
    );
  }
  const missing = weekday ? missingDays(weekday, main) : undefined;
  if (!weekday || !missing) return undefined;
  const d = defaultPeriod(measures[0]!, options.vocabulary, options.today);
  return decline(
    `${upperFirst(named(main))} has no ${missing} in it, so there is nothing to keep to ${weekdayWords(weekday.values, false)}.`,
    offer([...byName, weekday], { from: d.from, to: d.to, label: d.label, phrase: d.phrase }),
  );
}

export function readQuery(
  scan: Scan,
  cues: Cues,
  options: ReadOptions,
  unread: string[],
  forced?: MeasureId[],
): Understood {
  const noBreakdown =
    cues.dimensions.length === 0 && !(cues.rank && cues.concepts.some((c) => c.concept === 'sell'));
  const { reading: measureReading, names } = forced
    ? {
        reading: { kind: 'measures', measures: forced, usedRank: false, usedShare: false } as MeasureReading,
        // An offered figure keeps only the names it can be split by ("Labour" for "what did we pay Ravi").
        names: scan.values.filter((n) =>
          n.candidates.some((c) => forced.every((m) => dimensionsOf(m).includes(c.dimension))),
        ),
      }
    : measuresOf(scan, cues, noBreakdown, options.vocabulary);
  let measures: MeasureId[];
  if (measureReading.kind === 'measures') measures = measureReading.measures;
  else if (measureReading.kind === 'none' && impliedMeasure(names, cues, options.vocabulary)) {
    measures = [impliedMeasure(names, cues, options.vocabulary)!];
  } else return declineMeasures(scan, cues, options, unread, measureReading, names);

  const byName = filtersOf(names, measures);
  if (!Array.isArray(byName)) return decline(byName.problem);
  const days = readWeekdays(scan.weekdays, measures, cues.compare);
  const weekday = 'filter' in days ? days.filter : weekdayFilter(scan.weekdays);
  // The days are one more filter, except days set side by side, which are the breakdown's groups like any names.
  const filters = weekday ? [...byName, weekday] : byName;
  const grouped = 'sides' in days && days.sides ? filters : byName;

  const table = MEASURE_TABLE[measures[0]!];
  const choice = choosePeriods(scan.periods, scan.text.display, cues.compare || cues.comparative);
  if (choice.kind === 'too-many') {
    const each = scan.periods.flatMap((find) => {
      const resolved = find.role === 'period' ? resolveFind(find, table, options) : undefined;
      if (!resolved || 'problem' in resolved) return [];
      const q = semanticQuerySchema.safeParse({ measures, filters, period: resolved });
      return q.success ? [queryQuestion(q.data, resolved.phrase)] : [];
    });
    return decline(
      `I found more than one period (${choice.labels.map((l) => `“${l}”`).join(', ')}): ask about one, or compare two with “vs”.`,
      each,
    );
  }
  const asked = mainPeriod(choice, measures, filters, cues, options);
  if ('reading' in asked) return asked;
  const { main, note } = asked;
  const kept = keptToDays(days, weekday, { measures, byName, main, options });
  if (kept) return kept;

  const breakdown = readBreakdown(
    {
      dimensions: cues.dimensions,
      ...(cues.rank && !(measureReading.kind === 'measures' && measureReading.usedRank)
        ? { rank: cues.rank }
        : {}),
      ...(scan.rankCount !== undefined ? { rankCount: scan.rankCount } : {}),
      comparing: cues.compare,
      counted: cues.howMany,
      grouping: cues.grouping,
      share: cues.share && !(measureReading.kind === 'measures' && measureReading.usedShare),
      trend: cues.analysis.has('trend'),
      selling: cues.concepts.some((c) => c.concept === 'sell'),
      impliedPlural: cues.concepts.some((c) => isPlural(scan, c.token)),
      periodDays: daysBetween(main.from, main.to) + 1,
    },
    measures,
    grouped,
  );
  if (breakdown.kind === 'decline') {
    const suggestions = breakdown.options.flatMap((groupBy) => {
      const q = semanticQuerySchema.safeParse({ measures, filters, period: main, groupBy });
      return q.success ? [queryQuestion(q.data, main.phrase)] : [];
    });
    return decline(breakdown.reason, suggestions);
  }

  const pairedNames =
    cues.compare && breakdown.query.groupBy !== undefined && grouped.some((f) => f.values.length > 1);
  const compared = pairedNames ? undefined : comparisonOf(choice, main, measures, cues, options);
  if (compared && 'reading' in compared) return compared;
  const compare = compared?.compare;

  const parsed = semanticQuerySchema.safeParse({
    measures,
    ...breakdown.query,
    filters: weekday && grouped === byName ? [...breakdown.query.filters, weekday] : breakdown.query.filters,
    // Labelled as the answer says it ("last 7 days", "November 2026"), not as typed ("in november").
    period: { from: main.from, to: main.to, label: main.phrase ?? formatSpan(main.from, main.to) },
    ...(compare ? { compare } : {}),
  });
  if (!parsed.success) return decline('I read the question but could not put it together as one figure.');
  const query = parsed.data;
  return {
    reading: { kind: 'query', query, text: queryText(query, main.phrase, note), unread },
    question: queryQuestion(query, main.phrase),
    query,
    ...(main.phrase ? { phrase: main.phrase } : {}),
  };
}
