// Gemini switched on at runtime through PATCH /config: the next chat is worded by the model (through the real
// @google/genai client against the local fake), and an invented figure falls back to the offline answer.
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/core/analyst/demo/seed-if-empty.ts';
import { type FakeGemini, startFakeGemini } from '../fakes/gemini.ts';
import { type AdminHarness, createAdminHarness } from '../helpers/admin-harness.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
const KEY = 'AIza-runtime-test-key';
let harness: AdminHarness;
let gemini: FakeGemini;
afterEach(async () => {
  await harness?.titan.close();
  await gemini?.close();
});

interface ChatAnswer {
  path: string;
  headline: string;
  notes: string[];
  cost?: { calls: number };
}

const ask = async (message: string): Promise<ChatAnswer> => {
  const res = await harness.request('POST', '/api/v1/chat', { body: { message } });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatAnswer;
};

describe('Gemini configured at runtime', () => {
  it('takes effect on the next question, and never lets an invented number through', async () => {
    harness = await createAdminHarness(tmp());
    const { warehouse, clock, runtime } = harness.titan;
    await seedDemoIfEmpty({ warehouse, clock, tz: runtime.tz });
    gemini = await startFakeGemini({ apiKey: KEY });

    expect((await ask('Scan for profit leaks in the last 7 days')).path).toBe('offline');
    expect(gemini.requests).toHaveLength(0);

    const patched = await harness.request('PATCH', '/config', {
      body: { GEMINI_API_KEY: KEY, GEMINI_BASE_URL: gemini.baseUrl },
    });
    expect(patched.status).toBe(200);
    expect(await (await harness.request('GET', '/health', { token: null })).json()).toMatchObject({
      llm: 'ready',
    });

    gemini.enqueue({
      text: 'Gas is the leak to fix first.\nRoot cause: burners and cylinders are not checked.',
    });
    const worded = await ask('Scan for profit leaks in the last 7 days');
    expect(worded.path).toBe('llm');
    expect(worded.headline).toBe('Gas is the leak to fix first.');
    expect(worded.cost?.calls).toBe(1);
    expect(gemini.requests).toHaveLength(1);

    gemini.enqueue({ text: 'Revenue fell to ₹9,99,999 this week.\nRoot cause: fewer guests.' });
    const rejected = await ask('Scan for profit leaks in the last 7 days');
    expect(rejected.path).toBe('offline');
    expect(rejected.headline).not.toContain('9,99,999');
    expect(rejected.notes.join(' ')).toContain('not in your data');
    expect(rejected.notes.join(' ')).not.toContain('9,99,999');

    const costRows = await warehouse.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM system_cost_log WHERE purpose = 'chat'",
    );
    expect(costRows[0]?.n).toBe(2);
  });
});
