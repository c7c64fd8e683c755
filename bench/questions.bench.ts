// Issue 11's question suite as a benchmark: right / wrong / declined on both halves (the CSV café), then p50/p95 time
// to answer, in process, on a 365-day demo café of ≈1M sales lines over a mix of the suite's question families.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../src/core/analyst/demo/generate-demo.ts';
import { createConfigVault } from '../src/core/config/vault.ts';
import { createLogger } from '../src/core/logger.ts';
import { DEFAULT_SCOPE } from '../src/core/model/scope.ts';
import { createTitan } from '../src/core/titan.ts';
import { openCafe } from '../test/questions/cafe/open-cafe.ts';
import { DEV_QUESTIONS } from '../test/questions/dev-questions.ts';
import { HELD_OUT_QUESTIONS } from '../test/questions/held-out-questions.ts';
import { report, runQuestions, tally } from '../test/questions/judge.ts';
import { createOracle } from '../test/questions/oracle.ts';
import type { Family } from '../test/questions/question-spec.ts';
import { fmt, percentile } from './stats.ts';

const DAYS = 365;
const BILLS_PER_DAY = 950;
/** The demo's "today": Wed 25 Nov 2026, 8 AM in Kolkata. */
const END = '2026-11-25';
const MORNING = new Date('2026-11-25T02:30:00Z');
const RUNS = 5;
const TARGET_RIGHT = 0.95;
const TARGET_P95_MS = 300;

/** One or two questions per suite family, with the demo café's names (its menu, vendors, cashiers) and dates. */
const DEMO_MIX: readonly [Family, string][] = [
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

const pct = (x: number): string => `${fmt(x * 100, 1)}%`;
const met = (ok: boolean): string => (ok ? 'met' : 'MISSED');

async function judgeSuite(): Promise<void> {
  const cafe = await openCafe('sqlite');
  try {
    const oracle = createOracle(cafe.cafe);
    for (const [label, questions] of [
      ['dev', DEV_QUESTIONS],
      ['held-out', HELD_OUT_QUESTIONS],
    ] as const) {
      const judgements = await runQuestions(cafe.titan.analyst, questions, oracle);
      const t = tally(judgements);
      const right = t.right / t.total;
      console.log(
        `   ${label.padEnd(8)} ${t.right}/${t.total} right (${pct(right)}, target ≥ ${pct(TARGET_RIGHT)}: ${met(right >= TARGET_RIGHT)}) · ` +
          `${t.wrong} wrong (target 0: ${met(t.wrong === 0)}) · ${t.declined} declined`,
      );
      // The family table and the first wrong answers, under the summary line.
      for (const line of report(label, judgements, 5).split('\n').slice(1)) console.log(`   ${line}`);
    }
  } finally {
    await cafe.close();
  }
}

async function timeAnswers(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-questions-'));
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
  const titan = await createTitan({ runtime, vault, logger, clock: { now: () => MORNING } });
  try {
    const demo = await generateDemo({
      warehouse: titan.warehouse,
      days: DAYS,
      seed: 42,
      endDate: END,
      billsPerDay: BILLS_PER_DAY,
      now: () => MORNING,
    });
    console.log(
      `   time to answer: ${DAYS} days × ${BILLS_PER_DAY} bills/day · ${fmt(demo.rows.sales, 0)} sales lines · ` +
        `${DEMO_MIX.length} questions from ${new Set(DEMO_MIX.map(([f]) => f)).size} families × ${RUNS} runs`,
    );
    const ask = (question: string) => titan.analyst.ask({ question, scope: DEFAULT_SCOPE });
    for (const [, question] of DEMO_MIX) await ask(question); // warm the statement cache, as a server would be
    const samples = new Map<Family, number[]>();
    for (let run = 0; run < RUNS; run++) {
      for (const [family, question] of DEMO_MIX) {
        const started = performance.now();
        await ask(question);
        samples.set(family, [...(samples.get(family) ?? []), performance.now() - started]);
      }
    }
    const all = [...samples.values()].flat();
    const p95 = percentile(all, 95);
    console.log(
      `   p50 ${fmt(percentile(all, 50), 0)} ms · p95 ${fmt(p95, 0)} ms (target p95 < ${TARGET_P95_MS} ms: ${met(p95 < TARGET_P95_MS)})`,
    );
    const slowest = [...samples]
      .map(([family, ms]) => [family, percentile(ms, 95)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    console.log(
      `   slowest families (p95): ${slowest.map(([f, ms]) => `${f} ${fmt(ms, 0)} ms`).join(' · ')}`,
    );
  } finally {
    await titan.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log('   question suite, the CSV café on SQLite:');
  await judgeSuite();
  await timeAnswers();
}
