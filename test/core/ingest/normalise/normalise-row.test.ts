import { describe, expect, it } from 'vitest';
import type { RowMapping } from '../../../../src/core/ingest/normalise/normalise-row.ts';
import { missingRequired, targetColumns } from '../../../../src/core/ingest/normalise/target-columns.ts';
import { CANONICAL_COLUMNS, type Category } from '../../../../src/core/warehouse/tables.ts';
import { createNamedNormaliser as createRowNormaliser } from '../named-rows.ts';

const normaliseRow = (mapping: RowMapping, category: Category, raw: string[]) =>
  createRowNormaliser(mapping, category)(raw);

describe('normaliseRow: sales', () => {
  // Bill Dt | Bill No | Item | Qty | Rate | Amt (Rs) | Mode | Status | Captain
  const mapping = {
    mapping: {
      date: 0,
      order_id: 1,
      item: 2,
      qty: 3,
      unit_price: 4,
      amount: 5,
      payment_mode: 6,
      status: 7,
      staff: 8,
    },
  };

  it('produces every canonical column, typed', () => {
    const result = normaliseRow(mapping, 'sales', [
      '05/01/2024 13:45',
      'B-101',
      ' Masala  Dosa ',
      '2',
      'Rs. 60/-',
      '₹1,20.00',
      'UPI',
      'Settled',
      'Ravi',
    ]);
    expect(result).toMatchObject({
      ok: true,
      row: {
        date: '2024-01-05',
        order_id: 'B-101',
        item: 'Masala Dosa',
        category: null,
        qty: 2,
        unit_price: 60,
        discount: null,
        amount: 120,
        payment_mode: 'UPI',
        status: 'completed',
        staff: 'Ravi',
        order_time: '13:45',
      },
    });
  });

  it('maps POS statuses and keeps negative amounts from brackets', () => {
    const convert = createRowNormaliser(mapping, 'sales');
    const row = (status: string, amount: string) =>
      convert(['05/01/2024', 'B1', 'Tea', '1', '20', amount, 'Cash', status, '']);
    expect(row('Cancelled', '(20)')).toMatchObject({ ok: true, row: { status: 'void', amount: -20 } });
    expect(row('NC', '0')).toMatchObject({ ok: true, row: { status: 'complimentary' } });
    expect(row('', '20')).toMatchObject({ ok: true, row: { status: 'completed' } });
    expect(row('Part Paid', '20')).toMatchObject({ ok: true, row: { status: 'completed' } });
    expect(row('Rejected', '20')).toMatchObject({ ok: true, row: { status: 'void' } });
    // An unknown status no longer rejects the row: it is kept as written (the report names it).
    expect(row('Running', '20')).toMatchObject({ ok: true, row: { status: 'Running', amount: 20 } });
  });

  it('computes the amount from quantity, price and discount when the file has none', () => {
    const convert = createRowNormaliser(
      { mapping: { date: 0, qty: 1, unit_price: 2, discount: 3 } },
      'sales',
    );
    expect(convert(['2024-01-05', '3', '40', '10'])).toMatchObject({ ok: true, row: { amount: 110 } });
  });

  it('reads whole-number extras such as covers, and refuses fractions there', () => {
    const convert = createRowNormaliser({ mapping: { date: 0, amount: 1, covers: 2 } }, 'sales');
    expect(convert(['2024-01-05', '300', '4'])).toMatchObject({ ok: true, row: { covers: 4 } });
    expect(convert(['2024-01-05', '300', '2.5'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('covers'),
    });
  });

  it('says why a row cannot be stored', () => {
    const convert = createRowNormaliser(mapping, 'sales');
    expect(convert(['', 'B1', 'Tea', '1', '20', '20', '', '', ''])).toEqual({ ok: false, error: 'no date' });
    expect(convert(['32/01/2024', 'B1', 'Tea', '1', '20', '20', '', '', ''])).toEqual({
      ok: false,
      error: 'date: "32/01/2024" is not a date',
    });
    expect(convert(['05/01/2024', 'B1', 'Tea', 'two', '20', '20', '', '', ''])).toEqual({
      ok: false,
      error: 'qty: "two" is not a number',
    });
    expect(convert(['05/01/2024', 'B1', 'Tea', '', '', '', '', '', ''])).toEqual({
      ok: false,
      error: 'no amount',
    });
  });

  it('refuses a number too large to store', () => {
    const convert = createRowNormaliser(mapping, 'sales');
    expect(convert(['05/01/2024', 'B1', 'Tea', '1', '20', '9'.repeat(400), '', '', ''])).toEqual({
      ok: false,
      error: 'amount: the number is too large',
    });
    expect(convert(['05/01/2024', 'B1', 'Tea', '1e200', '1e200', '', '', '', ''])).toEqual({
      ok: false,
      error: 'amount: the number is too large',
    });
  });

  it('follows the file’s date order for ambiguous dates', () => {
    const convert = createRowNormaliser({ mapping: { date: 0, amount: 1 }, dateOrder: 'mdy' }, 'sales');
    expect(convert(['03/04/2024', '10'])).toMatchObject({ ok: true, row: { date: '2024-03-04' } });
  });

  it('stores formula-looking text as text', () => {
    const result = normaliseRow({ mapping: { date: 0, item: 1, amount: 2 } }, 'sales', [
      '2024-01-05',
      '=HYPERLINK("http://x.example","Tea")',
      '10',
    ]);
    expect(result).toMatchObject({ ok: true, row: { item: '=HYPERLINK("http://x.example","Tea")' } });
  });

  it('treats a short (ragged) row as blanks, not an error', () => {
    expect(
      normaliseRow({ mapping: { date: 0, item: 5, amount: 1 } }, 'sales', ['2024-01-05', '10']),
    ).toMatchObject({
      ok: true,
      row: { item: null, amount: 10 },
    });
  });
});

describe('normaliseRow: purchases and inventory', () => {
  it('turns grams into kilograms and rescales the unit cost', () => {
    const mapping = { mapping: { date: 0, vendor: 1, item: 2, qty: 3, unit: 4, unit_cost: 5, amount: 6 } };
    const result = normaliseRow(mapping, 'purchases', [
      '2024-02-01',
      'Metro',
      'Saffron',
      '500',
      'gm',
      '0.4',
      '200',
    ]);
    expect(result).toMatchObject({ ok: true, row: { qty: 0.5, unit: 'kg', unit_cost: 400, amount: 200 } });
  });

  it('reads a unit written inside the quantity cell', () => {
    const result = normaliseRow({ mapping: { date: 0, item: 1, qty: 2, amount: 3 } }, 'purchases', [
      '20/03/2023',
      'Beeswax',
      '1.00 kg',
      '42',
    ]);
    expect(result).toMatchObject({ ok: true, row: { qty: 1, unit: 'kg', amount: 42 } });
  });

  it('needs a date, an item and at least one quantity for inventory', () => {
    const mapping = {
      mapping: { date: 0, item: 1, unit: 2, opening_qty: 3, closing_qty: 4, wastage_qty: 5 },
    };
    expect(normaliseRow(mapping, 'inventory', ['2024-02-01', 'Maida', 'Kg', '10', '4', '1.5'])).toMatchObject(
      {
        ok: true,
        row: { opening_qty: 10, closing_qty: 4, wastage_qty: 1.5, unit: 'kg', received_qty: null },
      },
    );
    expect(normaliseRow(mapping, 'inventory', ['2024-02-01', 'Maida', 'Kg', '', '', ''])).toEqual({
      ok: false,
      error: 'no quantity',
    });
    expect(normaliseRow(mapping, 'inventory', ['2024-02-01', '', 'Kg', '1', '', ''])).toEqual({
      ok: false,
      error: 'no item',
    });
  });
});

describe('target columns', () => {
  it('are the canonical columns plus table extras, never scope or lineage', () => {
    const names = targetColumns('sales').map((c) => c.name);
    expect(names.slice(0, CANONICAL_COLUMNS.sales.length)).toEqual(
      CANONICAL_COLUMNS.sales.map((c) => c.name),
    );
    expect(names).toContain('order_time');
    expect(names.filter((n) => n === 'org_id' || n === 'location_id' || n.startsWith('_'))).toEqual([]);
    expect(targetColumns('expenses').map((c) => c.name)).toEqual([
      ...CANONICAL_COLUMNS.expenses.map((c) => c.name),
      'currency',
    ]);
  });

  it('name what a mapping lacks', () => {
    expect(missingRequired('sales', new Set(['date']))).toEqual(['amount']);
    expect(missingRequired('inventory', new Set(['date', 'unit']))).toEqual([
      'item',
      'a quantity column (opening_qty, received_qty, consumed_qty, wastage_qty, closing_qty)',
    ]);
    expect(missingRequired('expenses', new Set(['date', 'amount']))).toEqual([]);
  });
});
