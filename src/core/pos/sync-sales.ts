// Pulls Petpooja orders for a date range into `sales`: new orders added, changed orders replaced, the rest untouched.
import { type Clock, systemClock } from '../clock.ts';
import type { Scope } from '../model/scope.ts';
import type { Row, Warehouse } from '../warehouse/port.ts';
import { orderToSalesRows } from './order-to-sales.ts';
import type { PetpoojaClient } from './petpooja-client.ts';

export interface SalesSyncOptions {
  warehouse: Warehouse;
  client: PetpoojaClient;
  scope: Scope;
  /** First business day to fetch (YYYY-MM-DD). */
  since: string;
  /** Last business day to fetch (YYYY-MM-DD). */
  until: string;
  clock?: Clock;
  signal?: AbortSignal;
}

export interface SalesSyncResult {
  from: string;
  to: string;
  orders: number;
  rowsAdded: number;
  /** Orders already stored whose lines changed (e.g. a bill voided later): their rows were replaced. */
  ordersUpdated: number;
  ordersUnchanged: number;
  /** Orders Petpooja sent in a shape Titan could not read. */
  rejected: number;
}

/** The lineage label of rows synced from one Petpooja restaurant. */
export const petpoojaSource = (restaurantId: string) => `petpooja:${restaurantId}`;

/** Today's date (YYYY-MM-DD) in the restaurant's time zone: Petpooja business days are local days. */
export function localDate(clock: Clock, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now());
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((h) => b.has(h));

/**
 * Where the next sync should start: the last synced day again (late or edited bills), else a week back.
 */
export async function defaultSince(
  warehouse: Warehouse,
  scope: Scope,
  source: string,
  today: string,
): Promise<string> {
  const d = warehouse.dialect;
  const [row] = await warehouse.query<{ last: string | null }>(
    `SELECT MAX(date) AS last FROM ${d.table('sales')}
     WHERE org_id = @org AND location_id = @location AND _source_file = @source`,
    { org: scope.orgId, location: scope.locationId, source },
  );
  if (row?.last) return row.last < today ? row.last : today;
  return new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
}

export async function syncSales(options: SalesSyncOptions): Promise<SalesSyncResult> {
  const { warehouse, client, scope, since, until } = options;
  const clock = options.clock ?? systemClock;
  const source = petpoojaSource(client.restaurantId);
  const { orders, rejected } = await client.fetchOrders(since, until, options.signal);
  options.signal?.throwIfAborted();

  const d = warehouse.dialect;
  const sales = d.table('sales');
  const scopeParams = { org: scope.orgId, location: scope.locationId, source };
  const ingestedAt = clock.now().toISOString();

  return warehouse.transaction(async (tx) => {
    const stored = new Map<string, Set<string>>();
    const existing = await tx.query<{ date: string; order_id: string; _row_hash: string }>(
      `SELECT date, order_id, _row_hash FROM ${sales}
       WHERE org_id = @org AND location_id = @location AND _source_file = @source
         AND date BETWEEN ${d.dateParam('since')} AND ${d.dateParam('until')}`,
      { ...scopeParams, since, until },
    );
    for (const r of existing) {
      const key = `${r.date}|${r.order_id}`;
      stored.set(key, (stored.get(key) ?? new Set()).add(r._row_hash));
    }

    const toInsert: Row[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const order of orders) {
      const rows = orderToSalesRows(order, { scope, source, ingestedAt });
      const date = String(rows[0]?.date ?? order.Order.created_on.slice(0, 10));
      const before = stored.get(`${date}|${order.Order.orderID}`);
      if (before && sameSet(before, new Set(rows.map((r) => String(r._row_hash))))) {
        unchanged++;
        continue;
      }
      if (before) {
        updated++;
        await tx.execute(
          `DELETE FROM ${sales} WHERE org_id = @org AND location_id = @location AND _source_file = @source
             AND date = ${d.dateParam('date')} AND order_id = @order`,
          { ...scopeParams, date, order: order.Order.orderID },
        );
      }
      toInsert.push(...rows);
    }
    const rowsAdded = await tx.insertRows('sales', toInsert);
    return {
      from: since,
      to: until,
      orders: orders.length,
      rowsAdded,
      ordersUpdated: updated,
      ordersUnchanged: unchanged,
      rejected,
    };
  });
}

/** One line for the CLI and the thread: what the sync did. */
export function describeSalesSync(r: SalesSyncResult): string {
  const range = r.from === r.to ? r.from : `${r.from} to ${r.to}`;
  const parts = [
    `${r.rowsAdded} rows added`,
    `${r.ordersUpdated} orders updated`,
    `${r.ordersUnchanged} unchanged`,
  ];
  if (r.rejected) parts.push(`${r.rejected} unreadable orders skipped`);
  return `Petpooja: ${r.orders} orders for ${range}: ${parts.join(', ')}.`;
}
