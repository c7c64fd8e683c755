// Slack acks while Titan is answering: 50 concurrent @titan mentions on a 365-day café, then 50 more trickling
// in (one every 20 ms) while those are answered; the trickle's ack p99, with Titan served as `titan serve` serves
// it (the core's read pool, the doors' shared ask queue), against a bare Bolt app that only acks, in the same run,
// and with answers read in-process for contrast. Target: Titan's ack p99 under that load ≤ 1.5× the bare app's.
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { Hono } from 'hono';
import { startNodeServer } from '../src/admin/node-server.ts';
import { createAskQueue } from '../src/bot/ask-queue.ts';
import { createSlackDoor } from '../src/bot/slack/slack-door.ts';
import { startFakeSlack } from '../test/fakes/slack.ts';
import { openDemoTitan } from './demo-cafe.ts';
import { MENTIONS, question, SECRET, sendFromWorker } from './slack-client.ts';
import { fmt, percentile } from './stats.ts';

const DAYS = 365;
const BILLS_PER_DAY = 300;
/** Bursts per server, alternating; the figure is the median of their p99s. */
const ROUNDS = 5;
const TARGET_RATIO = 1.5;

interface Server {
  url: string;
  /** Resolves when the answers this burst started have all been posted. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

async function bareBolt(apiUrl: string): Promise<Server> {
  const app = new App({
    token: 'xoxb-bench-token',
    signingSecret: SECRET,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.event('app_mention', async () => {});
  const server = await app.start(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    idle: async () => {},
    close: async () => {
      await app.stop();
    },
  };
}

async function titanServer(apiUrl: string, readPool: boolean): Promise<Server & { lines: number }> {
  const cafe = await openDemoTitan(DAYS, BILLS_PER_DAY, { readPool });
  const { titan } = cafe;
  const config = { SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl };
  const door = createSlackDoor({
    getConfig: () => config,
    analyst: titan.analyst,
    tasks: titan.tasks,
    warehouse: titan.warehouse,
    logger: titan.logger,
    // Slack's request timestamps are checked against the wall clock; the café's own clock stays on its morning.
    clock: { now: () => new Date() },
    // As createChatSurfaces builds it for `titan serve`.
    queue: createAskQueue(titan.answerConcurrency),
  });
  const app = new Hono().post('/slack/events', (c) => door.handle(c.req.raw));
  const server = await startNodeServer(app, 0, '127.0.0.1');
  await door.warmUp();
  return {
    url: `http://127.0.0.1:${server.port}/slack/events`,
    lines: cafe.salesLines,
    idle: () => door.idle(),
    async close() {
      await server.close();
      await cafe.close();
    },
  };
}

/** Mentions sent one every 20 ms while the burst is answered: their acks are the ones the load could delay. */
const PROBES = 50;
const PROBE_SPACING_MS = 20;

/** One burst of MENTIONS questions, then PROBES mentions trickling in while it is answered: the probes' ack p99. */
async function ackP99UnderLoad(server: Server, round: number): Promise<number> {
  const send = async (bodies: string[], spacingMs = 0) => {
    const results = await sendFromWorker(server.url, bodies, spacingMs);
    const bad = results.find((r) => r.status !== 200);
    if (bad) throw new Error(`HTTP ${bad.status} from ${server.url}`);
    return results;
  };
  const load = Array.from({ length: MENTIONS }, (_, i) => JSON.stringify(question('mention', i, round)));
  const probes = Array.from({ length: PROBES }, (_, i) =>
    JSON.stringify(question('mention', MENTIONS + i, round)),
  );
  await send(load);
  const results = await send(probes, PROBE_SPACING_MS);
  await server.idle();
  return percentile(
    results.map((r) => r.acked - r.sent),
    99,
  );
}

export async function run(): Promise<void> {
  const fake = await startFakeSlack();
  const bare = await bareBolt(fake.apiUrl);
  const pooled = await titanServer(fake.apiUrl, true);
  const inProcess = await titanServer(fake.apiUrl, false);
  const p99s = { bare: [] as number[], pooled: [] as number[], inProcess: [] as number[] };
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      p99s.bare.push(await ackP99UnderLoad(bare, round));
      p99s.pooled.push(await ackP99UnderLoad(pooled, round));
      p99s.inProcess.push(await ackP99UnderLoad(inProcess, round));
    }
  } finally {
    await Promise.all([bare.close(), pooled.close(), inProcess.close()]);
    await fake.close();
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const [b, p, i] = [median(p99s.bare), median(p99s.pooled), median(p99s.inProcess)];
  const ratio = p / b;
  console.log(
    `   ${MENTIONS} concurrent mentions answered on a ${DAYS}-day café (${fmt(pooled.lines, 0)} sales lines); ack p99 of ${PROBES} more sent one every ${PROBE_SPACING_MS} ms meanwhile, median of ${ROUNDS} rounds`,
  );
  console.log(`   bare Bolt app (acks only):          ${fmt(b, 0)} ms`);
  console.log(
    `   Titan, answers on the read pool:     ${fmt(p, 0)} ms → ${fmt(ratio, 2)}× the bare app (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`,
  );
  console.log(`   Titan, answers read in-process:      ${fmt(i, 0)} ms → ${fmt(i / b, 2)}× the bare app`);
}
