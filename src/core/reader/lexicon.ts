// The reader's own keywords, by word class: measure concepts, dimensions, ranks, comparisons, markers, analyses and topics Titan does not hold.
//
// General vocabulary of owners' questions, not phrases of any test: English, Hinglish (bikri, kamai,
// kharcha, becha/bika, kitna/kitne, sabse zyada/kam, kaunsa, har, aaya, diya, tankha …) and Tamil-English
// (varumanam, vyaparam, selavu, evlo, ovvoru, yaaru). A phrase is matched before any of its words, so
// "food cost" is never "food" + "cost"; an entry with no lexemes marks words read as carrying no figure.

import type { DimensionId } from '../semantic/query.ts';
import { stem } from './text-prep.ts';

/** What a measure word names before the rest of the question picks the exact measure (money vs count, …). */
export type Concept =
  | 'revenue'
  | 'gross'
  | 'earn'
  | 'sell'
  | 'bill'
  | 'average'
  | 'average-bill'
  | 'cover'
  | 'customer'
  | 'discount'
  | 'void'
  | 'comp'
  | 'expense'
  | 'spend'
  | 'cost'
  | 'purchase'
  | 'pay'
  | 'rate'
  | 'wastage'
  | 'stock'
  | 'food-cost'
  | 'cogs'
  | 'prime-cost'
  | 'labour'
  /** "how much rice do we have": stock, when no figure is named. */
  | 'have';

/** Topics owners ask about that the data Titan loads does not hold. */
export type NotHeldTopic =
  | 'commission'
  | 'channel'
  | 'tables'
  | 'footfall'
  | 'customers'
  | 'profit'
  | 'weather'
  | 'reviews'
  | 'tax'
  | 'tips'
  | 'attendance'
  | 'balances'
  | 'forecast'
  | 'daypart'
  | 'menu-price'
  | 'dish-cost'
  | 'competitors'
  | 'per-cover'
  | 'reorder';

/** Fixed analyses a phrase can ask for; 'brief' is weak (only without a measure), 'rising' needs context. */
export type AnalysisCue = 'help' | 'tasks' | 'brief' | 'leak' | 'exceptions' | 'rising' | 'trend';

export type Lexeme =
  | { kind: 'concept'; concept: Concept }
  | { kind: 'dimension'; dimension: DimensionId | 'who' }
  | { kind: 'group' }
  /** `judged`: "best/worst" — which end is best depends on whether more of the measure is good. */
  | { kind: 'rank'; order: 'desc' | 'asc'; judged?: true }
  | { kind: 'compare' }
  | { kind: 'comparative' }
  | { kind: 'money' }
  | { kind: 'quantity' }
  | { kind: 'how-much' }
  | { kind: 'how-many' }
  | { kind: 'share' }
  | { kind: 'latest' }
  | { kind: 'future' }
  /** "so far", "till date": harmless beside a period, too vague alone. */
  | { kind: 'to-date' }
  /** "balance": of an item, its stock; otherwise money (a bank's or a vendor's), which Titan does not hold. */
  | { kind: 'balance' }
  | { kind: 'explain' }
  | { kind: 'filler' }
  | { kind: 'cue'; cue: AnalysisCue }
  | { kind: 'not-held'; topic: NotHeldTopic };

export interface LexiconEntry {
  /** Stemmed words, in order. */
  words: string[];
  lexemes: Lexeme[];
}

const concept = (c: Concept): Lexeme => ({ kind: 'concept', concept: c });
const dim = (d: DimensionId | 'who'): Lexeme => ({ kind: 'dimension', dimension: d });
const cue = (c: AnalysisCue): Lexeme => ({ kind: 'cue', cue: c });
const notHeld = (topic: NotHeldTopic): Lexeme => ({ kind: 'not-held', topic });
const desc: Lexeme = { kind: 'rank', order: 'desc' };
const asc: Lexeme = { kind: 'rank', order: 'asc' };

/** The word after "all time" that makes it a superlative (scan.ts): "all-time high", "all time low". */
export const ALL_TIME_EXTREMES: Readonly<Record<string, 'desc' | 'asc'>> = { high: 'desc', low: 'asc' };
const group: Lexeme = { kind: 'group' };

