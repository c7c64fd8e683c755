// Serves a Hono app on Node (one HTTP server for the admin API, Slack and Teams) with timeouts and a clean shutdown.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { TitanError } from '../core/errors.ts';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** How long a client may take; a client over either limit is answered 408 and disconnected. */
export interface ServerTimeouts {
  /** From the first byte of a request to the end of its headers. Must not exceed `requestMs`. */
  headersMs: number;
  /** From the first byte of a request to the end of its body (not the time Titan takes to answer). */
  requestMs: number;
  /** How long an idle keep-alive connection is kept between requests. */
  keepAliveMs: number;
}

/**
 * Slack and Teams send a few KB at once and Slack wants its answer within 3 s, so a healthy client
 * finishes well inside these; 30 s still lets a 1 MiB admin body through a ~35 KB/s link.
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

export function startNodeServer(
  app: Hono,
  port: number,
  hostname = '0.0.0.0',
  timeouts: ServerTimeouts = DEFAULT_TIMEOUTS,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Node looks for overdue requests every 30 s by default, which would let one overrun a 30 s
      // limit by as much again; a tenth of the shorter (headers) limit bounds the overrun to 10%.
      connectionsCheckingInterval: Math.ceil(timeouts.headersMs / 10),
    };
    const server = serve({ fetch: app.fetch, port, hostname, serverOptions }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EADDRINUSE') return reject(err);
      reject(
        new TitanError(
          'conflict',
          `Port ${port} is already in use: stop the other server or set PORT to a free port.`,
        ),
      );
    });
  });
}
