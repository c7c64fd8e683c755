// How every number reads in an answer: ₹ with Indian grouping, percentages, quantities and counts.
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatFact,
  formatFactNumber,
  formatInr,
  formatInrPrecise,
  formatPct,
  formatQty,
} from '../../../src/core/analyst/format.ts';

describe('number formatting', () => {
  it('writes rupees with Indian grouping, whole or with paise', () => {
    expect(formatInr(12345678.5)).toBe('₹1,23,45,679');
    expect(formatInr(840)).toBe('₹840');
    expect(formatInr(-1234.4)).toBe('-₹1,234');
    expect(formatInr(-0.2)).toBe('₹0');
    expect(formatInrPrecise(57.4)).toBe('₹57.40');
    expect(formatInrPrecise(123456.789)).toBe('₹1,23,456.79');
  });

  it('writes percentages and changes with at most one decimal', () => {
    expect(formatPct(23.44)).toBe('23.4%');
    expect(formatPct(30)).toBe('30%');
    expect(formatChange(23.44)).toBe('up 23.4%');
    expect(formatChange(-8)).toBe('down 8%');
    expect(formatChange(0.01)).toBe('flat');
  });

  it('writes quantities and counts', () => {
    expect(formatQty(12.46, 'kg')).toBe('12.5 kg');
    expect(formatQty(12, 'L')).toBe('12 L');
    expect(formatCount(45210)).toBe('45,210');
  });

  it('formats a fact by its unit, and gives the digits a grounding check compares', () => {
    const cases: [number, string, string, string][] = [
      [1175.6, 'INR', '₹1,176', '1,176'],
      [2300.4, 'INR/week', '₹2,300/week', '2,300'],
      [57.4, 'INR/L', '₹57.40/L', '57.40'],
      [-12.34, '%', '-12.3%', '12.3'],
      [5.26, 'x', '5.3×', '5.3'],
      [312, 'bills', '312 bills', '312'],
      [1, 'items', '1 item', '1'],
      [1, 'comps', '1 comp', '1'],
      [12.46, 'kg', '12.5 kg', '12.5'],
    ];
    for (const [value, unit, text, number] of cases) {
      expect(formatFact({ value, unit })).toBe(text);
      expect(formatFactNumber({ value, unit })).toBe(number);
    }
  });
});
