// From what the scan read to a Reading: a topic Titan does not hold, one of the fixed analyses, or a query.
import { ANALYSIS_TABLE, type AnalysisChoice, chooseAnalysis } from './analyses.ts';
import type { DatedPeriod } from './compare.ts';
import { gatherCues } from './cues.ts';
import { lastDaysWithData } from './default-period.ts';
import type { NotHeldTopic } from './lexicon.ts';
import { NOT_HELD } from './not-held.ts';
import { readQuery } from './query-reading.ts';
import { analysisQuestion, periodQuestion } from './reading-text.ts';
import type { Scan } from './scan.ts';
import { decline, firm, type ReadOptions, resolveFind, type Understood } from './understood.ts';
import { weekdayFilter, weekdayWords } from './weekday-filters.ts';

export type { ReadOptions, Understood } from './understood.ts';

const MAX_ORDER_TYPES_SHOWN = 6;

/** The channel words asked about, and the order types the sales rows do record. */
function channelNotStored(scan: Scan, orderTypes: readonly string[]): [string, string[]] {
  const asked = scan.keywords
    .filter((k) => k.lexeme.kind === 'not-held' && k.lexeme.topic === 'channel')
    .map((k) => `“${k.words}”`);
  const shown = orderTypes.slice(0, MAX_ORDER_TYPES_SHOWN);
  const more = orderTypes.length - shown.length;
  const list = `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return [
    `Your sales record these order types: ${list}; none is ${asked.join(' or ') || 'the one you named'}, so I won’t guess which you mean.`,
    [`Revenue by order type, last 7 days`, ...shown.slice(0, 2).map((t) => `${t} revenue, last 7 days`)],
  ];
}

/** An analysis reads every day of its period in a row: kept to some weekdays it would be another analysis. */
function analysisOnDays(scan: Scan, analysis: AnalysisChoice): Understood {
  const days = weekdayWords(weekdayFilter(scan.weekdays)!.values, false);
  const asked = analysisQuestion(analysis.analysis, analysis.item, 'last 7 days');
  return decline(
    `I can’t keep “${asked.replace(/, last 7 days$/, '')}” to ${days}: it reads every day of its period. Ask it for a period, or ask for a figure on ${days}.`,
    [asked],
  );
}

export function interpret(scan: Scan, options: ReadOptions): Understood {
  const cues = gatherCues(scan);
  const unread = scan.filler;
  const today = options.today;

  const namesItem = scan.values.some((v) => v.candidates.some((c) => c.dimension === 'item'));
  // "coffee powder balance" is stock; a balance of nothing named is money Titan does not hold.
  if (cues.balance && !namesItem) cues.notHeld.push('balances');
  const clock = scan.periods.find((p) => {
    const span = p.resolve(null);
    return 'problem' in span && span.problem === 'time-of-day';
  });
  if (clock) {
    return firm(
      `I can’t answer for a time of day (“${clock.label}”) yet: I can show a whole day, or a day hour by hour.`,
    );
  }
  if (cues.notHeld.length > 0) {
    // The most specific topic named: "Swiggy commission" is about commission, not the channel.
    const order = Object.keys(NOT_HELD) as NotHeldTopic[];
    const first = [...cues.notHeld].sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
    const topic = first === 'profit' && namesItem ? 'dish-cost' : first;
    const orderTypes = options.vocabulary.values.order_type ?? [];
    // Order types are stored, just none by the word asked ("online" where the POS says Delivery, Swiggy…).
    if (topic === 'channel' && orderTypes.length > 0) return firm(...channelNotStored(scan, orderTypes));
    return firm(NOT_HELD[topic].reason, NOT_HELD[topic].instead);
  }
  // "which customer", "top customers": people by name, not the count of guests.
  if (cues.concepts.some((c) => c.concept === 'customer') && (cues.rank || cues.grouping)) {
    return firm(NOT_HELD.customers.reason, NOT_HELD.customers.instead);
  }
  if (cues.explain) {
    return decline('I can show what changed, but not explain why from the figures alone.', [
      'Revenue by day, last 7 days, compared with the 7 days before',
      'Scan for profit leaks, last 7 days',
    ]);
  }

  const itemNames = scan.values.filter((v) => v.candidates[0]?.dimension === 'item');
  const singleItem = itemNames.length === 1 && itemNames[0]!.candidates[0]!.values.length === 1;
  const dimWords = cues.dimensions.filter((d) => d.dimension !== 'staff' && d.dimension !== 'vendor');
  // Days of the week kept to ("on Sundays") ask for a figure on those days, which no fixed analysis gives.
  const structured =
    scan.weekdays.length > 0 ||
    cues.rank !== undefined ||
    cues.compare ||
    cues.comparative ||
    cues.share ||
    cues.money ||
    cues.quantity ||
    cues.howMany ||
    // "how much milk did we waste": a quantity of it, a figure rather than the analysis.
    cues.howMuch.some((t) => itemNames.some((n) => n.tokens.includes(t + 1))) ||
    new Set(cues.concepts.map((c) => c.concept)).size > 1 ||
    dimWords.length > 0 ||
    (cues.dimensions.length > 0 && cues.grouping);
  const analysis = chooseAnalysis({
    cues: cues.analysis,
    concepts: cues.concepts.map((c) => c.concept),
    structured,
    ...(singleItem ? { item: itemNames[0]!.candidates[0]!.values[0]! } : {}),
    otherNames: scan.values.length > (singleItem ? 1 : 0),
    staffWord: cues.dimensions.some((d) => d.dimension === 'staff'),
    vendorWord: cues.dimensions.some((d) => d.dimension === 'vendor'),
    breakdownWord: cues.grouping && cues.dimensions.length === 0,
  });
  if (analysis && scan.weekdays.length > 0) return analysisOnDays(scan, analysis);
  if (analysis) {
    const table = ANALYSIS_TABLE[analysis.analysis];
    const main = scan.periods.find((p) => p.role === 'period');
    let period: DatedPeriod;
    if (main) {
      const resolved = resolveFind(main, table, options);
      if ('problem' in resolved) return firm(resolved.problem);
      period = resolved;
    } else {
      // The brief is about yesterday; the other analyses look at a week.
      const brief = analysis.analysis === 'daily-brief';
      const d = lastDaysWithData(brief ? 1 : 7, table, options.vocabulary, today);
      const plain = d.label === `last ${brief ? 1 : 7} days`;
      const phrase = plain ? (brief ? 'yesterday' : d.phrase) : undefined;
      period = {
        from: d.from,
        to: d.to,
        label: plain ? (phrase ?? d.label) : d.label,
        ...(phrase ? { phrase } : {}),
      };
    }
    return {
      reading: {
        kind: 'analysis',
        analysis: analysis.analysis,
        period: { from: period.from, to: period.to, label: period.label },
        ...(analysis.item ? { item: analysis.item } : {}),
        unread,
      },
      question: analysisQuestion(analysis.analysis, analysis.item, periodQuestion(period, period.phrase)),
    };
  }
  return readQuery(scan, cues, options, unread);
}
