// A local Petpooja "Get Orders" fake: checks credentials and restaurant, answers like Petpooja (day D and D-1).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleOrders } from './petpooja-orders.ts';

export const PETPOOJA_CREDENTIALS = {
  PP_APP_KEY: 'ppkey-3f9a1c77d2e84b05a6c1e0d9b8f7a6c5',
  PP_APP_SECRET: 'ppsecret-9d8c7b6a5f4e3d2c1b0a99887766554433221100',
  PP_ACCESS_TOKEN: 'pptoken-0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
  PP_MAPPING_CODE: 'cp81ghin',
};

export interface FakePetpooja {
  url: string;
  /** order_date of every request, in order. */
  requests: string[];
  /** Replace what the fake serves (e.g. an order voided after the first sync); petpooja-orders.ts by default. */
  orders: Record<string, unknown>[];
  /** Responses wait until the returned function is called (plus any delay): lets a test hold a sync open. */
  hold(): () => void;
  /** Answer every request with this HTTP status instead (null: normal answers). */
  failWith: number | null;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
const createdDay = (o: Record<string, unknown>) =>
  String((o.Order as { created_on?: string }).created_on ?? '').slice(0, 10);

export async function startFakePetpooja(
  options: { delayMs?: number; orders?: Record<string, unknown>[] } = {},
): Promise<FakePetpooja> {
  let gate: Promise<void> = Promise.resolve();
  const state = {
    requests: [] as string[],
    orders: options.orders ?? sampleOrders(),
    failWith: null as number | null,
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== '/V1/thirdparty/generic_get_orders/') {
        return reply(404, { code: '404', message: 'Not found' });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      state.requests.push(body.order_date ?? '');
      await gate;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (state.failWith) return reply(state.failWith, { message: 'Service Unavailable' });
      // Petpooja reports its own errors with HTTP 200 and a code in the body.
      if (
        body.app_key !== PETPOOJA_CREDENTIALS.PP_APP_KEY ||
        body.app_secret !== PETPOOJA_CREDENTIALS.PP_APP_SECRET ||
        body.access_token !== PETPOOJA_CREDENTIALS.PP_ACCESS_TOKEN
      ) {
        return reply(200, { code: '100', success: '0', message: 'Invalid Token.' });
      }
      if (body.restID !== PETPOOJA_CREDENTIALS.PP_MAPPING_CODE) {
        return reply(200, { code: '101', success: '0', message: 'restaurant mapping not found' });
      }
      const day = body.order_date ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
        return reply(200, { code: '100', success: '0', message: 'Invalid order_date' });
      const previous = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
      const orders = state.orders.filter((o) => [day, previous].includes(createdDay(o)));
      return reply(200, { code: '200', success: '1', message: 'Success', order_json: orders });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get orders() {
      return state.orders;
    },
    set orders(value) {
      state.orders = value;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(value) {
      state.failWith = value;
    },
    hold() {
      let open!: () => void;
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      return open;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
