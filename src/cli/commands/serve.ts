// `titan serve`: the HTTP server, the schedules and the demo seed, on the embedded defaults unless configured.
import { parseArgs } from 'node:util';
import { createAdminApp } from '../../admin/app.ts';
import { startNodeServer } from '../../admin/node-server.ts';
import { ensureAdminToken } from '../../core/config/admin-token.ts';
import { loadConfig } from '../../core/config/load-config.ts';
import { createTitan } from '../../core/titan.ts';
import type { Command } from '../io.ts';
import { renderStartupSummary } from '../startup-summary.ts';

export const serve: Command = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, json: { type: 'boolean' } },
  });
  const { runtime, vault } = loadConfig();
  const port = values.port === undefined ? runtime.port : Number(values.port);
  const token = await ensureAdminToken(runtime.dataDir, runtime.adminToken);
  const titan = await createTitan({ runtime, vault });
  const app = createAdminApp({
    vault,
    health: titan.health,
    adminToken: token.token,
    logger: titan.logger,
  });
  const server = await startNodeServer(app, port);
  const health = await titan.health();
  io.out(
    renderStartupSummary({
      port: server.port,
      dataDir: runtime.dataDir,
      health,
      token,
      demoSeeded: null,
      schedules: [],
    }),
  );

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      titan.logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await titan.close();
  io.err('Titan stopped.');
  return 0;
};
