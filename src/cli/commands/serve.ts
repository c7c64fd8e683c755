// `titan serve`: one HTTP server (admin API, Slack, Teams), the schedules and the first-start demo seed.
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startNodeServer } from '../../admin/node-server.ts';
import { createTitanApp } from '../../admin/titan-app.ts';
import { createChatSurfaces } from '../../bot/chat-surfaces.ts';
import { seedDemoIfEmpty } from '../../core/analyst/demo/seed-if-empty.ts';
import { formatCount } from '../../core/analyst/format.ts';
import { ensureAdminToken } from '../../core/config/admin-token.ts';
import { loadConfig } from '../../core/config/load-config.ts';
import { TitanError } from '../../core/errors.ts';
import { defaultInbox } from '../../core/ingest/category-folders.ts';
import { createTitan, type Titan } from '../../core/titan.ts';
import { CATEGORIES } from '../../core/warehouse/tables.ts';
import type { Command } from '../io.ts';
import { renderStartupSummary } from '../startup-summary.ts';

async function createInboxes(dataDir: string): Promise<void> {
  for (const category of CATEGORIES) {
    const inbox = defaultInbox(dataDir, category);
    for (const dir of [inbox.watch, inbox.archive, inbox.failed]) await mkdir(dir, { recursive: true });
  }
}

async function seedDemo(titan: Titan): Promise<string | null> {
  if (!titan.runtime.demo) return null;
  const seeded = await seedDemoIfEmpty({
    warehouse: titan.warehouse,
    clock: titan.clock,
    tz: titan.runtime.tz,
  });
  if (!seeded) return null;
  return `seeded the demo café ${seeded.scope.orgId}/${seeded.scope.locationId}: ${seeded.from} to ${seeded.to}, ${formatCount(seeded.rows.sales)} sales lines (TITAN_DEMO=0 to skip)`;
}

function describeSchedules(next: Date | null, tz: string): string[] {
  const when = next?.toLocaleString('en-IN', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' });
  return [
    'folder watch hourly (inbox/<category>/ → archive/ or failed/)',
    `morning digest ${when ? `next ${when} (${tz}) to DIGEST_CHANNELS` : 'off (DIGEST_CRON is not set or not valid)'}`,
  ];
}

const waitForSignal = () =>
  new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

export const serve: Command = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, json: { type: 'boolean' } },
  });
  const { runtime, vault } = loadConfig();
  const port = values.port === undefined ? runtime.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TitanError('request.invalid', `--port must be a port number, got ${values.port}.`);
  }
  const token = await ensureAdminToken(runtime.dataDir, runtime.adminToken);
  const titan = await createTitan({ runtime, vault });
  const { logger } = titan;
  await createInboxes(runtime.dataDir);
  const demoSeeded = await seedDemo(titan);

  const surfaces = createChatSurfaces(titan);
  const app = createTitanApp({ titan, adminToken: token.token, webhooks: surfaces.webhooks });
  const server = await startNodeServer(app, port);
  const digest = surfaces.digest();
  const stopAll = async (): Promise<void> => {
    digest.stop();
    titan.watcher.stop();
    await server.close();
    await Promise.all([digest.idle(), surfaces.idle()]);
    await titan.close();
  };

  let unsubscribe = () => {};
  try {
    digest.start();
    titan.watcher.start();
    const warmUpSlack = () =>
      surfaces.slack
        .warmUp()
        .catch((err: unknown) => logger.warn({ err: String(err) }, 'Slack is not reachable yet'));
    void warmUpSlack();
    // The vault catches a listener that throws and names it in /health; this one logs it too.
    unsubscribe = vault.subscribe((_values, changed) => {
      try {
        if (changed.includes('DIGEST_CRON')) digest.reschedule();
        if (changed.some((k) => k === 'SLACK_BOT_TOKEN' || k === 'SLACK_API_URL')) void warmUpSlack();
      } catch (err) {
        logger.error({ err: String(err), changed }, 'a configuration change could not be applied');
        throw err;
      }
    });
    io.out(
      renderStartupSummary({
        port: server.port,
        dataDir: runtime.dataDir,
        health: await titan.health(),
        token,
        demoSeeded,
        schedules: describeSchedules(digest.nextRun(), runtime.tz),
      }),
    );
  } catch (err) {
    // Never half-alive: a start that fails past the listen closes the server too, and says why.
    await stopAll();
    throw err;
  }

  const signal = await waitForSignal();
  logger.info({ signal }, 'shutting down');
  unsubscribe();
  await stopAll();
  io.err('Titan stopped.');
  return 0;
};
