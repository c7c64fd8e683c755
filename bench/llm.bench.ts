// The LLM path's own overhead: SQL guard, grounding check, and a full ask (model call, cost log) against the local fake.
import { checkGrounding } from '../src/core/analyst/llm/grounding.ts';
import { createLlmAnalyst } from '../src/core/analyst/llm/llm-analyst.ts';
import { guardSql } from '../src/core/analyst/llm/sql-guard.ts';
import type { Analyst } from '../src/core/analyst/port.ts';
import { createLlm } from '../src/core/llm/gemini-llm.ts';
import { createLogger } from '../src/core/logger.ts';
import type { Answer, Fact } from '../src/core/model/answer.ts';
import { DEFAULT_SCOPE } from '../src/core/model/scope.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import { startFakeGemini } from '../test/fakes/gemini.ts';
import { fmt, percentile } from './stats.ts';

const period = { from: '2026-11-13', to: '2026-11-19', label: 'last 7 days' };

function timeEach(n: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

const report = (what: string, samples: number[], unit: 'µs' | 'ms') => {
  const k = unit === 'µs' ? 1000 : 1;
  console.log(
    `   ${what}: p50 ${fmt(percentile(samples, 50) * k)} ${unit}, p99 ${fmt(percentile(samples, 99) * k)} ${unit} (${samples.length} runs)`,
  );
};

export async function run(): Promise<void> {
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  const gemini = await startFakeGemini();
  try {
    const sql =
      "SELECT item, SUM(amount) AS total FROM sales s JOIN recipes r ON r.menu_item = s.item WHERE date >= '2026-11-01' GROUP BY item ORDER BY total DESC";
    report(
      'guardSql (parse, check, scope, LIMIT)',
      timeEach(2_000, () =>
        guardSql(sql, { dialect: warehouse.dialect, scope: DEFAULT_SCOPE, maxRows: 200, hideStaff: true }),
      ),
      'µs',
    );

    const facts: Fact[] = Array.from({ length: 80 }, (_, i) => ({
      id: `f${i}`,
      label: `fact ${i}`,
      value: 1234.5 * (i + 1),
      unit: 'INR',
      period,
      query: 'bench',
    }));
    const text =
      'Prime cost 85.3% of sales (₹1,08,349 on ₹1,26,985), labour ₹72,500.\nRoot cause: rosters.\n[TASK:F1] Cut idle hours by Monday 10 AM\nGas ₹26,320 vs ₹8,908 usual, up 195.5%.';
    report(
      'checkGrounding (4 lines, 80 facts)',
      timeEach(5_000, () =>
        checkGrounding(
          text,
          facts.map((f) => f.value),
        ),
      ),
      'µs',
    );

    const answer: Answer = {
      intent: 'wastage',
      headline: 'Maida wastage: ₹840.',
      rootCause: 'over-mixing',
      findings: [],
      actions: [],
      tasks: [],
      facts: [{ ...facts[0]!, value: 840 }],
      sources: { period, rows: {}, freshness: {}, gaps: [] },
      path: 'offline',
      notes: [],
    };
    const offline: Analyst = { ask: async () => answer, dailyBrief: async () => answer };
    const logger = createLogger({ level: 'silent', secrets: () => [] });
    const llm = createLlm({
      getConfig: () => ({ GEMINI_API_KEY: 'bench-key-0000', GEMINI_BASE_URL: gemini.baseUrl }),
      warehouse,
      clock: { now: () => new Date() },
      logger,
    });
    const analyst = createLlmAnalyst({ offline, llm, metrics: [], warehouse, logger });
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      gemini.enqueue({ text: 'Maida wastage: ₹840 this week.\nRoot cause: over-mixing.' });
      const t = performance.now();
      const a = await analyst.ask({ question: 'maida wastage', scope: DEFAULT_SCOPE });
      samples.push(performance.now() - t);
      if (a.path !== 'llm') throw new Error('bench answer fell back offline');
    }
    report('ask via LLM path (local fake model, cost row written)', samples, 'ms');
  } finally {
    await gemini.close();
    await warehouse.close();
  }
}
