// The Gemini implementation of the Llm port: key read per call, timeout, retries, ₹ cost log, monthly cap.
import type { GenerateContentResponse, GoogleGenAI, Part } from '@google/genai';
import type { Clock } from '../clock.ts';
import { CONFIG_KEYS, type ConfigValues } from '../config/schema.ts';
import { TitanError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { createCostLedger } from './cost-ledger.ts';
import { describeGeminiError, fromGeminiError, type GeminiFailure, isRetryable } from './gemini-errors.ts';
import type { Llm, LlmFunctionCall, LlmRequest, LlmResponse } from './port.ts';
import { costInr, hasListedPrice } from './prices.ts';

export const DEFAULT_GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking for a longer wait than this fails the call now rather than holding the user. */
  maxServerDelayMs: number;
}

export interface LlmOptions {
  getConfig: () => ConfigValues;
  warehouse: Warehouse;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Per attempt; 45 s by default. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Waits between attempts (tests pass one that records the delay and returns at once). */
  sleep?: (ms: number) => Promise<void>;
  /** Time zone whose calendar month LLM_MONTHLY_BUDGET_INR covers (TITAN_TZ). */
  timeZone?: string;
}

const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 20_000,
  maxServerDelayMs: 30_000,
};

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function modelOf(config: ConfigValues): string {
  const model = config.GEMINI_MODEL ?? CONFIG_KEYS.GEMINI_MODEL.default;
  if (!model)
    throw new TitanError('config.invalid', 'GEMINI_MODEL is empty; set a model such as gemini-2.5-flash.');
  return model;
}

const isVisibleText = (part: Part): part is Part & { text: string } =>
  typeof part.text === 'string' && part.thought !== true;

function readResponse(response: GenerateContentResponse, model: string) {
  const candidate = response.candidates?.[0];
  if (!candidate?.content) {
    const blocked = response.promptFeedback?.blockReason ?? candidate?.finishReason ?? 'no candidates';
    throw new TitanError(
      'llm.failed',
      `Gemini returned no answer (${blocked}); Titan answers offline instead.`,
      {
        detail: { model, reason: String(blocked) },
      },
    );
  }
  const parts = candidate.content.parts ?? [];
  const functionCalls: LlmFunctionCall[] = parts.flatMap((p) =>
    p.functionCall?.name
      ? [
          {
            name: p.functionCall.name,
            args: p.functionCall.args ?? {},
            ...(p.functionCall.id ? { id: p.functionCall.id } : {}),
          },
        ]
      : [],
  );
  const usage = response.usageMetadata;
  return {
    content: candidate.content,
    text: parts
      .filter(isVisibleText)
      .map((p) => p.text)
      .join(''),
    functionCalls,
    tokensIn: (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0),
    tokensOut: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
  };
}

