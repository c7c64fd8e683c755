// The morning digest: at DIGEST_CRON in TITAN_TZ, the daily brief goes to every DIGEST_CHANNELS entry via its platform's poster.
import type { Analyst } from '../analyst/port.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { ConfigValues } from '../config/schema.ts';
import { toTitanError } from '../errors.ts';
import type { Locks } from '../locks/locks.ts';
import type { Logger } from '../logger.ts';
import type { Answer } from '../model/answer.ts';
import { DEFAULT_SCOPE, type Scope } from '../model/scope.ts';
import { checkCron } from './cron-pattern.ts';

/** Posts a brief to one platform's channels; which channels are its own it tells by their id's format. */
export interface DigestPoster {
  /** "slack", "teams" … (shown in outcomes and logs). */
  readonly platform: string;
  /** True when `channel` is an id of this platform (Slack "C0123ABCD", Teams "19:…@thread.tacv2"). */
  accepts(channel: string): boolean;
  post(channel: string, answer: Answer): Promise<void>;
}

export interface DigestOutcome {
  channel: string;
  platform: string | null;
  ok: boolean;
  /** Why the post failed (no poster for the id, not in the channel, …). */
  reason?: string;
}

/** Sets a one-shot timer; injected so tests fire the digest at its cron time without waiting. */
export type SetTimer = (fn: () => void, delayMs: number) => { cancel(): void };

export interface DigestOptions {
  getConfig: () => ConfigValues;
  /** TITAN_TZ: the cron is read in this time zone. */
  tz: string;
  analyst: Pick<Analyst, 'dailyBrief'>;
  /** Read at each run, so a poster registered later (Teams) is used without a restart. */
  posters: () => DigestPoster[];
  logger: Logger;
  clock?: Clock;
  scope?: Scope;
  /** With locks, two server processes never post the same scheduled digest twice. */
  locks?: Locks;
  setTimer?: SetTimer;
}

export interface DigestSchedule {
  /** Builds the brief once (no posting): what `titan digest` prints. */
  brief(): Promise<Answer>;
  /** Posts `answer` to every channel in DIGEST_CHANNELS; one failure never stops the others. */
  post(answer: Answer): Promise<DigestOutcome[]>;
  /** When the next scheduled run is, from now (null when DIGEST_CRON is unset or invalid: the digest is off). */
  nextRun(): Date | null;
  /** Arms the timer for the next run; each run arms the one after it. */
  start(): void;
  stop(): void;
  /** Re-reads DIGEST_CRON (call it when the config changes). */
  reschedule(): void;
  /** Resolves when a scheduled run in progress has finished (shutdown, tests). */
  idle(): Promise<void>;
}

/** setTimeout's ceiling; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The lease that marks one scheduled slot as posted; it outlives any clock skew between processes. */
const SLOT_LEASE_MS = 6 * 60 * 60_000;

const defaultSetTimer: SetTimer = (fn, delayMs) => {
  const t = setTimeout(fn, delayMs);
  t.unref?.();
  return { cancel: () => clearTimeout(t) };
};

/** Splits DIGEST_CHANNELS, ignoring blanks. */
export function digestChannels(config: ConfigValues): string[] {
  return (config.DIGEST_CHANNELS ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

export function createDigestSchedule(options: DigestOptions): DigestSchedule {
  const clock = options.clock ?? systemClock;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const scope = options.scope ?? DEFAULT_SCOPE;
  const log = options.logger.child({ component: 'digest' });
  let timer: { cancel(): void } | undefined;
  let running = false;
  let inProgress: Promise<void> = Promise.resolve();

  // Config checks DIGEST_CRON before storing it; a value that still fails here turns the digest off, never the process.
  const cron = () => {
    const pattern = options.getConfig().DIGEST_CRON;
    if (pattern === undefined) return null;
    const check = checkCron(pattern, options.tz);
    if (check.ok) return check.cron;
    log.warn({ reason: check.reason }, 'DIGEST_CRON is invalid: the morning digest is off');
    return null;
  };

  async function post(answer: Answer): Promise<DigestOutcome[]> {
    const outcomes: DigestOutcome[] = [];
    for (const channel of digestChannels(options.getConfig())) {
      const poster = options.posters().find((p) => p.accepts(channel));
      if (!poster) {
        outcomes.push({
          channel,
          platform: null,
          ok: false,
          reason: 'no connected chat platform uses this channel id',
        });
        continue;
      }
      try {
        await poster.post(channel, answer);
        outcomes.push({ channel, platform: poster.platform, ok: true });
      } catch (err) {
        const reason = toTitanError(err, 'chat.failed').message;
        log.warn({ channel, platform: poster.platform, reason }, 'digest post failed');
        outcomes.push({ channel, platform: poster.platform, ok: false, reason });
      }
    }
    return outcomes;
  }

  async function runSlot(slot: Date): Promise<void> {
    const work = async () => {
      const outcomes = await post(await options.analyst.dailyBrief(scope));
      log.info({ slot: slot.toISOString(), outcomes }, 'digest posted');
    };
    if (!options.locks) return work();
    // Taken and left to expire, not released: a second process reaching the same slot later finds it held.
    const lease = await options.locks.acquire(`digest:${slot.toISOString()}`, SLOT_LEASE_MS);
    if (lease) await work();
    else log.info({ slot: slot.toISOString() }, 'digest already posted by another process');
  }

  function arm(after: Date): void {
    const next = cron()?.nextRun(after);
    if (!next) return;
    const delay = next.getTime() - clock.now().getTime();
    timer = setTimer(
      () => {
        if (!running) return;
        // A long wait is taken in steps; only the step that reaches the slot runs the digest.
        if (clock.now().getTime() < next.getTime()) return arm(new Date(next.getTime() - 1));
        inProgress = runSlot(next)
          .catch((err: unknown) => log.error({ err: toTitanError(err) }, 'digest run failed'))
          .finally(() => {
            if (running) arm(new Date(Math.max(clock.now().getTime(), next.getTime()) + 1000));
          });
      },
      Math.min(Math.max(0, delay), MAX_TIMER_MS),
    );
  }

  return {
    brief: () => options.analyst.dailyBrief(scope),
    post,
    nextRun: () => cron()?.nextRun(clock.now()) ?? null,
    start() {
      if (running) return;
      running = true;
      arm(clock.now());
    },
    stop() {
      running = false;
      timer?.cancel();
      timer = undefined;
    },
    reschedule() {
      if (!running) return;
      timer?.cancel();
      arm(clock.now());
    },
    idle: () => inProgress,
  };
}
