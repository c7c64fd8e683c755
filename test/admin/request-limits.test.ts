// What a slow or unauthenticated client costs the real server: timeouts end a dripped body, the admin token is
// checked before any body is read, and the webhooks keep the size limit.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerTimeouts, startNodeServer } from '../../src/admin/node-server.ts';
import { ADMIN_TOKEN, type AdminHarness, createAdminHarness } from '../helpers/admin-harness.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
const sockets: Socket[] = [];
let server: RunningServer | undefined;
let harness: AdminHarness | undefined;
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  await harness?.titan.close();
  server = undefined;
  harness = undefined;
});

async function serve(timeouts?: ServerTimeouts): Promise<number> {
  harness = await createAdminHarness(tmp());
  server = await startNodeServer(harness.app, 0, '127.0.0.1', timeouts);
  return server.port;
}

interface Connection {
  socket: Socket;
  /** The first bytes the server sends, or '' if it hangs up without a word. */
  firstBytes: Promise<string>;
  /** Everything the server sent, once it has hung up. */
  closed: Promise<string>;
}

function open(port: number, head: string): Promise<Connection> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      resolve({ socket, firstBytes, closed });
    });
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    // The server may reset the connection while we are still writing; that is a hang-up like any other.
    socket.on('error', () => undefined);
    const closed = new Promise<string>((done) => socket.once('close', () => done(received)));
    const firstBytes = Promise.race([
      new Promise<string>((done) => socket.once('data', (chunk: Buffer) => done(chunk.toString()))),
      closed,
    ]);
  });
}

/** Writes one piece every `everyMs`, like a client on a bad link; the result says whether the last one went out. */
function drip(socket: Socket, pieces: string[], everyMs: number): () => boolean {
  let next = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(pieces[next++]!);
    if (next === pieces.length) clearInterval(timer);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
  return () => next === pieces.length;
}

// 83 bytes, as in the report: a valid PATCH padded with JSON whitespace.
const BODY = JSON.stringify({ PP_MAPPING_CODE: 'rest123' }).padEnd(83, ' ');
const head = (method: string, path: string, headers: string[]) =>
  [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    ...headers,
    '',
    '',
  ].join('\r\n');
const chunk = (data: string) => `${data.length.toString(16)}\r\n${data}\r\n`;

describe('the real server under slow and unauthenticated bodies', () => {
  it('answers 408 and hangs up on a body dripped slower than the request timeout, never 200', async () => {
    const port = await serve({ headersMs: 200, requestMs: 300, keepAliveMs: 300 });
    const conn = await open(
      port,
      head('PATCH', '/config', [`Authorization: Bearer ${ADMIN_TOKEN}`, `Content-Length: ${BODY.length}`]),
    );
    const sentAll = drip(conn.socket, [...BODY], 40);

    expect(await conn.firstBytes).toMatch(/^HTTP\/1\.1 408 /);
    await conn.closed;
    expect(sentAll()).toBe(false);
    expect(harness?.titan.vault.get().PP_MAPPING_CODE).toBeUndefined();
  });

  it('answers a wrong token 401 while its body is still arriving', async () => {
    const port = await serve();
    const conn = await open(
      port,
      head('PATCH', '/config', [
        'Authorization: Bearer wrong-token-wrong-token-wrong',
        'Transfer-Encoding: chunked',
      ]),
    );
    const sentAll = drip(conn.socket, [...[...BODY].map(chunk), '0\r\n\r\n'], 40);

    expect(await conn.firstBytes).toMatch(/^HTTP\/1\.1 401 /);
    expect(sentAll()).toBe(false);
  });

  it.each(['/slack/events', '/api/messages'])(
    'still refuses a chunked body over 1 MiB to %s with 413',
    async (path) => {
      const port = await serve();
      const conn = await open(port, head('POST', path, ['Transfer-Encoding: chunked']));
      conn.socket.write(chunk('x'.repeat(1024 * 1024 + 1)));

      expect(await conn.firstBytes).toMatch(/^HTTP\/1\.1 413 /);
    },
  );
});
