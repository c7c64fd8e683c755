// The Teams SDK's ILogger over Titan's pino logger, so SDK lines are masked, levelled and structured like ours.
import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../core/logger.ts';

/** The SDK logs whole activity bodies at debug; those stay at debug (trace here) so user text is not logged by default. */
const LEVELS: Record<LogLevel, 'error' | 'warn' | 'info' | 'debug' | 'trace'> = {
  error: 'error',
  warn: 'warn',
  info: 'info',
  debug: 'trace',
  trace: 'trace',
};

function show(part: unknown): string {
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

function line(parts: unknown[]): { msg: string; err?: unknown } {
  const err = parts.find((p) => p instanceof Error);
  const msg = parts
    .filter((p) => !(p instanceof Error))
    .map(show)
    .join(' ');
  return err ? { msg, err } : { msg };
}

export function sdkLogger(logger: Logger, name = 'teams-sdk'): ILogger {
  const log = logger.child({ component: name });
  const write = (level: LogLevel, parts: unknown[]) => {
    const { msg, err } = line(parts);
    log[LEVELS[level]](err ? { err } : {}, msg);
  };
  return {
    error: (...msg: unknown[]) => write('error', msg),
    warn: (...msg: unknown[]) => write('warn', msg),
    info: (...msg: unknown[]) => write('info', msg),
    debug: (...msg: unknown[]) => write('debug', msg),
    trace: (...msg: unknown[]) => write('trace', msg),
    log: (level: LogLevel, ...msg: unknown[]) => write(level, msg),
    child: (child: string) => sdkLogger(logger, `${name}/${child}`),
  };
}
