import { afterEach, describe, expect, it } from 'vitest';
import { TitanError } from '../../../src/core/errors.ts';
import { costInr } from '../../../src/core/llm/prices.ts';
import { geminiErrors, startFakeGemini } from '../../fakes/gemini.ts';
import { type LlmHarness, startLlmHarness, TEST_KEY, userTurn } from './harness.ts';

let h: LlmHarness;
afterEach(async () => {
  await h.close();
});

const ask = (orgId = 'cafe_001') =>
  h.llm.generate({ purpose: 'chat', orgId, systemInstruction: 'You are Titan.', contents: userTurn('Hi') });

const failure = async (promise: Promise<unknown>): Promise<TitanError> => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TitanError);
  return err as TitanError;
};

describe('Gemini client through @google/genai against the fake', () => {
  it('sends the key, model, system instruction and returns the text with its ₹ cost logged', async () => {
    h = await startLlmHarness();
    h.gemini.enqueue({ text: 'Revenue: ₹42,000.', tokensIn: 1200, tokensOut: 300 });
    const res = await ask();
    expect(res.text).toBe('Revenue: ₹42,000.');
    const [req] = h.gemini.requests;
    expect(req?.apiKey).toBe(TEST_KEY);
    expect(req?.model).toBe('gemini-2.5-flash');
    expect(req?.body.systemInstruction?.parts[0]?.text).toBe('You are Titan.');
    const expected = costInr('gemini-2.5-flash', 1200, 300);
    expect(expected).toBeGreaterThan(0);
    expect(res.usage).toEqual({ tokensIn: 1200, tokensOut: 300, costInr: expected });
    expect(await h.costRows()).toEqual([
      expect.objectContaining({
        org_id: 'cafe_001',
        purpose: 'chat',
        model: 'gemini-2.5-flash',
        tokens_in: 1200,
        tokens_out: 300,
        cost_inr: expected,
        timestamp: '2026-11-20T10:00:00.000Z',
      }),
    ]);
  });

  it('returns function calls with their arguments', async () => {
    h = await startLlmHarness();
    h.gemini.enqueue({ functionCalls: [{ name: 'metric_revenue', args: { from: '2026-11-01' } }] });
    const res = await ask();
    expect(res.functionCalls).toEqual([{ name: 'metric_revenue', args: { from: '2026-11-01' } }]);
    expect(res.content.parts?.[0]?.functionCall?.name).toBe('metric_revenue');
  });

  it('waits as long as a 429 RetryInfo asks, then succeeds', async () => {
    h = await startLlmHarness();
    h.gemini.enqueue(geminiErrors.rateLimited('2.5s'), { text: 'done' });
    expect((await ask()).text).toBe('done');
    expect(h.sleeps).toEqual([2500]);
    expect(h.gemini.requests).toHaveLength(2);
    expect(await h.costRows()).toHaveLength(1);
  });

  it('honours a Retry-After header on a 503 and backs off on a 500', async () => {
    h = await startLlmHarness();
    h.gemini.enqueue(
      {
        status: 503,
        body: { error: { code: 503, status: 'UNAVAILABLE', message: 'overloaded' } },
        headers: { 'retry-after': '3' },
      },
      geminiErrors.internal(),
      { text: 'done' },
    );
    expect((await ask()).text).toBe('done');
    expect(h.sleeps[0]).toBe(3000);
    expect(h.sleeps[1]).toBeGreaterThan(0);
    expect(h.gemini.requests).toHaveLength(3);
  });

  it('gives up after the last attempt with a message that says what happened', async () => {
    h = await startLlmHarness({ retry: { maxAttempts: 2 } });
    h.gemini.enqueue(geminiErrors.internal(), geminiErrors.internal());
    const err = await failure(ask());
    expect(err.code).toBe('llm.failed');
    expect(err.message).toMatch(/500 INTERNAL.*2 attempt/);
    expect(await h.costRows()).toHaveLength(0);
  });

  it('reports a bad key clearly, without the key, and /health stops saying ready', async () => {
    h = await startLlmHarness({}, { GEMINI_API_KEY: 'AIzaWrongKey-999999' });
    expect(h.llm.ready()).toBe('ready');
    const err = await failure(ask());
    expect(err.code).toBe('llm.key_invalid');
    expect(err.message).toContain('Gemini rejected GEMINI_API_KEY (400 INVALID_ARGUMENT API_KEY_INVALID)');
    expect(err.message).toContain('PATCH /config');
    expect(err.message).not.toContain('AIzaWrongKey');
    expect(h.gemini.requests).toHaveLength(1);
    expect(h.llm.ready()).toBe('not configured');
    expect(JSON.stringify(h.logs)).not.toContain('AIzaWrongKey-999999');

    // A PATCHed key takes effect on the next call, with no restart.
    h.config.GEMINI_API_KEY = TEST_KEY;
    expect(h.llm.ready()).toBe('ready');
    expect((await ask()).text).toBe('OK');
    expect(h.gemini.requests[1]?.apiKey).toBe(TEST_KEY);
  });

  it('says "not configured" and refuses calls without a key', async () => {
    h = await startLlmHarness();
    delete h.config.GEMINI_API_KEY;
    expect(h.llm.ready()).toBe('not configured');
    expect((await failure(ask())).code).toBe('llm.not_configured');
    expect(h.gemini.requests).toHaveLength(0);
  });

  it('times out a reply slower than the timeout without retrying it', async () => {
    h = await startLlmHarness({ timeoutMs: 150 });
    h.gemini.enqueue({ delayMs: 5_000, reply: { text: 'too late' } });
    const err = await failure(ask());
    expect(err.code).toBe('llm.failed');
    expect(err.message).toContain('did not answer within');
    expect(h.gemini.requests).toHaveLength(1);
  });

  it('stops calling Gemini once the month’s spend reaches LLM_MONTHLY_BUDGET_INR', async () => {
    h = await startLlmHarness({}, { LLM_MONTHLY_BUDGET_INR: '0.5' });
    h.gemini.enqueue({ text: 'first', tokensIn: 10_000, tokensOut: 10_000 });
    expect(costInr('gemini-2.5-flash', 10_000, 10_000)).toBeGreaterThan(0.5);
    await ask();
    const err = await failure(ask());
    expect(err.code).toBe('llm.budget_exceeded');
    expect(err.message).toContain('LLM_MONTHLY_BUDGET_INR (₹0.5)');
    expect(err.message).toContain('answers offline');
    expect(h.gemini.requests).toHaveLength(1);
  });

  it('counts only this month’s spend against the cap', async () => {
    h = await startLlmHarness({}, { LLM_MONTHLY_BUDGET_INR: '1' });
    await h.warehouse.insertRows('system_cost_log', [
      { timestamp: '2026-10-31T10:00:00.000Z', purpose: 'chat', model: 'gemini-2.5-flash', cost_inr: 500 },
    ]);
    expect((await ask()).text).toBe('OK');
  });

  it('follows a changed GEMINI_BASE_URL at once', async () => {
    h = await startLlmHarness();
    const other = await startFakeGemini();
    try {
      await ask();
      h.config.GEMINI_BASE_URL = other.baseUrl;
      await ask();
      expect(h.gemini.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
