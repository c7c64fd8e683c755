// PATCH /config throughput and p99 latency with 50 concurrent clients over a real HTTP server.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAdminApp } from '../src/admin/app.ts';
import { startNodeServer } from '../src/admin/node-server.ts';
import { createConfigVault } from '../src/core/config/vault.ts';
import { createLogger } from '../src/core/logger.ts';
import { createTitan } from '../src/core/titan.ts';
import { fmt, percentile } from './stats.ts';

const CLIENTS = 50;
const REQUESTS = 2_000;
const TOKEN = 'bench-admin-token-0123456789';

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'titan-bench-config-'));
  const vault = createConfigVault({ dataDir, env: {} });
  const logger = createLogger({ level: 'silent', secrets: () => vault.secretValues() });
  const runtime = {
    dataDir,
    port: 0,
    demo: false,
    adminToken: TOKEN,
    tz: 'Asia/Kolkata',
    logLevel: 'silent',
  };
  const titan = await createTitan({ runtime, vault, logger });
  const app = createAdminApp({ vault, health: titan.health, adminToken: TOKEN, logger });
  const server = await startNodeServer(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.port}/config`;
  try {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < REQUESTS) {
          const i = next++;
          const t0 = performance.now();
          const res = await fetch(url, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ PP_MAPPING_CODE: `rest-${i}` }),
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`PATCH answered ${res.status}`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `   PATCH /config, ${CLIENTS} concurrent clients, ${REQUESTS} requests (group-committed: each answer waits for its fsynced atomic write)`,
    );
    console.log(
      `   throughput ${fmt(REQUESTS / seconds)} req/s · p50 ${fmt(percentile(latencies, 50))} ms · p99 ${fmt(percentile(latencies, 99))} ms`,
    );
  } finally {
    await server.close();
    await titan.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