/** [phrases separated by |, what they mean]. */
const TABLE: [string, Lexeme[]][] = [
  // Measures
  [
    'revenue|revenues|sale|sales|turnover|takings|income|earnings|bikri|bikree|kamai|business|collection|top line|topline|varumanam|vyaparam|vyabaram',
    [concept('revenue')],
  ],
  ['gross|before discount|before discounts', [concept('gross')]],
  [
    'earn|earned|earning|collect|collected|bring|brings|brought|came in|come in|comes in|coming in|aaya|aayi|aaye|make|made|making|bring in|brought in|take in|took in|take|took|generate|generated|kamaya',
    [concept('earn')],
  ],
  [
    'items sold|item sold|qty sold|quantity sold|units sold|plates sold|cups sold|portions sold',
    [concept('sell'), { kind: 'quantity' }],
  ],
  [
    'sell|sells|sold|selling|seller|sellers|bestseller|bestsellers|becha|beche|bechi|bika|biki|bike|bikey',
    [concept('sell')],
  ],
  ['bill|bills|order|orders|ticket|tickets|transaction|transactions', [concept('bill')]],
  [
    'aov|abv|atv|average ticket size|average bill size|average order size|average bill value|average bill|average ticket|average order|average order value|average check|avg bill|avg ticket|avg order|per bill|per order|per ticket|per transaction|bill size|ticket size|basket size|bill value',
    [concept('average-bill')],
  ],
  ['average|avg|mean|typical', [concept('average')]],
  ['cover|covers|guest|guests|pax|diner|diners|headcount|head count', [concept('cover')]],
  ['customer|customers|grahak', [concept('customer')]],
  ['discount|discounts|discounted|chhoot|chhut|concession|concessions', [concept('discount')]],
  [
    'void|voids|voided|voiding|cancel|cancels|cancelled|canceled|cancelling|canceling|cancellation|cancellations',
    [concept('void')],
  ],
  [
    'comp|comps|comped|complimentary|complimentaries|freebie|freebies|free|on the house|give away|gave away|given away|giveaway',
    [concept('comp')],
  ],
  [
    'expense|expenses|expenditure|expenditures|kharcha|kharch|kharche|overhead|overheads|outgoings|selavu|opex|operating cost|operating costs',
    [concept('expense')],
  ],
  ['spend|spends|spent|spending', [concept('spend')]],
  ['cost|costs|costing', [concept('cost')]],
  [
    'purchase|purchases|purchased|purchasing|buy|buys|bought|buying|procure|procured|procurement|kharida|kharidi|kharide|khareeda|khareedi',
    [concept('purchase')],
  ],
  ['pay|pays|paid|paying|payment|payments|diya|diye', [concept('pay')]],
  [
    'rate|rates|price|prices|priced|pricing|charge|charged|charges|charging|bhav|bhaav|daam|unit cost|unit price|rate paid|price paid|per kg|per kgs|per kilo|per kilogram|per litre|per liter|per ltr|per unit|per piece|per packet|per dozen',
    [concept('rate')],
  ],
  ['costliest|most expensive|expensive|dearest', [concept('rate'), desc]],
  ['cheapest|least expensive|cheap', [concept('rate'), asc]],
  [
    'wastage|wastages|waste|wasted|wasting|spoilage|spoiled|spoilt|spoil|thrown away|thrown out|threw away|binned|barbaad|barbad',
    [concept('wastage')],
  ],
  [
    'stock|stocks|in stock|in the store|in store|on hand|inventory|closing stock|balance stock|stock balance|stock left|left|left over|leftover|remaining|bacha|bache|bachi',
    [concept('stock')],
  ],
  ['do we have|have we got|do we still have|we have', [concept('have')]],
  ['food cost|food costs|material cost|raw material cost', [concept('food-cost')]],
  ['cogs|cost of goods|cost of goods sold|cost of sales', [concept('cogs')]],
  ['prime cost|prime costs', [concept('prime-cost')]],
  [
    'labour|labor|salary|salaries|wage|wages|payroll|staff cost|staff costs|labour cost|labour costs|labor cost|labor costs|tankha|tankhwah|pagar|sambalam',
    [concept('labour')],
  ],
  // Markers that pick count vs value, quantity, share
  [
    'quantity|quantities|qty|plate|plates|cup|cups|portion|portions|piece|pieces|pcs|serving|servings|glass|glasses|unit|units|nos|kg|kgs|kilo|kilos|kilogram|kilograms|gram|grams|gm|gms|litre|litres|liter|liters|ltr|ltrs|packet|packets|bag|bags|box|boxes|bottle|bottles|dozen|tin|tins',
    [{ kind: 'quantity' }],
  ],
  ['how many|hw many|number of|no of|kitne', [{ kind: 'how-many' }]],
  ['how much|hw much|kitna|kitni|evlo|evvalavu|evalavu', [{ kind: 'how-much' }]],
  ['₹|rs|inr|rupee|rupees|worth|value|amount|money|paisa|paise|kaasu|panam', [{ kind: 'money' }]],
  [
    '%|percent|percentage|percentages|ratio|share|shares|proportion|fraction|contribution|mix',
    [{ kind: 'share' }],
  ],
  [
    'latest|right now|as of now|abhi|current|last invoice|latest invoice|last purchase|latest purchase|last delivery',
    [{ kind: 'latest' }],
  ],
  ['balance|balances', [{ kind: 'balance' }]],
  ['so far|till date|to date|till now|until now|up to now|ab tak|abhi tak', [{ kind: 'to-date' }]],
  ['will|going to|hoga|hogi|hoge|honge|karenge|aayega|aayegi', [{ kind: 'future' }]],
  // Dimensions
  [
    'item|items|dish|dishes|product|products|menu item|menu items|sku|skus|food item|food items',
    [dim('item')],
  ],
  ['category|categories|menu category|menu categories|section|sections|item category', [dim('category')]],
  [
    'vendor|vendors|supplier|suppliers|wholesaler|wholesalers|distributor|distributors|dealer|dealers',
    [dim('vendor')],
  ],
  [
    'head|heads|expense head|expense heads|expense category|expense categories|expense type|expense types',
    [dim('expense_head')],
  ],
  [
    'staff|staff member|staff members|cashier|cashiers|waiter|waiters|employee|employees|captain|captains|steward|stewards|biller|billers|team member|team members',
    [dim('staff')],
  ],
  [
    'payment mode|payment modes|payment method|payment methods|payment type|payment types|mode of payment|modes of payment|mode|modes|tender|tenders',
    [dim('payment_mode')],
  ],
  ['payment wise|payment-wise', [dim('payment_mode'), group]],
  [
    'order type|order types|type of order|types of order|order channel|order channels|service type|service types',
    [dim('order_type')],
  ],
  ['order type wise|channel wise|channel-wise', [dim('order_type'), group]],
  ['day|days|date|dates|din|naal', [dim('day')]],
  // Adverbs of a grain ask for the breakdown by themselves.
  ['daily|roz|rozana|day by day|date wise|day wise', [dim('day'), group]],
  ['weekly|week wise', [dim('week'), group]],
  ['monthly|month wise', [dim('month'), group]],
  ['hourly|hour wise', [dim('hour'), group]],
  ['week|weeks|hafta|hafte', [dim('week')]],
  ['month|months|mahina|mahine', [dim('month')]],
  ['weekday|weekdays|day of the week|days of the week|day of week', [dim('weekday')]],
  ['hour|hours|time of day|time slot|time slots', [dim('hour')]],
  ['location|locations|outlet|outlets|branch|branches|store|stores', [dim('location')]],
  ['who|whom|kaun|kisne|kisko|yaaru', [dim('who')]],
  // Grouping and ranking
  [
    'by|per|each|every|wise|which|kaunsa|kaunsi|konsa|konsi|kis|har|ovvoru|breakdown|break down|broken down|split|split up|across|for each|for every',
    [group],
  ],
  ['top|most|highest|max|maximum|biggest|largest|sabse zyada|sabse jyada|sabse adhik', [desc]],
  ['bottom|least|lowest|min|minimum|smallest|fewest|sabse kam', [asc]],
  ['busiest|peak|rush|fastest', [desc]],
  ['quietest|slackest|slowest|slow', [asc]],
  [
    'popular|most popular|fast moving|fast movers|top selling|best selling|highest selling',
    [desc, concept('sell')],
  ],
  ['least popular|slow moving|slow movers|least selling|lowest selling', [asc, concept('sell')]],
  ['best|record', [{ kind: 'rank', order: 'desc', judged: true }]],
  ['worst|poorest|weakest', [{ kind: 'rank', order: 'asc', judged: true }]],
  // Comparisons
  [
    'vs|versus|v s|compare|compared|comparing|comparison|than|against|relative to|as against|compared to|compared with',
    [{ kind: 'compare' }],
  ],
  [
    'more|less|fewer|higher|lower|better|worse|bigger|smaller|up|down|increase|increased|decrease|decreased|grow|grew|grown|growth|drop|dropped|fall|fell|rise|rose|change|changed|difference|zyada|jyada|kam',
    [{ kind: 'comparative' }],
  ],
  // Analyses
  [
    'help|commands|what can you do|what can you answer|what can i ask|what do you do|how does this work|how do i use|madad',
    [cue('help')],
  ],
  [
    'task|tasks|todo|todos|to do|to-do|action item|action items|action point|action points|open task|open tasks|pending task|pending tasks|overdue task|overdue tasks|my task|my tasks|task list|task queue',
    [cue('tasks')],
  ],
  [
    'brief|briefing|digest|summary|morning report|morning summary|morning update|daily brief|daily report|daily summary|how did we do|how are we doing|how have we done|how is business|how was business|how is it going|how did it go|how was|how are things|kaisa raha|kaisa chal raha|kaisa gaya|eppadi',
    [cue('brief')],
  ],
  [
    'leak|leaks|leaking|leakage|leakages|losing money|lose money|lost money|losing|money going|money leaking|profit leak|profit leaks|scan|loss|losses|pilferage|theft',
    [cue('leak')],
  ],
  ['exception|exceptions|staff exceptions|anomaly|anomalies|unusual|spike|spikes', [cue('exceptions')]],
  [
    'creep|price creep|hike|hikes|price hike|price hikes|price increase|price increases|price rise|price rises|rate increase|rate hike|inflation|gone up|went up|going up|rising|risen|costlier',
    [cue('rising')],
  ],
  ['trend|trends|trending|over time|graph|chart|plot', [cue('trend')]],
  ['why|reason|reasons|cause|caused|kyun|kyon', [{ kind: 'explain' }]],
  ['good morning|good evening|good afternoon|good night|thank you', [{ kind: 'filler' }]],
  // Verbs and nouns that carry no figure of their own ("ring up bills", "serve guests", "the café").
  [
    'ring up|rang up|rung up|ring|rang|rung|serve|served|serving|bane|bana|bani|banaye|cafe|café|restaurant|shop|hotel|dhaba|eatery',
    [],
  ],
  // Not held
  [
    'commission|commissions|payout|payouts|platform fee|platform fees|delivery commission',
    [notHeld('commission')],
  ],
  [
    'swiggy|zomato|aggregator|aggregators|delivery|deliveries|takeaway|take away|takeout|parcel|parcels|dine in|dinein|online|home delivery|order type|channel|channels',
    [notHeld('channel')],
  ],
  [
    'table|tables|table turnover|table turn|table turns|turn time|table time|seating time|wait time|waiting time|seat|seats|seating|occupancy',
    [notHeld('tables')],
  ],
  ['footfall|foot fall|walkin|walkins|walk in|walk ins|visitor|visitors|foot traffic', [notHeld('footfall')]],
  [
    'customer name|customer names|repeat customer|repeat customers|regular customer|regular customers|regulars|loyal|loyalty|new customer|new customers|returning|top customer|top customers|best customer|best customers|crm',
    [notHeld('customers')],
  ],
  [
    'profit|profits|profitability|margin|margins|net profit|gross profit|munafa|labh|laabh|bottom line',
    [notHeld('profit')],
  ],
  ['weather|rain|rains|raining|rainy|temperature|monsoon|climate|humid', [notHeld('weather')]],
  ['review|reviews|rating|ratings|feedback|star|stars|complaint|complaints', [notHeld('reviews')]],
  ['gst|tax|taxes|cgst|sgst|igst|vat|tds', [notHeld('tax')]],
  ['tip|tips|gratuity|service charge', [notHeld('tips')]],
  ['attendance|absent|absence|hours worked|shift|shifts|overtime', [notHeld('attendance')]],
  [
    'bank balance|cash in hand|cash flow|cashflow|loan|loans|emi|receivable|receivables|payable|payables|outstanding|dues|due|owe|owed|udhaar|udhar',
    [notHeld('balances')],
  ],
  ['forecast|forecasts|predict|prediction|projection|projected|estimate|estimated', [notHeld('forecast')]],
  ['lunch|dinner|breakfast|brunch|morning|evening|afternoon|night|tonight|happy hour', [notHeld('daypart')]],
  ['menu price|menu prices|selling price|selling prices|mrp|price list', [notHeld('menu-price')]],
  [
    'recipe cost|plate cost|dish cost|cost per plate|cost per dish|portion cost|recipe|recipes',
    [notHeld('dish-cost')],
  ],
  ['competitor|competitors|competition', [notHeld('competitors')]],
  ['per cover|per head|per guest|per pax|per person|per customer|apc', [notHeld('per-cover')]],
  ['low stock|running low|reorder|re order|par level|par levels|out of stock', [notHeld('reorder')]],
];

/** Every entry, longest phrase first so "food cost" wins over "cost". */
export const LEXICON: readonly LexiconEntry[] = TABLE.flatMap(([phrases, lexemes]) =>
  phrases.split('|').map((phrase) => ({ words: phrase.trim().split(/\s+/).map(stem), lexemes })),
).sort((a, b) => b.words.length - a.words.length);

/** Each keyword the lexicon spells, for typo correction. */
export const LEXICON_WORDS: readonly string[] = [
  ...new Set(TABLE.flatMap(([phrases]) => phrases.split(/[|\s]+/)).filter((w) => /^[a-z]+$/.test(w))),
];
