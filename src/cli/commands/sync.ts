// `titan sync <name>`: runs one sync job now, under its lock; a second concurrent run is skipped and exits 0.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TitanError } from '../../core/errors.ts';
import { isSyncName, runSync, SYNC_NAMES } from '../../core/locks/sync-jobs.ts';
import { printableJson, printableText } from '../../core/model/printable.ts';
import type { Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';
import { parseScope, SCOPE_OPTIONS } from '../scope-options.ts';

const USAGE = `Usage: titan sync <${SYNC_NAMES.join('|')}> [--since YYYY-MM-DD] [--org ID] [--location ID] [--json]`;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { since: { type: 'string' }, json: { type: 'boolean' }, ...SCOPE_OPTIONS },
  });
  const name = positionals[0] ?? '';
  if (!isSyncName(name) || positionals.length > 1)
    throw new TitanError('request.invalid', `Name one thing to sync. ${USAGE}`);
  if (values.since !== undefined && !isoDay.safeParse(values.since).success) {
    throw new TitanError('request.invalid', '--since must be a date like 2026-11-01.');
  }
  return { name, since: values.since, scope: parseScope(values), json: values.json ?? false };
}

export const sync: Command = async (argv, io) => {
  const args = parse(argv);
  const titan = await openTitan();
  try {
    const jobs = titan.syncJobs({ scope: args.scope, ...(args.since ? { since: args.since } : {}) });
    const outcome = await runSync(titan.locks, jobs, args.name, {
      onStart: () => {
        if (!args.json) io.out(`Syncing ${args.name}…`);
      },
    });
    io.out(args.json ? printableJson({ name: args.name, ...outcome }) : printableText(outcome.message));
    return 0;
  } finally {
    await titan.close();
  }
};
