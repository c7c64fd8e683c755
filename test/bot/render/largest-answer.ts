// The largest answer Titan can produce, for the platform-limit tests: a year of a café, a finding per vendor and item, long vendor names.
import type { Answer, Fact } from '../../../src/core/model/answer.ts';
import { CATEGORIES } from '../../../src/core/warehouse/tables.ts';
import { sampleAnswer, sampleFinding } from './sample-answer.ts';

const VENDOR = 'Sri Lakshmi Venkateshwara Wholesale Provisions & General Merchants Private Limited';
const DAYS = 365;

/** A year's answer: a finding per vendor and item, a figure a day, a breakdown row a day. */
export function yearAnswer(): Answer {
  const period = { from: '2026-01-01', to: '2026-12-31', label: 'this year' };
  const findings = Array.from({ length: 120 }, (_, i) =>
    sampleFinding(i, {
      headline: `${VENDOR} ${i}: paneer rate up 23% — ₹${(i + 1) * 1000}/week over the 90-day average`,
      rootCause: `${VENDOR} ${i} raised the rate on three invoices without a revised quote. `.repeat(4),
    }),
  );
  const facts: Fact[] = Array.from({ length: DAYS }, (_, i) => ({
    id: `f${i}`,
    label: `Revenue on day ${i + 1} at ${VENDOR}`,
    value: 40_000 + i,
    unit: 'INR',
    period,
    query: 'revenue',
  }));
  const details = Array.from({ length: DAYS }, (_, i) => `• Day ${i + 1} (${VENDOR}): ₹${40_000 + i}`);
  return sampleAnswer({ findings, facts, details });
}

/**
 * The year's answer citing every table Titan keeps, each citation as long as Teams allows (a period label past the
 * name and abstract limits): the most an answer carries beside its card.
 */
export function citedYearAnswer(): Answer {
  const answer = yearAnswer();
  const period = { ...answer.sources.period, label: `this year at ${VENDOR}, ${VENDOR}` };
  return {
    ...answer,
    sources: {
      ...answer.sources,
      period,
      rows: Object.fromEntries(CATEGORIES.map((c, i) => [c, 1_000_000_000 + i])),
      freshness: Object.fromEntries(CATEGORIES.map((c) => [c, '2026-12-31T22:00:00.000Z'])),
    },
  };
}
