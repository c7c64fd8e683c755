import { describe, expect, it } from 'vitest';
import {
  cleanHeaders,
  createRowFilter,
  isTotalsRow,
  locateHeader,
} from '../../../../src/core/ingest/parse/table-shape.ts';
import { groupLines, type TextItem } from '../../../../src/core/ingest/parse/text/text-lines.ts';
import { findTables } from '../../../../src/core/ingest/parse/text/text-tables.ts';

describe('locateHeader', () => {
  it('skips a title, an outlet line and a repeated merged title', () => {
    const rows = [
      ['Tiruppur Café', 'Tiruppur Café', 'Tiruppur Café', 'Tiruppur Café'],
      ['Outlet:', 'Main'],
      ['Bill Dt', 'Item', 'Qty', 'Amt'],
      ['05/01/2024', 'Idli', '2', '60'],
    ];
    expect(locateHeader(rows)).toBe(2);
  });

  it('accepts numeric year columns beside labels, but not a row of values', () => {
    expect(
      locateHeader([
        ['Country', 'Code', '1960', '1961'],
        ['India', 'IND', '1', '2'],
      ]),
    ).toBe(0);
    expect(
      locateHeader([
        ['1', '2', '3'],
        ['4', '5', '6'],
      ]),
    ).toBe(-1);
    expect(
      locateHeader([
        ['Jan 5, 2024', '12'],
        ['Jan 6, 2024', '13'],
      ]),
    ).toBe(-1);
  });
});

describe('row filter and headers', () => {
  it('drops totals and repeated headers, keeps data', () => {
    const keep = createRowFilter(['Date', 'Amount']);
    expect(keep(['05/01/2024', '60'])).toBe(true);
    expect(keep(['Date', 'Amount'])).toBe(false);
    expect(keep(['', ' '])).toBe(false);
    for (const total of [
      'Total',
      'GRAND TOTAL',
      'Sub-total:',
      'Net Total',
      'Totals.',
      ' day total\u00a0',
      'Total \t',
    ])
      expect(isTotalsRow([total, '99'])).toBe(true);
    for (const cell of ['Total Gym membership', 'Tot', 'Hotels', 'Al', 'Pineapple Total Juice'])
      expect(isTotalsRow([cell, '999'])).toBe(false);
  });

  it('names blanks and suffixes repeats', () => {
    expect(cleanHeaders(['Amount', ' ', 'amount', 'Qty\n(kg)'], 5)).toEqual([
      'Amount',
      'Column 2',
      'amount (2)',
      'Qty (kg)',
      'Column 5',
    ]);
  });
});

describe('findTables on positioned text', () => {
  const item = (text: string, x: number, y: number, width = text.length * 5): TextItem => ({
    text,
    x,
    y,
    width,
    height: 10,
  });

  it('reads rows under a header, joins wrapped lines, passes subtotals and stops at the total', () => {
    const lines = groupLines([
      item('Item', 10, 100),
      item('Qty', 200, 100),
      item('Rate', 260, 100),
      item('Amount', 320, 100),
      item('Maida', 10, 120),
      item('25 kg', 200, 120),
      item('38.00', 260, 120),
      item('950.00', 320, 120),
      item('(sack, 25 kg)', 10, 132),
      item('Subtotal', 260, 150),
      item('950.00', 320, 150),
      item('Sugar', 10, 170),
      item('10', 200, 170),
      item('44.00', 260, 170),
      item('440.00', 320, 170),
      item('Total', 10, 190),
      item('1390.00', 320, 190),
      item('Thank you, visit again', 10, 210),
    ]);
    expect(findTables(lines)).toEqual([
      {
        headers: ['Item', 'Qty', 'Rate', 'Amount'],
        rows: [
          ['Maida (sack, 25 kg)', '25 kg', '38.00', '950.00'],
          ['Sugar', '10', '44.00', '440.00'],
        ],
      },
    ]);
  });

  it('finds nothing in prose', () => {
    expect(findTables(groupLines([item('Dear customer, thank you for your order.', 10, 10)]))).toEqual([]);
  });
});
