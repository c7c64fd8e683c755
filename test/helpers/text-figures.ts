// Test oracle: the figures a text cites, so a test can hold every one to the answer's facts exactly (dates and times are not figures).

import { formatFactNumber } from '../../src/core/analyst/format.ts';
import type { Fact } from '../../src/core/model/answer.ts';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*';

/** Calendar and clock expressions: they locate a figure in time but are not figures themselves. */
const NOT_FIGURES = [
  // Commands, ids and paths in backticks (`titan demo --days 90`), and quoted example questions.
  /`[^`]*`/g,
  /"[^"]*"/g,
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/gi,
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b/gi,
  // A date with its year ("21 Nov 2026", "March 2015") before the shorter forms below take the day alone.
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|–|to)\\s*\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b`, 'gi'),
  new RegExp(`\\b${WEEKDAY}\\s+\\d{1,2}\\b`, 'gi'),
];

/** Digit runs as written, with Indian/Western grouping and decimals: "₹1,23,456.50" → "1,23,456.50". */
const FIGURE = /\d[\d,]*(?:\.\d+)?/g;

function canonical(token: string): string {
  const plain = token.replace(/,/g, '');
  return String(Number(plain));
}

/**
 * Every figure in `text`, as written, after removing dates, clock times and the phrases in `ignore`
 * (period labels such as "last 7 days", deadline labels).
 */
export function figuresIn(text: string, ignore: readonly string[] = []): string[] {
  let rest = text;
  for (const phrase of ignore) if (phrase) rest = rest.split(phrase).join(' ');
  for (const pattern of NOT_FIGURES) rest = rest.replace(pattern, ' ');
  return [...rest.matchAll(FIGURE)].map((m) => m[0].replace(/[.,]+$/, ''));
}

/** The figures in `text` that match no fact as Titan formats it; empty means the text is grounded. */
export function ungroundedFigures(
  text: string,
  facts: readonly Fact[],
  ignore: readonly string[] = [],
): string[] {
  const known = new Set(facts.map((f) => canonical(formatFactNumber(f))));
  return figuresIn(text, ignore).filter((figure) => !known.has(canonical(figure)));
}
