// Whatever is typed, the reader returns a Reading, quickly and the same each time.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../src/core/reader/read-question.ts';
import { analysisQuestion } from '../../../src/core/reader/reading-text.ts';
import type { AnalysisId } from '../../../src/core/semantic/reading.ts';
import { FRIDAY, fullHistory, read } from './fixture.ts';

const odd = [
  '',
  '   ',
  '???',
  '₹₹₹',
  '%',
  '🙂🙂 revenue 🙂',
  'revenue'.repeat(300),
  `${'last 7 days '.repeat(50)}revenue`,
  '1/1/1/1/1/1',
  '99/99/9999',
  '0 days ago',
  'last 0 days revenue',
  'last 99999 days revenue',
  'revenue on 31/02/2026',
  'FY 1999-2001',
  'from to and vs than',
  'कल की बिक्री',
  'top 0 items',
  'top 1000 items by revenue',
  'revenue\n\tyesterday',
];

describe('odd input', () => {
  it.each(odd.map((q) => [q]))('%j reads without throwing', (question) => {
    const reading = read(question);
    expect(['query', 'analysis', 'decline']).toContain(reading.kind);
  });

  it('reads a long question in well under a second', () => {
    const started = performance.now();
    readQuestion(`revenue ${'and bills '.repeat(200)} last week`, { today: FRIDAY, vocabulary: fullHistory });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads an empty vocabulary', () => {
    const empty = { values: {}, coverage: { sales: null, expenses: null, purchases: null, inventory: null } };
    expect(read('revenue yesterday', FRIDAY, empty)).toMatchObject({ kind: 'query' });
    expect(read('masala dosa sales', FRIDAY, empty)).toMatchObject({ kind: 'decline' });
  });
});

describe('every analysis reads back from its question', () => {
  const analyses: [AnalysisId, string | undefined][] = [
    ['leak-scan', undefined],
    ['daily-brief', undefined],
    ['revenue-trend', undefined],
    ['food-cost', undefined],
    ['wastage', 'Maida'],
    ['wastage', undefined],
    ['vendor-prices', 'Rice'],
    ['vendor-prices', undefined],
    ['expense-breakdown', undefined],
    ['staff-exceptions', undefined],
    ['open-tasks', undefined],
    ['help', undefined],
  ];
  it.each(analyses)('%s %s', (analysis, item) => {
    const reading = read(analysisQuestion(analysis, item, 'last week'));
    expect(reading).toMatchObject({ kind: 'analysis', analysis, ...(item ? { item } : {}) });
  });
});
