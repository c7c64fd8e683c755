// Recorded Petpooja orders become sales rows whose amounts add up to what the bill says.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderToSalesRows } from '../../../src/core/pos/order-to-sales.ts';
import { type PetpoojaOrder, parsePetpoojaOrder } from '../../../src/core/pos/petpooja-order.ts';
import { CORPUS, corpus, fromCorpus } from '../../helpers/corpora.ts';

const ctx = {
  scope: { orgId: 'cafe', locationId: 'ahmedabad' },
  source: 'petpooja:cp81ghin',
  ingestedAt: '2025-04-05T00:00:00.000Z',
};
/** The three recorded order payloads (basic, 20% discount, part payment), in file name order. */
function recordedOrders(): PetpoojaOrder[] {
  const dir = corpus('petpooja/pos_order_push_efeone');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parsePetpoojaOrder(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) as PetpoojaOrder);
}
const [basic, discounted, partPayment] = fromCorpus(recordedOrders, []);
const sum = (rows: { amount?: unknown }[]) =>
  Math.round(rows.reduce((s, r) => s + Number(r.amount), 0) * 100) / 100;

describe('orderToSalesRows on the recorded Petpooja payloads', CORPUS, () => {
  it('makes one row per item with the order’s date, time, id, payment, order type and status', () => {
    const rows = orderToSalesRows(basic as PetpoojaOrder, ctx);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      org_id: 'cafe',
      location_id: 'ahmedabad',
      date: '2025-04-04',
      order_time: '11:45',
      order_id: '114',
      item: 'Chicken Drumstick Spicy (3 Pieces)',
      category: 'Chicken Meal',
      qty: 1,
      unit_price: 359,
      discount: 0,
      amount: 359,
      payment_mode: 'Cash',
      order_type: 'Dine In',
      status: 'Success',
      covers: null,
      _source_file: 'petpooja:cp81ghin',
      _master_category: 'sales',
    });
    expect(sum(rows)).toBe(1158);
  });

  it('keeps item discounts, so net sales = core_total − discount_total', () => {
    const rows = orderToSalesRows(discounted as PetpoojaOrder, ctx);
    expect(rows.map((r) => r.discount)).toEqual([20, 63.8, 81.8, 87.8]);
    expect(sum(rows)).toBe(1267 - 253.4);
  });

  it('spreads an order-level discount over the lines when items carry none', () => {
    const order = structuredClone(discounted as PetpoojaOrder);
    for (const item of order.OrderItem) item.discount = 0;
    const rows = orderToSalesRows(order, ctx);
    expect(sum(rows.map((r) => ({ amount: r.discount })))).toBe(253.4);
    expect(sum(rows)).toBe(1013.6);
  });

  it('names every method of a part payment', () => {
    expect(orderToSalesRows(partPayment as PetpoojaOrder, ctx)[0]?.payment_mode).toBe('Cash+Card');
  });

  it('gives every line a distinct hash that does not change between fetches but does when the bill does', () => {
    const first = orderToSalesRows(discounted as PetpoojaOrder, ctx).map((r) => r._row_hash);
    const again = orderToSalesRows(discounted as PetpoojaOrder, {
      ...ctx,
      ingestedAt: '2025-04-06T00:00:00.000Z',
    });
    expect(new Set(first).size).toBe(4);
    expect(again.map((r) => r._row_hash)).toEqual(first);
    const voided = structuredClone(discounted as PetpoojaOrder);
    voided.Order.status = 'Cancelled';
    expect(orderToSalesRows(voided, ctx).map((r) => r._row_hash)).not.toEqual(first);
  });
});

describe('parsePetpoojaOrder', () => {
  it('refuses an order without a readable creation time', () => {
    expect(parsePetpoojaOrder({ Order: { orderID: 1, created_on: 'yesterday' }, OrderItem: [] })).toBeNull();
  });
});
