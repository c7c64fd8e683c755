// A small café's vocabulary and a reader bound to it, for the reader's specifications.
import { readQuestion } from '../../../src/core/reader/read-question.ts';
import type { Vocabulary } from '../../../src/core/reader/vocabulary.ts';
import type { SemanticQuery } from '../../../src/core/semantic/query.ts';
import type { Reading } from '../../../src/core/semantic/reading.ts';

const values: Vocabulary['values'] = {
  item: [
    'Masala Dosa',
    'Plain Dosa',
    'Ghee Roast',
    'Filter Coffee',
    'Idli',
    'Maida',
    'Rice',
    'Paneer',
    'Urad Dal',
    'Milk',
  ],
  category: ['South Indian', 'Beverages'],
  vendor: ['Kaveri Traders', 'Sri Murugan Stores'],
  expense_head: ['Rent', 'Salaries', 'Electricity'],
  staff: ['Ravi', 'Priya'],
  payment_mode: ['Cash', 'UPI', 'Card'],
};

const span = (from: string, to: string) => ({ from, to });

/** Data in every table from 2015 to 3 Dec 2026. */
export const fullHistory: Vocabulary = {
  values,
  coverage: {
    sales: span('2015-01-01', '2026-12-03'),
    expenses: span('2015-01-01', '2026-12-03'),
    purchases: span('2015-01-01', '2026-12-03'),
    inventory: span('2015-01-01', '2026-12-03'),
  },
};

/**
 * The full history, knowing which register names each vendor: Kaveri Traders supplies goods, BESCOM is paid only
 * through expenses, Sri Murugan Stores appears in both.
 */
export const withPayees: Vocabulary = {
  ...fullHistory,
  values: { ...values, vendor: [...(values.vendor ?? []), 'BESCOM'] },
  heldIn: {
    vendor: {
      'Kaveri Traders': ['purchases'],
      BESCOM: ['expenses'],
      'Sri Murugan Stores': ['expenses', 'purchases'],
    },
  },
};

/** Only a demo year of 2015 loaded. */
export const only2015: Vocabulary = {
  values,
  coverage: {
    sales: span('2015-01-01', '2015-12-31'),
    expenses: span('2015-01-01', '2015-12-31'),
    purchases: span('2015-01-01', '2015-12-31'),
    inventory: span('2015-01-01', '2015-12-31'),
  },
};

/** Data from 1 Sep 2026 only. */
export const sinceSeptember: Vocabulary = {
  values,
  coverage: {
    sales: span('2026-09-01', '2026-12-03'),
    expenses: span('2026-09-01', '2026-12-03'),
    purchases: null,
    inventory: span('2026-09-01', '2026-12-03'),
  },
};

/** Wednesday 25 Nov 2026, the day the analyst's period tests were written for. */
export const WEDNESDAY = '2026-11-25';
/** Friday 4 Dec 2026. */
export const FRIDAY = '2026-12-04';

export function read(
  question: string,
  today = FRIDAY,
  vocabulary = fullHistory,
  dayFirst?: boolean,
): Reading {
  return readQuestion(question, { today, vocabulary, ...(dayFirst === undefined ? {} : { dayFirst }) });
}

/** The query a question reads as; fails the test with the reading when it is not one. */
export function queryOf(
  question: string,
  today = FRIDAY,
  vocabulary = fullHistory,
): SemanticQuery & { text: string; unread: string[] } {
  const reading = read(question, today, vocabulary);
  if (reading.kind !== 'query') throw new Error(`"${question}" read as ${JSON.stringify(reading)}`);
  return { ...reading.query, text: reading.text, unread: reading.unread };
}

export function declineOf(question: string, today = FRIDAY, vocabulary = fullHistory) {
  const reading = read(question, today, vocabulary);
  if (reading.kind !== 'decline') throw new Error(`"${question}" read as ${JSON.stringify(reading)}`);
  return reading;
}

/** The period as [from, to]. */
export const datesOf = (query: { period: { from: string; to: string } }): [string, string] => [
  query.period.from,
  query.period.to,
];
