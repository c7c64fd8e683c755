// Structured logging (pino) that masks every configured secret value before a line is written.
import { type Logger, pino } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  /** Current secret values; read on every line so a PATCHed secret is masked at once. */
  secrets: () => readonly string[];
  /** Where lines go (tests capture them); stdout by default. */
  destination?: { write(line: string): void };
}

const MASK = '[secret]';

/** Replaces every occurrence of a secret value (and its JSON-escaped form) in a serialised line. */
export function maskSecrets(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const value of secrets) {
    if (value.length < 4) continue;
    out = out.split(value).join(MASK);
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) out = out.split(escaped).join(MASK);
  }
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const sink = options.destination ?? process.stdout;
  return pino(
    { level: options.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    { write: (line: string) => sink.write(maskSecrets(line, options.secrets())) },
  );
}
