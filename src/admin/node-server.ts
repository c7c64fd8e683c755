// Serves a Hono app on Node (one HTTP server for the admin API, Slack and Teams) with a clean shutdown.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { TitanError } from '../core/errors.ts';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export function startNodeServer(app: Hono, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
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
