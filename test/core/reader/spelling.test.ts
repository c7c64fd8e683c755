// Typos in an owner's own words, corrected only when one known word is clearly meant.
import { describe, expect, it } from 'vitest';
import { correctWord, editDistance, knownWords } from '../../../src/core/reader/spelling.ts';
import { datesOf, declineOf, queryOf } from './fixture.ts';

describe('edit distance', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('reveneu', 'revenue')).toBe(1);
    expect(editDistance('yestrday', 'yesterday')).toBe(1);
    expect(editDistance('rice', 'price')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('correcting a word', () => {
  const known = knownWords([
    ['revenue', 'sales', 'sale', 'staff', 'stuff', 'price', 'rice', 'wastage', 'waste', 'expenses'],
  ]);

  it('corrects a slip close to one word', () => {
    expect(correctWord('reveneu', known)).toBe('revenue');
    expect(correctWord('expences', known)).toBe('expenses');
    expect(correctWord('saels', known)).toBe('sales');
  });

  it('corrects a five-letter word only for a swap or a letter left out, never a letter changed', () => {
    expect(correctWord('prce', known)).toBe('price');
    expect(correctWord('stiff', known)).toBeUndefined();
  });

  it('leaves known words, short words and words near two different ones alone', () => {
    expect(correctWord('stuff', known)).toBeUndefined();
    expect(correctWord('rce', known)).toBeUndefined();
    expect(correctWord('bils', knownWords([['bills', 'boils']]))).toBeUndefined();
  });

  it('treats two words that mean the same as one reading', () => {
    const sameMeaning = knownWords([['wastage', 'waste']], (w) => (w.startsWith('wast') ? 'wastage' : w));
    expect(correctWord('wastge', sameMeaning)).toBeDefined();
    const different = knownWords([['wastage', 'waste']]);
    expect(correctWord('wastge', different)).toBeUndefined();
  });
});

describe('typos in questions', () => {
  it.each([
    ['reveneu yestrday', ['revenue']],
    ['expences this month', ['expenses']],
    ['revnue last week', ['revenue']],
    ['saels yesterday', ['revenue']],
    ['discouts last week', ['discounts']],
    ['purchses last month', ['purchases']],
  ])('%s → %j', (question, measures) => {
    expect(queryOf(question).measures).toEqual(measures);
  });

  it('corrects a period word', () => {
    expect(datesOf(queryOf('revenue yesterdy'))).toEqual(['2026-12-03', '2026-12-03']);
    expect(datesOf(queryOf('revenue this mnoth'))).toEqual(['2026-12-01', '2026-12-04']);
  });

  it('corrects a stored name', () => {
    expect(queryOf('masla dosa sales yesterday').filters).toEqual([
      { dimension: 'item', values: ['Masala Dosa'] },
    ]);
    expect(queryOf('elecricity last month').filters).toEqual([
      { dimension: 'expense_head', values: ['Electricity'] },
    ]);
  });

  it('does not stretch a short word into another', () => {
    expect(declineOf('how much rce in stock').reason).toContain('“rce”');
  });

  it('reads texting shorthand for periods and a letter left out', () => {
    expect(datesOf(queryOf('bils last wk'))).toEqual(['2026-11-23', '2026-11-29']);
    expect(queryOf('bils last wk').measures).toEqual(['bills']);
    expect(datesOf(queryOf('revenue lst mnth'))).toEqual(['2026-11-01', '2026-11-30']);
    expect(datesOf(queryOf('sales yday'))).toEqual(['2026-12-03', '2026-12-03']);
  });
});
