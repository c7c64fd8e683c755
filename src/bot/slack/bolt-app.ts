// Builds a Bolt App for one bot token and API URL: no HTTP receiver of its own, auth.test once, rate limits retried.
import { App, type Logger as BoltLogger, LogLevel, type Receiver, webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { fromSlackError } from './slack-errors.ts';

/** What `auth.test` says about the installation the token belongs to. */
export interface SlackInstallation {
  teamId: string;
  botUserId: string;
  botId: string;
}

export interface BoltAppOptions {
  token: string;
  apiUrl: string;
  logger: Logger;
  /** Web API retry policy; Retry-After on a 429 is always honoured before the next attempt. */
  retryConfig?: webApi.RetryOptions;
}

export interface BoltAppHandle {
  app: App;
  /** A client holding the bot token, for posts that start outside a Slack request (the digest). */
  client: webApi.WebClient;
  /** The installed workspace (memoised; retried on the next call if auth.test failed). */
  installation(): Promise<SlackInstallation>;
}

/** A few quick retries: an answer waiting minutes on a retry is worse than a visible failure. */
export const DEFAULT_RETRY: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 200,
  maxTimeout: 3000,
};

/** Routes Bolt's and the WebClient's logging into our pino logger (which masks secrets). */
function boltLogger(logger: Logger): BoltLogger {
  const text = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
      .join(' ');
  return {
    debug: (...m: unknown[]) => logger.debug(text(m)),
    info: (...m: unknown[]) => logger.info(text(m)),
    warn: (...m: unknown[]) => logger.warn(text(m)),
    error: (...m: unknown[]) => logger.error(text(m)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/** Requests arrive through the door's `handle`, which calls `app.processEvent` itself. */
const externalReceiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

/** The WebClient options Titan uses everywhere: our API URL, our retry policy, our logger. */
function clientOptionsFor(options: BoltAppOptions, logger: BoltLogger): webApi.WebClientOptions {
  return { slackApiUrl: options.apiUrl, retryConfig: options.retryConfig ?? DEFAULT_RETRY, logger };
}

export function createBoltApp(options: BoltAppOptions): BoltAppHandle {
  let cached: Promise<SlackInstallation> | undefined;
  const installation = (): Promise<SlackInstallation> => {
    cached ??= app.client.auth
      .test({ token: options.token })
      .then((r) => ({ teamId: r.team_id ?? '', botUserId: r.user_id ?? '', botId: r.bot_id ?? '' }))
      .catch((err: unknown) => {
        cached = undefined;
        throw fromSlackError(err, 'auth.test');
      });
    return cached;
  };

  const logger = boltLogger(options.logger);
  const clientOptions = clientOptionsFor(options, logger);
  const app: App = new App({
    receiver: externalReceiver,
    logger,
    clientOptions,
    authorize: async () => {
      const inst = await installation();
      return { botToken: options.token, botUserId: inst.botUserId, botId: inst.botId, teamId: inst.teamId };
    },
  });
  return { app, client: new webApi.WebClient(options.token, clientOptions), installation };
}
