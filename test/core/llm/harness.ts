// Shared set-up for LLM tests: the fake Gemini, an in-memory warehouse, a captured log and createLlm on top.
import type { ConfigValues } from '../../../src/core/config/schema.ts';
import { createLlm, type LlmOptions } from '../../../src/core/llm/gemini-llm.ts';
import type { Llm } from '../../../src/core/llm/port.ts';
import { createLogger } from '../../../src/core/logger.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { type FakeGemini, startFakeGemini } from '../../fakes/gemini.ts';

export const TEST_KEY = 'AIzaTestKey-0123456789';

export interface LlmHarness {
  gemini: FakeGemini;
  warehouse: Warehouse;
  config: ConfigValues;
  llm: Llm;
  /** Parsed log lines. */
  logs: Record<string, unknown>[];
  /** Every wait the client asked for between attempts, in ms. */
  sleeps: number[];
  costRows(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startLlmHarness(
  overrides: Partial<LlmOptions> = {},
  config: ConfigValues = {},
): Promise<LlmHarness> {
  const gemini = await startFakeGemini({ apiKey: TEST_KEY });
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  const values: ConfigValues = { GEMINI_API_KEY: TEST_KEY, GEMINI_BASE_URL: gemini.baseUrl, ...config };
  const logs: Record<string, unknown>[] = [];
  const sleeps: number[] = [];
  const logger = createLogger({
    level: 'debug',
    secrets: () => [values.GEMINI_API_KEY ?? ''],
    destination: { write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  const llm = createLlm({
    getConfig: () => values,
    warehouse,
    clock: { now: () => new Date('2026-11-20T10:00:00Z') },
    logger,
    timeoutMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  return {
    gemini,
    warehouse,
    config: values,
    llm,
    logs,
    sleeps,
    costRows: () => warehouse.query('SELECT * FROM system_cost_log ORDER BY timestamp'),
    close: async () => {
      await gemini.close();
      await warehouse.close();
    },
  };
}

/** A one-turn user message. */
export const userTurn = (text: string) => [{ role: 'user', parts: [{ text }] }];
