import { describe, expect, it } from 'vitest';
import { isBlankish, parseNumber, roundMoney } from '../../../../src/core/ingest/normalise/number.ts';

describe('parseNumber', () => {
  it.each([
    ['₹1,23,456.50', 123456.5],
    ['1,23,45,678', 12345678],
    ['1,234,567.89', 1234567.89],
    ['(500)', -500],
    ['(₹ 1,200.00)', -1200],
    ['Rs. 40/-', 40],
    ['Rs1939', 1939],
    ['Rs 1939', 1939],
    ['INR 2,500', 2500],
    ['40/-', 40],
    ['-12.5', -12.5],
    ['+3', 3],
    ['500-', -500],
    ['1,7', 1.7],
    ['12,50', 12.5],
    ['1.234,56', 1234.56],
    ['200.000.000', 200000000],
    ['1,700', 1700],
    ['0.30000000000000004', 0.30000000000000004],
    ['1.23457E+22', 1.23457e22],
    ['$4.11', 4.11],
    ['€ 399,00', 399],
    [' 42 ', 42],
    ['1\u00a0234,5', 1234.5],
    ['6,726.87', 6726.87],
    ['-6,726.87', -6726.87],
    ['12,34,567.5', 1234567.5],
    ['99,999.999', 99999.999],
  ])('reads %s as %d', (raw, expected) => {
    expect(parseNumber(raw)).toBeCloseTo(expected, 10);
  });

  it.each(['', '-', 'N/A', 'nil', '  ', ' NA ', 'None', 'NULL', 'NaN', '—', '\u00a0n/a', '--'])(
    'treats %j as blank',
    (raw) => {
      expect(isBlankish(raw)).toBe(true);
      expect(parseNumber(raw)).toBeNull();
    },
  );

  it.each(['0', 'Tea', 'nothing', 'Nan Khatai', '(500)', '₹0', 'Zero'])(
    'does not treat %j as blank',
    (raw) => {
      expect(isBlankish(raw)).toBe(false);
    },
  );

  it.each(['abc', 'Rs 1939 x 1 Night', '14.50%', '1,2345', '1.2.3', '12-05-2024', '=1+1', '1,234.56.7'])(
    'refuses %j',
    (raw) => {
      expect(parseNumber(raw)).toBeNull();
    },
  );
});

describe('roundMoney', () => {
  it('rounds to paise', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(19.999)).toBe(20);
  });
});
