// Answers through the composition root read on the SQLite read pool: the same answer as reading on the main connection,
// given while an ingest's transaction holds that connection, and the SQL tool's timeout stops the query.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { generateDemo } from '../../../src/core/analyst/demo/generate-demo.ts';
import { createSqlTool } from '../../../src/core/analyst/llm/sql-tool.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { DEFAULT_SCOPE } from '../../../src/core/model/scope.ts';
import { createTitan, type Titan } from '../../../src/core/titan.ts';
import { SQLITE_FILE } from '../../../src/core/warehouse/create-warehouse.ts';
import { readThroughPool } from '../../../src/core/warehouse/pooled-reads.ts';
import { createSqliteReadPool } from '../../../src/core/warehouse/sqlite-read-pool.ts';

const END = '2026-11-25';
const MORNING = new Date('2026-11-25T02:30:00Z');
const clock = { now: () => MORNING };
const QUESTION = { question: 'revenue in the last 7 days', scope: DEFAULT_SCOPE };

describe.skipIf(process.platform !== 'linux')('answers on the read pool', () => {
  let dir: string;
  let titan: Titan;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titan-pooled-answers-'));
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
    titan = await createTitan({ runtime, vault, logger, clock });
    await generateDemo({ warehouse: titan.warehouse, days: 30, seed: 42, endDate: END, now: () => MORNING });
  });
  afterAll(async () => {
    await titan.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the answer reading on the main connection gives, while an ingest transaction holds it', async () => {
    const onMain = createAnalyst({
      warehouse: titan.warehouse,
      tasks: titan.tasks,
      clock,
      tz: 'Asia/Kolkata',
    });
    const expected = await onMain.ask(QUESTION);
    expect(expected.headline).toMatch(/₹[\d,]+/);

    // A load in progress: its rows are not committed, and the main connection is its until it ends.
    let opened!: () => void;
    let release!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const load = titan.warehouse
      .transaction(async (tx) => {
        await tx.execute('DELETE FROM sales');
        opened();
        await held;
        throw new Error('the load fails and rolls back');
      })
      .catch((err: Error) => err.message);
    await isOpen;
    const answer = await titan.analyst.ask(QUESTION);
    release();
    expect(await load).toBe('the load fails and rolls back');
    expect({ headline: answer.headline, facts: answer.facts }).toEqual({
      headline: expected.headline,
      facts: expected.facts,
    });
  });

  it("stops the model's SQL at the tool's timeout, and tells the model why", async () => {
    const pool = createSqliteReadPool({ path: path.join(dir, SQLITE_FILE), size: 1 });
    try {
      const tool = createSqlTool('sqlite', { timeoutMs: 500 });
      const period = { from: '2026-11-18', to: '2026-11-24', label: 'last 7 days' };
      const ctx = {
        warehouse: readThroughPool(titan.warehouse, pool),
        scope: DEFAULT_SCOPE,
        period,
        audience: 'private' as const,
      };
      await ctx.warehouse.query('SELECT 1 AS started'); // the reader is up: its start-up would count in the deadline
      expect((await tool.run({ sql: 'SELECT COUNT(*) AS n FROM sales' }, ctx)).response).toMatchObject({
        rowCount: 1,
      });
      const started = performance.now();
      const slow = await tool.run({ sql: 'SELECT COUNT(*) AS n FROM sales a, sales b, sales c' }, ctx);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(slow.response).toEqual({
        error: expect.stringMatching(/^The warehouse query was stopped after 500 ms/),
      });
      // Its reader was replaced: the next query is answered (the replacement's start-up counts in a deadline, so none here).
      expect(await ctx.warehouse.query('SELECT COUNT(*) AS n FROM sales')).toEqual([
        { n: expect.any(Number) },
      ]);
    } finally {
      await pool.close();
    }
  });
});
