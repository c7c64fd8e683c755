import { describe, expect, it } from 'vitest';
import { layoutFingerprint } from '../../../../src/core/ingest/map/fingerprint.ts';
import { mapHeuristically, nameScore } from '../../../../src/core/ingest/map/heuristic-mapper.ts';

/** Headers and two sample rows → target → header name, so expectations read like the file. */
function mapped(headers: string[], sample: string[][], category: Parameters<typeof mapHeuristically>[2]) {
  const result = mapHeuristically(headers, sample, category);
  const byName = Object.fromEntries(Object.entries(result.mapping).map(([t, col]) => [t, headers[col]]));
  return { ...result, byName };
}

describe('layoutFingerprint', () => {
  it('ignores case, spacing and punctuation but not order, names or category', () => {
    const a = layoutFingerprint(['Bill Dt', 'Amt (Rs)'], 'sales');
    expect(layoutFingerprint(['bill_dt', 'AMT  RS'], 'sales')).toBe(a);
    expect(layoutFingerprint(['Amt (Rs)', 'Bill Dt'], 'sales')).not.toBe(a);
    expect(layoutFingerprint(['Bill Dt', 'Amount'], 'sales')).not.toBe(a);
    expect(layoutFingerprint(['Bill Dt', 'Amt (Rs)'], 'expenses')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('nameScore', () => {
  it('prefers exact synonyms, then phrases inside a header', () => {
    expect(nameScore('Amt (Rs)', ['amount', 'amt'])).toBeCloseTo(0.996);
    expect(nameScore('Bill Amount incl GST', ['amount'])).toBeGreaterThan(0.5);
    expect(nameScore('Bill Amount incl GST', ['amount'])).toBeLessThan(0.75);
    expect(nameScore('Remarks', ['amount'])).toBe(0);
    expect(nameScore('Rs', ['amount', 'rs'])).toBeGreaterThan(0.9);
  });
});

describe('mapHeuristically', () => {
  it('reads an Indian sales register', () => {
    const headers = ['S.No', 'Bill Dt', 'Bill No', 'Item Name', 'Qty', 'Rate', 'Amt (Rs)', 'Mode', 'Captain'];
    const sample = [
      ['1', '05/01/2024', 'B101', 'Masala Dosa', '2', '60', '120', 'Cash', 'Ravi'],
      ['2', '05/01/2024', 'B102', 'Filter Coffee', '1', '25', '25', 'UPI', 'Anu'],
    ];
    const r = mapped(headers, sample, 'sales');
    expect(r.byName).toEqual({
      date: 'Bill Dt',
      order_id: 'Bill No',
      item: 'Item Name',
      qty: 'Qty',
      unit_price: 'Rate',
      amount: 'Amt (Rs)',
      payment_mode: 'Mode',
      staff: 'Captain',
    });
    expect(r.missing).toEqual([]);
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('reads a Petpooja item-wise export', () => {
    const headers = [
      'invoice_no',
      'date',
      'order_type',
      'payment_type',
      'item_name',
      'category_name',
      'item_quantity',
      'item_price',
      'discount',
      'container_charge',
      'service_charge',
      'total_tax',
      'round_off',
      'sub_total',
      'total',
      'status',
      'biller',
    ];
    const sample = [
      [
        '1001',
        '2024-01-05 13:45:00',
        'Dine In',
        'Cash',
        'Paneer Tikka',
        'Starters',
        '1',
        '240',
        '0',
        '0',
        '0',
        '12',
        '0',
        '240',
        '252',
        'Success',
        'Ravi',
      ],
      [
        '1002',
        '2024-01-05 14:02:11',
        'Delivery',
        'Online',
        'Veg Biryani',
        'Mains',
        '2',
        '180',
        '36',
        '10',
        '0',
        '16.2',
        '-0.2',
        '324',
        '340',
        'Cancelled',
        'Anu',
      ],
    ];
    const r = mapped(headers, sample, 'sales');
    expect(r.byName).toMatchObject({
      order_id: 'invoice_no',
      date: 'date',
      payment_mode: 'payment_type',
      item: 'item_name',
      category: 'category_name',
      qty: 'item_quantity',
      unit_price: 'item_price',
      discount: 'discount',
      amount: 'total',
      status: 'status',
      staff: 'biller',
    });
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('reads an expense ledger with Particulars and Narration', () => {
    const headers = ['Date', 'Particulars', 'Expense Head', 'Party', 'Amt', 'Mode'];
    const sample = [['01-Feb-24', 'Gas cylinder refill', 'Utilities', 'Indane', 'Rs. 1,850/-', 'Cash']];
    expect(mapped(headers, sample, 'expenses').byName).toEqual({
      date: 'Date',
      description: 'Particulars',
      category: 'Expense Head',
      vendor: 'Party',
      amount: 'Amt',
      payment_mode: 'Mode',
    });
    expect(
      mapped(['Voucher Date', 'Narration', 'Debit'], [['01/02/2024', 'Rent', '25000']], 'expenses').byName,
    ).toEqual({
      date: 'Voucher Date',
      description: 'Narration',
      amount: 'Debit',
    });
  });

  it('reads a purchase register, Particulars being the item there', () => {
    const headers = ['Bill Dt', 'Supplier', 'Particulars', 'Qty', 'UOM', 'Rate', 'Amount', 'Bill No'];
    const sample = [['02/02/2024', 'Metro', 'Maida', '25', 'Kg', '38', '950', 'INV-77']];
    expect(mapped(headers, sample, 'purchases').byName).toEqual({
      date: 'Bill Dt',
      vendor: 'Supplier',
      item: 'Particulars',
      qty: 'Qty',
      unit: 'UOM',
      unit_cost: 'Rate',
      amount: 'Amount',
      invoice_no: 'Bill No',
    });
  });

  it('reads a stock register', () => {
    const headers = [
      'Date',
      'Item',
      'Unit',
      'Opening Stock',
      'Received',
      'Consumed',
      'Wastage',
      'Closing Stock',
      'Rate',
    ];
    const sample = [['2024-02-01', 'Maida', 'Kg', '10', '25', '28', '1.5', '5.5', '38']];
    const r = mapped(headers, sample, 'inventory');
    expect(r.byName).toEqual({
      date: 'Date',
      item: 'Item',
      unit: 'Unit',
      opening_qty: 'Opening Stock',
      received_qty: 'Received',
      consumed_qty: 'Consumed',
      wastage_qty: 'Wastage',
      closing_qty: 'Closing Stock',
      unit_cost: 'Rate',
    });
    expect(r.missing).toEqual([]);
  });

  it('lets the values overrule a misleading header', () => {
    // "Date" here holds names; the unnamed column holds the dates.
    const headers = ['Date', 'Txn', 'Amount'];
    const sample = [
      ['Ravi', '05/01/2024', '100'],
      ['Anu', '06/01/2024', '200'],
    ];
    const r = mapped(headers, sample, 'sales');
    expect(r.byName.date).toBe('Txn');
    expect(r.scores.date).toBeLessThan(0.7);
  });

  it('does not map an amount onto a column of words', () => {
    const r = mapped(['Date', 'Total'], [['05/01/2024', 'see attached']], 'sales');
    expect(r.mapping.amount).toBeUndefined();
    expect(r.missing).toEqual(['amount']);
    expect(r.confidence).toBeLessThan(0.7);
  });
});
