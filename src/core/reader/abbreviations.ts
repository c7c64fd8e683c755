// Owners' shorthand ("lw", "amt", "tmrw") written out before anything else reads the question, as a typo correction is.
//
// The rule. A whole word that is owners' shorthand for a period, a figure word or a question word is read as the
// words it stands for; the reading lists it among its corrections, so the owner sees "lw" read as "last week".
// A word the reader already knows (a keyword or a stored name) is never expanded, so a dish called "Amt" stays a
// dish. Shorthand the period rules spell themselves (yday, tdy, yest, wk, mtd, ytd, fytd) and the lexicon's own
// (avg, qty, no of, pcs, aov) are not repeated here. Month-to-date ("mtd", "month to date", "so far this month")
// runs from the 1st to today; year-to-date ("ytd") from 1 January, as "this year" does; the financial year to date
// is asked for by name ("fytd", "this financial year") and starts on 1 April.

/** Shorthand → the words it stands for. General owners' chat spelling, not phrases of any question. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  lw: 'last week',
  lm: 'last month',
  ly: 'last year',
  tw: 'this week',
  amt: 'amount',
  amnt: 'amount',
  val: 'value',
  rev: 'revenue',
  wat: 'what',
  wht: 'what',
  tmrw: 'tomorrow',
  tmrow: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  prev: 'previous',
  yr: 'year',
  mth: 'month',
  mnth: 'month',
  bfr: 'before',
  b4: 'before',
  thru: 'through',
  u: 'you',
  ur: 'your',
  r: 'are',
};

/** The words `word` stands for, or undefined when it is not shorthand or is a word the reader knows. */
export function expandAbbreviation(word: string, known: ReadonlySet<string>): string | undefined {
  if (known.has(word)) return undefined;
  return Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word] : undefined;
}
