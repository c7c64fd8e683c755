// What the owner is asking for: one of the intents Titan answers offline, plus its item/vendor filter.

/** The questions Titan answers without an LLM. */
export type IntentId =
  | 'leak-scan'
  | 'daily-brief'
  | 'revenue-trend'
  | 'food-cost'
  | 'wastage'
  | 'vendor-prices'
  | 'expense-breakdown'
  | 'staff-exceptions'
  | 'open-tasks'
  | 'help'
  | 'unknown';

export interface Intent {
  id: IntentId;
  /** One ingredient / menu item the question is about ("maida wastage"). */
  item?: string;
}

export interface IntentInfo {
  id: Exclude<IntentId, 'unknown'>;
  /** How the help reply lists it. */
  example: string;
  /** Ordered: the first pattern that matches wins, so specific intents come before broad ones. */
  pattern: RegExp;
}

/** Listed in match order. */
export const INTENTS: readonly IntentInfo[] = [
  { id: 'help', example: 'help', pattern: /^\s*(help|\?|what can you (do|answer)|commands)\b/ },
  {
    id: 'open-tasks',
    example: 'open tasks',
    pattern: /\b(open|pending|overdue|my)\s+tasks?\b|^\s*tasks?\s*$|\btask (list|queue)\b/,
  },
  {
    id: 'daily-brief',
    example: 'daily brief',
    pattern: /\b(brief|briefing|digest|morning (report|summary|update)|how did we do)\b/,
  },
  { id: 'wastage', example: 'maida wastage last week', pattern: /\b(wastage|waste|wasted|spoil(age|ed)?)\b/ },
  {
    id: 'food-cost',
    example: 'food cost this month',
    pattern: /\b(food[\s-]?cost|cogs|prime cost|cost of goods)\b/,
  },
  {
    id: 'vendor-prices',
    example: 'vendor prices',
    pattern:
      /\b(vendor|supplier|purchase|buying)\s+(price|rate|cost)s?\b|\bprice (creep|rise|increase|hike)s?\b/,
  },
  {
    id: 'staff-exceptions',
    example: 'staff exceptions',
    pattern:
      /\b(staff|cashier|employee)s?\b.*\b(exception|void|discount|comp|complimentary)|\b(voids?|comps?|complimentar(y|ies))\b/,
  },
  {
    id: 'expense-breakdown',
    example: 'expense breakdown this month',
    pattern: /\b(expenses?|expenditure|spend(ing)?|overheads?)\b/,
  },
  {
    id: 'revenue-trend',
    example: 'revenue trend last 30 days',
    pattern: /\b(revenue|sales|turnover|trend|takings|average ticket|covers|bills)\b/,
  },
  {
    id: 'leak-scan',
    example: 'where am I losing money this month?',
    pattern: /\b(leaks?|leaking|losing money|lose money|profit|scan|losses|money going)\b/,
  },
];

const NOT_ITEMS = new Set([
  'the',
  'my',
  'our',
  'total',
  'all',
  'food',
  'item',
  'items',
  'kitchen',
  'daily',
  'weekly',
  'much',
  'any',
  'what',
  'whats',
  "what's",
  'is',
  'was',
  'show',
  'me',
  'of',
  'for',
  'in',
  'on',
  'and',
  'how',
  'last',
  'this',
  'week',
  'month',
  'days',
  'today',
  'yesterday',
]);
/** Month and weekday names sit next to "wastage" in "1-15 Nov wastage" without being items. */
const CALENDAR_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*$/;
const isItemWord = (word: string | undefined): word is string =>
  word !== undefined && !NOT_ITEMS.has(word) && !CALENDAR_WORD.test(word);

/** The ingredient named next to "wastage": "maida wastage", "wastage of maida", "wastage for paneer". */
function wastageItem(text: string): string | undefined {
  const before = text.match(/\b([a-z][a-z-]*)\s+(?:wastage|waste|spoilage)\b/);
  if (isItemWord(before?.[1])) return before[1];
  const after = text.match(/\b(?:wastage|waste|spoilage)\s+(?:of|for|on|in)\s+([a-z][a-z-]*)\b/);
  if (isItemWord(after?.[1])) return after[1];
  return undefined;
}

/** Classifies a question; anything Titan cannot answer offline is 'unknown'. */
export function classifyIntent(question: string): Intent {
  const text = question.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
  const match = INTENTS.find((info) => info.pattern.test(text));
  if (!match) return { id: 'unknown' };
  if (match.id === 'wastage') {
    const item = wastageItem(text);
    return item ? { id: 'wastage', item } : { id: 'wastage' };
  }
  return { id: match.id };
}
