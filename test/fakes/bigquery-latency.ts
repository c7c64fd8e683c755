// A slow BigQuery in front of the local fake: chosen queries take a while, jobs.query answers "not complete yet" at its
// timeoutMs as BigQuery does (keeping the job running), and jobs.cancel is recorded, so a deadline can be tested.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeBigQuery } from './bigquery.ts';

/** BigQuery waits this long for a query when the request names no timeoutMs. */
const DEFAULT_WAIT_MS = 10_000;

export interface SlowBigQuery {
  /** Pass as `apiEndpoint` to the BigQuery client. */
  url: string;
  /** Ids of the jobs cancelled through jobs.cancel, in order. */
  cancelled: string[];
  /** Ids of the jobs answered "not complete" and so left running. */
  running: string[];
  close(): Promise<void>;
}

/** `latencyMs(query)` is how long a query runs before the fake runs it; 0 passes it straight through. */
export async function startSlowBigQuery(
  fake: FakeBigQuery,
  latencyMs: (query: string) => number,
): Promise<SlowBigQuery> {
  const cancelled: string[] = [];
  const running: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function forward(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const answer = await fetch(new URL(req.url ?? '/', fake.url), {
      method: req.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  async function handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const cancel = /^\/bigquery\/v2\/projects\/([^/]+)\/jobs\/([^/]+)\/cancel$/.exec(pathname);
    if (req.method === 'POST' && cancel) {
      const jobId = cancel[2] as string;
      cancelled.push(jobId);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'bigquery#jobCancelResponse',
          job: {
            jobReference: { projectId: cancel[1], jobId, location: 'US' },
            status: { state: 'RUNNING' },
          },
        }),
      );
      return;
    }
    const isQuery = req.method === 'POST' && /^\/bigquery\/v2\/projects\/[^/]+\/queries$/.test(pathname);
    const request = isQuery
      ? (JSON.parse(body.toString('utf8') || '{}') as { query?: string; timeoutMs?: number })
      : {};
    const latency = isQuery ? latencyMs(String(request.query ?? '')) : 0;
    const wait = request.timeoutMs ?? DEFAULT_WAIT_MS;
    if (latency > wait) {
      await sleep(wait);
      const jobId = `job_${randomUUID()}`;
      running.push(jobId);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'bigquery#queryResponse',
          jobReference: { projectId: fake.projectId, jobId, location: 'US' },
          jobComplete: false,
        }),
      );
      return;
    }
    if (latency > 0) await sleep(latency);
    await forward(req, body, res);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, Buffer.concat(chunks), res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 500, message: String(err) } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cancelled,
    running,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
