import { describe, expect, it } from 'vitest';
import { normaliseStatus } from '../../../../src/core/ingest/normalise/status.ts';
import { cleanText } from '../../../../src/core/ingest/normalise/text.ts';
import { normaliseUnit, splitQuantity } from '../../../../src/core/ingest/normalise/units.ts';

describe('normaliseUnit', () => {
  it.each([
    ['Kg', 'kg', 1],
    ['KGS', 'kg', 1],
    ['gm', 'kg', 0.001],
    ['Grams', 'kg', 0.001],
    ['Ltr', 'l', 1],
    ['litre', 'l', 1],
    ['ml', 'l', 0.001],
    ['Nos', 'pcs', 1],
    ['Nos.', 'pcs', 1],
    ['pcs', 'pcs', 1],
    ['Dozen', 'pcs', 12],
    ['pkt', 'pkt', 1],
    ['Tray', 'tray', 1],
  ])('%s → %s ×%d', (raw, unit, factor) => {
    expect(normaliseUnit(raw)).toEqual({ unit, factor });
  });

  it('has nothing to say about an empty cell', () => {
    expect(normaliseUnit('  ')).toBeNull();
  });
});

describe('splitQuantity', () => {
  it('separates a number from its unit', () => {
    expect(splitQuantity('1.5 kg')).toEqual({ value: '1.5', unit: { unit: 'kg', factor: 1 } });
    expect(splitQuantity('500gm')).toEqual({ value: '500', unit: { unit: 'kg', factor: 0.001 } });
    expect(splitQuantity('1.00 Units')).toEqual({ value: '1.00', unit: { unit: 'pcs', factor: 1 } });
    expect(splitQuantity('12')).toEqual({ value: '12', unit: null });
  });

  it('is not fooled by words that are not units', () => {
    expect(splitQuantity('2 plates of idli')).toBeNull();
    expect(splitQuantity('kg')).toBeNull();
  });
});

describe('normaliseStatus', () => {
  it.each([
    ['Settled', 'completed'],
    ['SUCCESS', 'completed'],
    ['Printed', 'completed'],
    ['Cancelled', 'void'],
    ['Void', 'void'],
    ['Deleted', 'void'],
    ['Complimentary', 'complimentary'],
    ['NC', 'complimentary'],
    ['N.C.', 'complimentary'],
  ])('%s → %s', (raw, status) => {
    expect(normaliseStatus(raw)).toBe(status);
  });

  it('does not guess an unknown status', () => {
    expect(normaliseStatus('Running')).toBeNull();
  });
});

describe('cleanText', () => {
  it('trims and single-spaces, and empties to null', () => {
    expect(cleanText('  Masala \n Dosa ')).toBe('Masala Dosa');
    expect(cleanText(' \t ')).toBeNull();
    expect(cleanText('a\u0000b')).toBe('ab');
  });

  it('keeps formula-looking text exactly as text', () => {
    expect(cleanText('=HYPERLINK("http://evil.example","click")')).toBe(
      '=HYPERLINK("http://evil.example","click")',
    );
    expect(cleanText('+91 98400 12345')).toBe('+91 98400 12345');
    expect(cleanText('@SUM(A1:A2)')).toBe('@SUM(A1:A2)');
    expect(cleanText('-2+3')).toBe('-2+3');
  });
});
