// A schedule Titan will run: parsed by croner itself (so what config accepts is exactly what the scheduler runs), at most once a minute.
import { Cron } from 'croner';

/** The tightest schedule accepted: an hourly watcher and a morning brief never need more. */
const MIN_INTERVAL_MS = 60_000;
/** Enough consecutive runs to expose any sub-minute pattern (two seconds in one minute show up within four runs). */
const RUNS_CHECKED = 5;

export type CronCheck = { ok: true; cron: Cron } | { ok: false; reason: string };

/** Parses a 5-field (or 6-field, seconds first) cron in `timezone`; never throws. */
export function checkCron(pattern: string, timezone?: string): CronCheck {
  let cron: Cron;
  try {
    cron = new Cron(pattern, {
      paused: true,
      mode: '5-or-6-parts',
      ...(timezone === undefined ? {} : { timezone }),
    });
  } catch (err) {
    // croner's RangeError names the field ("Invalid value for hour: 25"); keep that part, not its class name.
    const why = err instanceof Error ? err.message.replace(/^CronPattern:\s*/, '') : String(err);
    return { ok: false, reason: `a cron expression such as "0 8 * * *" (${why})` };
  }
  const runs = cron.nextRuns(RUNS_CHECKED);
  if (runs.length === 0)
    return { ok: false, reason: 'a cron expression that runs at some time (this one never does)' };
  for (let i = 1; i < runs.length; i++) {
    if (runs[i]!.getTime() - runs[i - 1]!.getTime() < MIN_INTERVAL_MS) {
      return { ok: false, reason: 'a cron expression that runs at most once a minute' };
    }
  }
  return { ok: true, cron };
}
