// Turns one Petpooja order into `sales` rows, one per item line, each with a content hash for idempotent sync.
import { createHash } from 'node:crypto';
import type { Scope } from '../model/scope.ts';
import type { Row } from '../warehouse/port.ts';
import { orderDate, type PetpoojaOrder } from './petpooja-order.ts';

export interface SalesRowContext {
  scope: Scope;
  /** Lineage label, e.g. `petpooja:<restaurant id>`; rows of one source are replaced only by that source. */
  source: string;
  ingestedAt: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Item discounts as given; when the POS reports only an order-level discount, it is spread over the
 * lines in proportion to their value (the last line takes the rounding remainder) so totals still agree.
 */
function lineDiscounts(order: PetpoojaOrder, lineTotals: number[]): number[] {
  const given = order.OrderItem.map((i) => i.discount ?? 0);
  const orderDiscount = order.Order.discount_total ?? order.Discount.reduce((s, d) => s + d.amount, 0);
  if (given.some((d) => d !== 0) || orderDiscount === 0) return given;
  const gross = lineTotals.reduce((s, t) => s + t, 0);
  if (gross === 0) return given;
  const spread = lineTotals.map((t) => round2((orderDiscount * t) / gross));
  const last = spread.length - 1;
  spread[last] = round2(orderDiscount - spread.slice(0, last).reduce((s, d) => s + d, 0));
  return spread;
}

function paymentMode(order: PetpoojaOrder): string | null {
  const parts = order.Order.part_payments?.map((p) => p.payment_type).filter(Boolean) ?? [];
  return parts.length ? [...new Set(parts)].join('+') : order.Order.payment_type || null;
}

export function orderToSalesRows(order: PetpoojaOrder, ctx: SalesRowContext): Row[] {
  const { Order } = order;
  const lineTotals = order.OrderItem.map((i) => i.total ?? i.price * i.quantity);
  const discounts = lineDiscounts(order, lineTotals);
  const shared = {
    org_id: ctx.scope.orgId,
    location_id: ctx.scope.locationId,
    date: orderDate(order),
    order_time: Order.created_on.slice(11, 16),
    order_id: Order.orderID,
    payment_mode: paymentMode(order),
    order_type: Order.order_type || null,
    status: Order.status || null,
    staff: Order.biller || Order.assignee || null,
    // Petpooja sends 0 when the cashier did not ask; that is "unknown", not "no guests".
    covers: Order.no_of_persons ? Order.no_of_persons : null,
  };
  return order.OrderItem.map((item, line) => {
    const business = {
      ...shared,
      item: item.name,
      category: item.category_name || null,
      qty: item.quantity,
      unit_price: item.price,
      discount: discounts[line] ?? 0,
      amount: round2((lineTotals[line] ?? 0) - (discounts[line] ?? 0)),
    };
    // The line number keeps two identical lines of one order (the same dish ordered twice) apart.
    const hash = createHash('sha256')
      .update(JSON.stringify([ctx.source, line, business]))
      .digest('hex');
    return {
      ...business,
      _source_file: ctx.source,
      _master_category: 'sales',
      _ingested_at: ctx.ingestedAt,
      _row_hash: hash,
    };
  });
}
