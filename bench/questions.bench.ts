// Issue 11's question suite as a benchmark: right / wrong / declined on both halves (the CSV café), then p50/p95 time
// to answer, in process, on a 365-day demo café of ≈1M sales lines over a mix of the suite's question families.
import { openCafe } from '../test/questions/cafe/open-cafe.ts';
import { DEV_QUESTIONS } from '../test/questions/dev-questions.ts';
import { HELD_OUT_QUESTIONS } from '../test/questions/held-out-questions.ts';
import { report, runQuestions, tally } from '../test/questions/judge.ts';
import { createOracle } from '../test/questions/oracle.ts';
import type { Family } from '../test/questions/question-spec.ts';
import { DEMO_MIX, openDemoTitan } from './demo-cafe.ts';
import { fmt, percentile } from './stats.ts';

const DAYS = 365;
const BILLS_PER_DAY = 950;
const RUNS = 5;
const TARGET_RIGHT = 0.95;
const TARGET_P95_MS = 300;

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
  const cafe = await openDemoTitan(DAYS, BILLS_PER_DAY);
  try {
    console.log(
      `   time to answer: ${DAYS} days × ${BILLS_PER_DAY} bills/day · ${fmt(cafe.salesLines, 0)} sales lines · ` +
        `${DEMO_MIX.length} questions from ${new Set(DEMO_MIX.map(([f]) => f)).size} families × ${RUNS} runs`,
    );
    for (const [, question] of DEMO_MIX) await cafe.ask(question); // warm the statement cache, as a server would be
    const samples = new Map<Family, number[]>();
    for (let run = 0; run < RUNS; run++) {
      for (const [family, question] of DEMO_MIX) {
        const started = performance.now();
        await cafe.ask(question);
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
    await cafe.close();
  }
}

export async function run(): Promise<void> {
  console.log('   question suite, the CSV café on SQLite:');
  await judgeSuite();
  await timeAnswers();
}
