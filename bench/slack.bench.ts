// 50 concurrent @titan mentions (then 50 assistant-thread messages) over HTTP against the local Slack fake, real
// analyst on the demo café: ack p99 (target < 300 ms), time to first status (target < 1 s), answer end to end p50/p95.
import { Hono } from 'hono';
import { startNodeServer } from '../src/admin/node-server.ts';
import { createSlackDoor } from '../src/bot/slack/slack-door.ts';
import { createAnalyst } from '../src/core/analyst/analyst.ts';
import { generateDemo } from '../src/core/analyst/demo/generate-demo.ts';
import { createLogger } from '../src/core/logger.ts';
import { createTaskService } from '../src/core/tasks/task-service.ts';
import { createSqliteWarehouse } from '../src/core/warehouse/sqlite.ts';
import { type RecordedCall, startFakeSlack } from '../test/fakes/slack.ts';
import { channelOf, MENTIONS, question, SECRET, sendFromWorker, type Way } from './slack-client.ts';
import { fmt, percentile } from './stats.ts';

const HEADING: Record<Way, string> = {
  mention: `${MENTIONS} concurrent mentions from another thread; real analyst on a 90-day demo café`,
  assistant: `then ${MENTIONS} concurrent messages in assistant threads`,
};
const FIRST_STATUS: Record<Way, string> = {
  mention: '"Working on it…" in the thread',
  assistant: 'assistant.threads.setStatus',
};

interface BurstFigures {
  acks: number[];
  firstStatus: number[];
  progress: number[];
  endToEnd: number[];
}

/** Sends MENTIONS questions of one way at once and reads, per question, when Slack saw what. */
async function burst(
  way: Way,
  url: string,
  calls: readonly RecordedCall[],
  idle: () => Promise<void>,
): Promise<BurstFigures> {
  const results = await sendFromWorker(
    url,
    Array.from({ length: MENTIONS }, (_, i) => JSON.stringify(question(way, i))),
  );
  const bad = results.findIndex((r) => r.status !== 200);
  if (bad >= 0) throw new Error(`${way} ${bad}: HTTP ${results[bad]!.status}`);
  await idle();

  const figures: BurstFigures = { acks: [], firstStatus: [], progress: [], endToEnd: [] };
  results.forEach(({ sent, acked }, i) => {
    const channel = channelOf(way, i);
    const mine = calls.filter((c) => c.body.channel === channel || c.body.channel_id === channel);
    const isAnswer = (c: RecordedCall) => JSON.stringify(c.body).includes('titan_feedback');
    const final = mine.find(
      (c) => (c.method === 'chat.update' || c.method === 'chat.postMessage') && isAnswer(c),
    );
    const shown =
      way === 'mention'
        ? mine.find((c) => c.method === 'chat.postMessage')
        : mine.find((c) => c.method === 'assistant.threads.setStatus');
    const progress = mine.find((c) => c.method === 'chat.update' && !isAnswer(c)) ?? final;
    if (!shown || !final || !progress) throw new Error(`${way} ${i}: no answer reached Slack`);
    figures.acks.push(acked - sent);
    figures.firstStatus.push(shown.at - sent);
    figures.progress.push(progress.at - sent);
    figures.endToEnd.push(final.at - sent);
  });
  return figures;
}

export async function run(): Promise<void> {
  const fake = await startFakeSlack();
  const warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  const clock = { now: () => new Date() };
  const endDate = new Date().toISOString().slice(0, 10);
  await generateDemo({ warehouse, endDate, days: 90 });
  const tasks = createTaskService({ warehouse, clock });
  const logger = createLogger({ level: 'silent', secrets: () => [] });
  const analyst = createAnalyst({ warehouse, tasks, clock, tz: 'Asia/Kolkata', logger });
  const config = {
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
  const adapter = createSlackDoor({ getConfig: () => config, analyst, tasks, warehouse, logger, clock });
  const handled: number[] = [];
  const app = new Hono().post('/slack/events', async (c) => {
    const t0 = performance.now();
    const response = await adapter.handle(c.req.raw);
    handled.push(performance.now() - t0);
    return response;
  });
  const server = await startNodeServer(app, 0, '127.0.0.1');
  // As `titan serve` does at start-up: the app is built and its token checked before Slack calls.
  await adapter.warmUp();
  const url = `http://127.0.0.1:${server.port}/slack/events`;

  const ms = (n: number) => `${fmt(n, 0)} ms`;
  const p = (xs: number[], a: number, b: number) =>
    `p${a} ${ms(percentile(xs, a))} · p${b} ${ms(percentile(xs, b))}`;
  try {
    for (const way of ['mention', 'assistant'] as const) {
      const f = await burst(way, url, fake.calls, () => adapter.idle());
      console.log(`   ${HEADING[way]}`);
      console.log(
        `   ack as Slack sees it: ${p(f.acks, 50, 99)} (target < 300 ms); in the handler: ${p(handled.splice(0), 50, 99)}`,
      );
      console.log(
        `   time to first status (${FIRST_STATUS[way]}): ${p(f.firstStatus, 50, 99)} (target < 1 s)`,
      );
      if (way === 'mention') {
        console.log(`   first progress line (queue position or analyst step): ${p(f.progress, 50, 99)}`);
      }
      console.log(`   answer end to end: ${p(f.endToEnd, 50, 95)}`);
    }
    console.log(
      `   Web API calls: ${fake.calls.length} (the fake shares our event loop, so Slack-side times are upper bounds)`,
    );
  } finally {
    await server.close();
    await fake.close();
    await warehouse.close();
  }
}
