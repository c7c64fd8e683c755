// Slack as another machine for the benches: signed Events API bodies of a burst of questions, sent from a worker
// thread so the client's own work never waits on the server's event loop.
import { Worker } from 'node:worker_threads';

export const MENTIONS = 50;
export const SECRET = 'bench-signing-secret-0123456789';
const QUESTIONS = ['Scan for profit leaks', 'Daily brief', 'Revenue trend', 'Wastage this week'];

export type Way = 'mention' | 'assistant';

/**
 * The i-th question of a burst: an @titan mention in its own channel, or a message in its own assistant thread.
 * `round` keeps event ids apart across bursts, so a later burst is never taken for Slack retrying an earlier one.
 */
export function question(way: Way, i: number, round = 0) {
  const ts = `1768451400.${String(i).padStart(6, '0')}`;
  const text = QUESTIONS[i % QUESTIONS.length]!;
  return {
    type: 'event_callback',
    team_id: 'T111',
    api_app_id: 'A111',
    event_id: `EvBench-${way}-${round}-${i}`,
    event_time: Math.floor(Date.now() / 1000),
    event:
      way === 'mention'
        ? {
            type: 'app_mention',
            user: 'UOWNER',
            text: `<@UBOT> ${text}`,
            ts,
            channel: channelOf(way, i),
            event_ts: ts,
          }
        : {
            type: 'message',
            channel_type: 'im',
            user: 'UOWNER',
            text,
            ts: `1768451500.${String(i).padStart(6, '0')}`,
            thread_ts: ts,
            channel: channelOf(way, i),
            event_ts: ts,
          },
  };
}

export const channelOf = (way: Way, i: number) =>
  `${way === 'mention' ? 'C' : 'D'}BENCH${String(i).padStart(3, '0')}`;

/**
 * Slack is another machine: the load comes from a worker thread, so the client's own work never waits on the
 * server's event loop and the ack times are what Slack would see.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const now = () => performance.timeOrigin + performance.now();
Promise.all(workerData.bodies.map(async (body, i) => {
  if (workerData.spacingMs) await new Promise((r) => setTimeout(r, i * workerData.spacingMs));
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = 'v0=' + createHmac('sha256', workerData.secret).update('v0:' + ts + ':' + body).digest('hex');
  const sent = now();
  const res = await fetch(workerData.url, { method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': sig } });
  await res.arrayBuffer();
  return { sent, acked: now(), status: res.status };
})).then((results) => parentPort.postMessage(results));
`;

/** Sends `bodies` at once, or one every `spacingMs` (a steady trickle while other work runs). */
export function sendFromWorker(
  url: string,
  bodies: string[],
  spacingMs = 0,
): Promise<{ sent: number; acked: number; status: number }[]> {
  const worker = new Worker(CLIENT, { eval: true, workerData: { url, secret: SECRET, bodies, spacingMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', (results) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