export function createLlm(options: LlmOptions): Llm {
  const { getConfig, clock, logger } = options;
  const timeoutMs = options.timeoutMs ?? 45_000;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const baseFetch = options.fetch ?? globalThis.fetch;
  const ledger = createCostLedger({
    warehouse: options.warehouse,
    clock,
    timeZone: options.timeZone ?? 'Asia/Kolkata',
  });
  let cached: { key: string; baseUrl: string; client: GoogleGenAI } | undefined;
  // A key Gemini rejected stays "not configured" on /health until a different key is set.
  let rejectedKey: string | undefined;

  async function clientFor(key: string, baseUrl: string): Promise<GoogleGenAI> {
    if (cached?.key !== key || cached.baseUrl !== baseUrl) {
      // Loaded at the first call with a key: an offline Titan never pays for the SDK's start-up.
      const { GoogleGenAI } = await import('@google/genai');
      // vertexai: false and an explicit baseUrl keep the SDK from reading its own environment variables.
      const client = new GoogleGenAI({
        apiKey: key,
        vertexai: false,
        httpOptions: { baseUrl, timeout: timeoutMs },
      });
      cached = { key, baseUrl, client };
    }
    return cached.client;
  }

  async function assertWithinBudget(config: ConfigValues): Promise<void> {
    if (config.LLM_MONTHLY_BUDGET_INR === undefined) return;
    const budget = Number(config.LLM_MONTHLY_BUDGET_INR);
    const spent = await ledger.spentThisMonth();
    if (spent >= budget) {
      throw new TitanError(
        'llm.budget_exceeded',
        `Gemini spend this month (₹${spent.toFixed(2)}) has reached LLM_MONTHLY_BUDGET_INR (₹${budget}); ` +
          'Titan answers offline until next month or until the cap is raised with PATCH /config.',
        { detail: { spentInr: spent, budgetInr: budget } },
      );
    }
  }

  const backoffMs = (attempt: number): number =>
    Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);

  return {
    ready: () => {
      const key = getConfig().GEMINI_API_KEY;
      return key && key !== rejectedKey ? 'ready' : 'not configured';
    },

    async generate(request: LlmRequest): Promise<LlmResponse> {
      const config = getConfig();
      const key = config.GEMINI_API_KEY;
      if (!key) {
        throw new TitanError(
          'llm.not_configured',
          'GEMINI_API_KEY is not set; Titan answers offline. Set it with PATCH /config to use Gemini.',
        );
      }
      await assertWithinBudget(config);
      const model = modelOf(config);
      if (!hasListedPrice(model))
        logger.warn({ model }, 'model not in the price table; priced as the dearest');
      const client = await clientFor(key, config.GEMINI_BASE_URL ?? DEFAULT_GEMINI_BASE_URL);

      for (let attempt = 1; ; attempt++) {
        let retryAfterMs: number | undefined;
        // Wraps fetch for this call only, so the Retry-After header (which ApiError drops) is seen.
        const observingFetch: typeof fetch = async (input, init) => {
          const res = await baseFetch(input, init);
          if (!res.ok) retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), clock.now());
          return res;
        };
        try {
          const response = await client.models.generateContent({
            model,
            contents: request.contents,
            config: {
              systemInstruction: request.systemInstruction,
              ...(request.tools?.length ? { tools: [{ functionDeclarations: request.tools }] } : {}),
              ...(request.responseSchema
                ? { responseMimeType: 'application/json', responseSchema: request.responseSchema }
                : {}),
              ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
              httpOptions: { fetch: observingFetch },
            },
          });
          const read = readResponse(response, model);
          const usage = {
            tokensIn: read.tokensIn,
            tokensOut: read.tokensOut,
            costInr: costInr(model, read.tokensIn, read.tokensOut),
          };
          await ledger.record({
            ...usage,
            model,
            purpose: request.purpose,
            ...(request.orgId ? { orgId: request.orgId } : {}),
          });
          logger.info({ purpose: request.purpose, model, attempt, ...usage }, 'llm call');
          return { text: read.text, functionCalls: read.functionCalls, content: read.content, usage, model };
        } catch (err) {
          if (err instanceof TitanError) throw err;
          const failure: GeminiFailure = describeGeminiError(err);
          const serverDelay = failure.retryDelayMs ?? retryAfterMs;
          const giveUp =
            !isRetryable(failure) ||
            attempt >= retry.maxAttempts ||
            (serverDelay !== undefined && serverDelay > retry.maxServerDelayMs);
          if (giveUp) {
            const error = fromGeminiError(failure, { model, timeoutMs, attempts: attempt, cause: err });
            if (error.code === 'llm.key_invalid') rejectedKey = key;
            logger.warn(
              { purpose: request.purpose, model, attempt, code: error.code, ...error.detail },
              'llm call failed',
            );
            throw error;
          }
          const delay = serverDelay ?? backoffMs(attempt);
          logger.info({ status: failure.status, attempt, delayMs: delay }, 'llm call retrying');
          await sleep(delay);
        }
      }
    },
  };
}
