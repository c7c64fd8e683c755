// The demo café Titan answers in the benches: a whole Titan on a temp data dir with the café generated into it, and
// the mix of everyday questions timed on it (one or two per question-suite family, in the café's own names).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../src/core/analyst/demo/generate-demo.ts';
import { createConfigVault } from '../src/core/config/vault.ts';
import { createLogger } from '../src/core/logger.ts';
import { DEFAULT_SCOPE } from '../src/core/model/scope.ts';
import { createTitan, type Titan } from '../src/core/titan.ts';
import type { Family } from '../test/questions/question-spec.ts';

/** The demo's "today": Wed 25 Nov 2026, 8 AM in Kolkata. */
export const END = '2026-11-25';
export const MORNING = new Date('2026-11-25T02:30:00Z');

/** One or two questions per suite family, with the demo café's names (its menu, vendors, cashiers) and dates. */
export const DEMO_MIX: readonly [Family, string][] = [
  ['point-day', 'What were sales on 21 November?'],
  ['point-day', 'revenue on 14/11/2026'],
  ['range', 'Revenue from 1 Nov to 15 Nov'],
  ['month', 'revenue in October'],
  ['month', 'total expenses in September'],
  ['relative', 'revenue yesterday'],
  ['relative', 'sales last 7 days'],
  ['relative', 'revenue in the last 30 days'],
  ['past-year', 'revenue in March 2026'],
  ['top-n', 'Top 3 items by revenue in the last 30 days'],
  ['top-n', 'Which item sold the most plates in the last 7 days?'],
  ['best-worst-day', 'Which was our best day in October?'],
  ['item', 'How many masala dosas did we sell last week?'],
  ['vendor', 'What did we pay Sri Murugan Dairy in the last 30 days?'],
  ['staff', 'How many bills did Priya cancel in the last 7 days?'],
  ['category', 'beverages sales last week'],
  ['payment-mode', 'How much came in through UPI yesterday?'],
  ['counts', 'How many bills yesterday?'],
  ['counts', 'number of covers last week'],
  ['stock', 'How much rice is in stock?'],
  ['rates', 'What is the latest rate of milk from Sri Murugan Dairy?'],
  ['expenses', 'expenses by head last month'],
  ['wastage', 'How much maida did we waste last week?'],
  ['comparison', 'Compare revenue in the last 7 days with the 7 days before'],
  ['comparison', 'October revenue vs September'],
  ['share', 'What share of revenue came from UPI last month?'],
  ['typo', 'reveneu yestrday'],
  ['typo', 'top 5 itmes by revnue last month'],
  ['hinglish', 'kal ka sale kitna tha?'],
  ['hinglish', 'pichle 7 din ka sale batao'],
  ['decline', 'table turnover time'],
  ['decline', 'delivery commission last month'],
  ['no-data', 'sales in June 2020'],
];

export interface DemoTitan {
  titan: Titan;
  salesLines: number;
  /** Asks as an owner in a thread would. */
  ask(question: string): Promise<unknown>;
  close(): Promise<void>;
}

/** A Titan on a fresh data dir with `days` of the demo café at `billsPerDay`, ending on END. */
export async function openDemoTitan(
  days: number,
  billsPerDay: number,
  options: { readPool?: boolean } = {},
): Promise<DemoTitan> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-cafe-'));
  const vault = createConfigVault({ dataDir: dir, env: {} });
  const runtime = {
    dataDir: dir,
    port: 0,
    demo: false,
    adminToken: undefined,
    tz: 'Asia/Kolkata',
    logLevel: 'silent',
  };
  const logger = createLogger({ level: 'silent', secrets: () => vault.secretValues() });
  const titan = await createTitan({ runtime, vault, logger, clock: { now: () => MORNING }, ...options });
  const demo = await generateDemo({
    warehouse: titan.warehouse,
    days,
    seed: 42,
    endDate: END,
    billsPerDay,
    now: () => MORNING,
  });
  return {
    titan,
    salesLines: demo.rows.sales,
    ask: (question) => titan.analyst.ask({ question, scope: DEFAULT_SCOPE }),
    async close() {
      await titan.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
