// system_cost_log: one row per model call, and this month's ₹ total for the monthly cap.
import type { Clock } from '../clock.ts';
import type { Warehouse } from '../warehouse/port.ts';
import type { LlmPurpose } from './port.ts';

export interface CostEntry {
  orgId?: string;
  purpose: LlmPurpose;
  model: string;
  tokensIn: number;
  tokensOut: number;
  costInr: number;
}

export interface CostLedger {
  record(entry: CostEntry): Promise<void>;
  /** ₹ spent on model calls since the 1st of this month in the business's time zone. */
  spentThisMonth(): Promise<number>;
}

export interface CostLedgerOptions {
  warehouse: Warehouse;
  clock: Clock;
  /** IANA zone whose calendar month the cap follows (TITAN_TZ). */
  timeZone: string;
  /** How long a month total read from the warehouse is trusted before it is read again. */
  refreshMs?: number;
}

const monthStartIn = (instant: Date, timeZone: string): string =>
  `${new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(instant)}-01`;

export function createCostLedger(options: CostLedgerOptions): CostLedger {
  const { warehouse, clock, timeZone } = options;
  const refreshMs = options.refreshMs ?? 60_000;
  // Re-reading the total before every call would add a warehouse round trip (a BigQuery job) to each
  // answer; calls made by this process are added as they happen and other processes' spend within a minute.
  let cached: { month: string; total: number; readAt: number } | undefined;

  async function readTotal(month: string): Promise<number> {
    const rows = await warehouse.query<{ spent: number | null }>(
      `SELECT COALESCE(SUM(cost_inr), 0) AS spent FROM ${warehouse.dialect.table('system_cost_log')}
       WHERE DATE(timestamp) >= ${warehouse.dialect.dateParam('since')}`,
      { since: month },
    );
    return Number(rows[0]?.spent ?? 0);
  }

  return {
    async record(entry) {
      await warehouse.insertRows('system_cost_log', [
        {
          timestamp: clock.now().toISOString(),
          org_id: entry.orgId ?? null,
          purpose: entry.purpose,
          model: entry.model,
          tokens_in: entry.tokensIn,
          tokens_out: entry.tokensOut,
          cost_inr: entry.costInr,
        },
      ]);
      if (cached && cached.month === monthStartIn(clock.now(), timeZone)) cached.total += entry.costInr;
    },
    async spentThisMonth() {
      const now = clock.now();
      const month = monthStartIn(now, timeZone);
      if (!cached || cached.month !== month || now.getTime() - cached.readAt > refreshMs) {
        cached = { month, total: await readTotal(month), readAt: now.getTime() };
      }
      return cached.total;
    },
  };
}
