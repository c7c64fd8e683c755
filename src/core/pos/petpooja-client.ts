// Petpooja "Get Orders" client: POSTs credentials and a day, validates the reply, returns that range's orders.

import { z } from 'zod';
import type { ConfigValues } from '../config/schema.ts';
import { TitanError } from '../errors.ts';
import { orderDate, type PetpoojaOrder, parsePetpoojaOrder } from './petpooja-order.ts';

export const PETPOOJA_KEYS = ['PP_APP_KEY', 'PP_APP_SECRET', 'PP_ACCESS_TOKEN', 'PP_MAPPING_CODE'] as const;
const DEFAULT_BASE_URL = 'https://api.petpooja.com';
/** The Get Orders endpoint used by Petpooja's third-party integrations (no public reference exists). */
const ORDERS_PATH = '/V1/thirdparty/generic_get_orders/';
const MAX_DAYS = 92;
const DAY_MS = 86_400_000;

export interface PetpoojaSettings {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  accessToken: string;
  /** The restaurant's mapping code (restID). */
  restaurantId: string;
}

export interface FetchedOrders {
  orders: PetpoojaOrder[];
  /** Orders Petpooja sent that did not match the expected shape (kept out of the warehouse, counted here). */
  rejected: number;
}

export interface PetpoojaClient {
  readonly restaurantId: string;
  /** Orders created on any day from `from` to `to` (inclusive, YYYY-MM-DD), each once. */
  fetchOrders(from: string, to: string, signal?: AbortSignal): Promise<FetchedOrders>;
}

/** The Petpooja settings from configuration; says which keys are missing if any is. */
export function petpoojaSettings(config: ConfigValues): PetpoojaSettings {
  const missing = PETPOOJA_KEYS.filter((k) => !config[k]);
  if (missing.length) {
    throw new TitanError(
      'pos.not_configured',
      `Petpooja is not configured: set ${missing.join(', ')} (PATCH /config), then run this again.`,
      { detail: { missing } },
    );
  }
  return {
    baseUrl: config.PP_BASE_URL ?? DEFAULT_BASE_URL,
    appKey: config.PP_APP_KEY as string,
    appSecret: config.PP_APP_SECRET as string,
    accessToken: config.PP_ACCESS_TOKEN as string,
    restaurantId: config.PP_MAPPING_CODE as string,
  };
}

const replySchema = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  success: z.union([z.string(), z.number()]).transform(String).optional(),
  message: z.string().optional(),
  order_json: z.array(z.unknown()).nullish(),
});

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function daysBetween(from: string, to: string): string[] {
  if (!ISO_DAY.test(from) || !ISO_DAY.test(to) || from > to) {
    throw new TitanError(
      'request.invalid',
      `A Petpooja date range needs two YYYY-MM-DD dates, the first not after the second (got ${from}…${to}).`,
    );
  }
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  if (days.length > MAX_DAYS) {
    throw new TitanError(
      'request.invalid',
      `Sync at most ${MAX_DAYS} days of Petpooja orders at a time (asked for ${days.length}).`,
    );
  }
  return days;
}

export function createPetpoojaClient(
  settings: PetpoojaSettings & { fetch?: typeof fetch; timeoutMs?: number },
): PetpoojaClient {
  const doFetch = settings.fetch ?? fetch;
  const url = new URL(ORDERS_PATH, settings.baseUrl);
  const timeoutMs = settings.timeoutMs ?? 30_000;
  const secrets = [settings.appKey, settings.appSecret, settings.accessToken].filter((s) => s.length >= 4);
  /** Petpooja's own text goes into our messages; make sure it cannot carry a credential back out. */
  const scrub = (s: string) =>
    secrets.reduce((out, secret) => out.split(secret).join('[secret]'), s).slice(0, 200);
  const fail = (message: string, cause?: unknown) =>
    new TitanError('pos.failed', message, { cause, detail: { endpoint: url.origin } });

  async function fetchDay(day: string, signal?: AbortSignal): Promise<unknown[]> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, {
        // POST: the vendor's sample is a GET with a body, which fetch forbids and proxies reject.
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          app_key: settings.appKey,
          app_secret: settings.appSecret,
          access_token: settings.accessToken,
          restID: settings.restaurantId,
          order_date: day,
          refId: '',
        }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted)
        throw fail(`Petpooja did not answer within ${timeoutMs / 1000} s; try again later.`, err);
      throw fail(
        `Could not reach Petpooja at ${url.origin} (${scrub(String((err as Error).message))}); check PP_BASE_URL and the network.`,
        err,
      );
    }
    const body = await response.text();
    if (!response.ok) throw fail(`Petpooja answered HTTP ${response.status} for ${day}; try again later.`);
    let reply: z.infer<typeof replySchema>;
    try {
      reply = replySchema.parse(JSON.parse(body));
    } catch (err) {
      throw fail(
        `Petpooja's reply for ${day} was not the expected JSON; check PP_BASE_URL points at the Petpooja API.`,
        err,
      );
    }
    if (reply.code !== '200' || (reply.success !== undefined && reply.success !== '1')) {
      throw fail(
        `Petpooja refused the request (${reply.code}: ${scrub(reply.message ?? 'no message')}); check PP_APP_KEY, PP_APP_SECRET, PP_ACCESS_TOKEN and PP_MAPPING_CODE.`,
      );
    }
    return reply.order_json ?? [];
  }

  return {
    restaurantId: settings.restaurantId,
    async fetchOrders(from, to, signal) {
      const seen = new Map<string, PetpoojaOrder>();
      let rejected = 0;
      for (const day of daysBetween(from, to)) {
        // Get Orders for day D also returns D-1, so orders repeat across days: keep each once, in range.
        for (const raw of await fetchDay(day, signal)) {
          const order = parsePetpoojaOrder(raw);
          if (!order) {
            rejected++;
            continue;
          }
          const date = orderDate(order);
          if (date >= from && date <= to) seen.set(`${date}|${order.Order.orderID}`, order);
        }
      }
      return { orders: [...seen.values()], rejected };
    },
  };
}
