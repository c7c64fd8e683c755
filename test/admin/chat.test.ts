// POST /api/v1/chat returns the same Answer as `titan ask`; /chat/stream sends true status lines, then the answer.
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/model/answer.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { type CafeApp, openCafeApp } from './cafe-app.ts';

const tmp = useTmpDirs();
let harness: CafeApp | undefined;
afterEach(async () => {
  await harness?.cafe.warehouse.close();
  harness = undefined;
});

/** Splits an SSE body into its events. */
function events(body: string): { event: string; data: unknown }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

describe('chat routes', () => {
  it('answers a question with the Answer JSON', async () => {
    harness = await openCafeApp(tmp(), 42);
    const res = await harness.call('POST', '/api/v1/chat', { message: 'where am I losing money?' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer).toMatchObject({ intent: 'leak-scan', path: 'offline' });
    expect(answer.findings.length).toBeGreaterThanOrEqual(5);
    expect(answer.sources.period).toMatchObject({ from: '2026-11-18', to: '2026-11-24' });
  });

  it('scopes the question by org and location', async () => {
    harness = await openCafeApp(tmp(), 42);
    const res = await harness.call('POST', '/api/v1/chat', {
      message: 'daily brief',
      org_id: 'cafe_002',
      location_id: 'coimbatore',
    });
    expect(((await res.json()) as Answer).headline).toBe('No data yet for `cafe_002` / `coimbatore`.');
  });

  it.each([
    [{}, 'message'],
    [{ message: '   ' }, 'message'],
    [{ message: 'hi', org_id: 'bad id!' }, 'org_id'],
    [{ message: 'hi', extra: 1 }, 'body'],
    ['not json', 'body'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    harness = await openCafeApp(tmp());
    const res = await harness.call('POST', '/api/v1/chat', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('request.invalid');
    if (field !== 'body') expect(json.error.message).toContain(field);
  });

  it('requires the admin token', async () => {
    harness = await openCafeApp(tmp());
    const res = await harness.call('POST', '/api/v1/chat', { message: 'help' }, 'wrong-token-wrong-token');
    expect(res.status).toBe(401);
  });

  it('streams status events with the true row count, then the answer', async () => {
    harness = await openCafeApp(tmp(), 42);
    const res = await harness.call('POST', '/api/v1/chat/stream', { message: 'where am I losing money?' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const stream = events(await res.text());
    const [count] = await harness.cafe.warehouse.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sales WHERE date BETWEEN '2026-11-18' AND '2026-11-24'",
    );
    expect(stream[0]).toEqual({
      event: 'status',
      data: { status: `Scanning ${count!.n.toLocaleString('en-IN')} sales lines…` },
    });
    expect(stream.filter((e) => e.event === 'status').length).toBeGreaterThan(3);
    const last = stream.at(-1)!;
    expect(last.event).toBe('answer');
    expect(last.data).toMatchObject({ intent: 'leak-scan', path: 'offline' });
  });

  it('refuses a bad streamed question before the stream opens', async () => {
    harness = await openCafeApp(tmp());
    const res = await harness.call('POST', '/api/v1/chat/stream', { nope: true });
    expect(res.status).toBe(400);
  });

  it('sends a failure inside the stream as an error event', async () => {
    harness = await openCafeApp(tmp(), 42);
    await harness.cafe.warehouse.close();
    const res = await harness.call('POST', '/api/v1/chat/stream', { message: 'where am I losing money?' });
    const stream = events(await res.text());
    expect(stream.at(-1)).toEqual({
      event: 'error',
      data: { code: expect.stringMatching(/^warehouse\./), message: 'Internal error; see the server log.' },
    });
    harness = undefined;
  });
});
