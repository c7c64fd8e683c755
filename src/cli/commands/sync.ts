// `titan sync <name>`: runs one sync job now, under its lock; a second concurrent run is skipped and exits 0.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../core/config/load-config.ts';
import { TitanError } from '../../core/errors.ts';
import { createIngestStack } from '../../core/ingest/ingest-stack.ts';
import { createLocks } from '../../core/locks/locks.ts';
import { isSyncName, runSync, SYNC_NAMES, type SyncJobs } from '../../core/locks/sync-jobs.ts';
import { createLogger } from '../../core/logger.ts';
import { DEFAULT_SCOPE } from '../../core/model/scope.ts';
import { createSalesSyncJob } from '../../core/pos/sales-sync-job.ts';
import { createTitan } from '../../core/titan.ts';
import type { Command } from '../io.ts';

const USAGE = `Usage: titan sync <${SYNC_NAMES.join('|')}> [--since YYYY-MM-DD] [--org ID] [--location ID] [--json]`;
const scopeId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits, _ . or -');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-01');

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      since: { type: 'string' },
      org: { type: 'string' },
      location: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const name = positionals[0] ?? '';
  if (!isSyncName(name) || positionals.length > 1)
    throw new TitanError('request.invalid', `Name one thing to sync. ${USAGE}`);
  for (const [flag, value, schema] of [
    ['--since', values.since, isoDay],
    ['--org', values.org, scopeId],
    ['--location', values.location, scopeId],
  ] as const) {
    const parsed = value === undefined ? null : schema.safeParse(value);
    if (parsed && !parsed.success)
      throw new TitanError('request.invalid', `${flag} must be ${parsed.error.issues[0]?.message}.`);
  }
  return {
    name,
    since: values.since,
    scope: {
      orgId: values.org ?? DEFAULT_SCOPE.orgId,
      locationId: values.location ?? DEFAULT_SCOPE.locationId,
    },
    json: values.json ?? false,
  };
}

export const sync: Command = async (argv, io) => {
  const args = parse(argv);
  const { runtime, vault } = loadConfig();
  // Log lines go to stderr, so stdout carries only "Syncing …" and the result.
  const logger = createLogger({
    level: runtime.logLevel,
    secrets: () => vault.secretValues(),
    destination: { write: (line) => process.stderr.write(line) },
  });
  const titan = await createTitan({ runtime, vault, logger });
  try {
    // Until the composition root owns the locks and the job registry, the command builds them from its parts.
    const locks = createLocks({ warehouse: titan.warehouse, clock: titan.clock, logger });
    const { watcher } = createIngestStack({
      warehouse: titan.warehouse,
      locks,
      config: () => vault.get(),
      dataDir: runtime.dataDir,
      logger,
      clock: titan.clock,
      timezone: runtime.tz,
    });
    const jobs: SyncJobs = {
      sales: createSalesSyncJob({
        warehouse: titan.warehouse,
        config: () => vault.get(),
        scope: args.scope,
        timeZone: runtime.tz,
        clock: titan.clock,
        ...(args.since ? { since: args.since } : {}),
      }),
      expenses: watcher.syncJob('expenses'),
      purchases: watcher.syncJob('purchases'),
      inventory: watcher.syncJob('inventory'),
    };
    const outcome = await runSync(locks, jobs, args.name, {
      onStart: () => {
        if (!args.json) io.out(`Syncing ${args.name}…`);
      },
    });
    io.out(args.json ? JSON.stringify({ name: args.name, ...outcome }) : outcome.message);
    return 0;
  } finally {
    await titan.close();
  }
};
