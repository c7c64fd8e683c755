// Opens the core for a one-shot command: config from the environment, logs on stderr so stdout stays the output.
import { loadConfig } from '../core/config/load-config.ts';
import { createLogger } from '../core/logger.ts';
import { createTitan, type Titan } from '../core/titan.ts';

export async function openTitan(options: { logLevel?: string } = {}): Promise<Titan> {
  const { runtime, vault } = loadConfig();
  const logger = createLogger({
    // One-shot commands stay quiet unless something goes wrong; TITAN_LOG_LEVEL=debug shows more.
    level: options.logLevel ?? (runtime.logLevel === 'info' ? 'warn' : runtime.logLevel),
    secrets: () => vault.secretValues(),
    destination: process.stderr,
  });
  // One command, one question at most: nothing else waits on this event loop, so a reader process would only
  // add its start-up (the read pool is for `titan serve`, where the doors must stay responsive).
  return createTitan({ runtime, vault, logger, readPool: false });
}
