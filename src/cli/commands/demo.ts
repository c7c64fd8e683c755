// `titan demo [--days 90] [--seed N]`: (re)generates the demo café into the warehouse, ending today in TITAN_TZ.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { dateInZone } from '../../core/analyst/calendar.ts';
import { DEMO_DEFAULTS, generateDemo } from '../../core/analyst/demo/generate-demo.ts';
import { formatCount } from '../../core/analyst/format.ts';
import { TitanError } from '../../core/errors.ts';
import type { Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';
import { parseScope, SCOPE_OPTIONS } from '../scope-options.ts';

const USAGE = 'Usage: titan demo [--days 90] [--seed N] [--org ID] [--location ID] [--json]';
const wholeNumber = z.coerce.number().int().min(0);

function numberOption(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = wholeNumber.safeParse(value);
  if (!parsed.success) throw new TitanError('request.invalid', `${flag} must be a whole number. ${USAGE}`);
  return parsed.data;
}

export const demo: Command = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      days: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      ...SCOPE_OPTIONS,
    },
  });
  const days = numberOption('--days', values.days, DEMO_DEFAULTS.days);
  const seed = numberOption('--seed', values.seed, DEMO_DEFAULTS.seed);
  const scope = parseScope(values);
  const titan = await openTitan();
  try {
    const { clock } = titan;
    const started = performance.now();
    const summary = await generateDemo({
      warehouse: titan.warehouse,
      scope,
      days,
      seed,
      endDate: dateInZone(clock.now(), titan.runtime.tz),
      now: () => clock.now(),
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      io.out(JSON.stringify({ ...summary, seconds: Math.round(seconds * 100) / 100 }, null, 2));
      return 0;
    }
    const rows = Object.entries(summary.rows).map(([table, n]) => `${formatCount(n)} ${table}`);
    io.out(
      `Demo café ${scope.orgId}/${scope.locationId}: ${summary.from} to ${summary.to} (seed ${seed}), ${seconds.toFixed(1)} s`,
    );
    io.out(`Rows: ${rows.join(', ')}`);
    io.out('Try: titan ask "where am I losing money?"  ·  titan ask "daily brief"');
    return 0;
  } finally {
    await titan.close();
  }
};
