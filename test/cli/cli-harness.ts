// Runs `titan …` in process against a temp data dir, capturing what it prints.
import { vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { runCommand } from '../../src/cli/run-command.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Points TITAN_DATA_DIR at `dataDir` (restored after the test) and returns a runner. */
export function titanIn(dataDir: string): (...argv: string[]) => Promise<CliRun> {
  vi.stubEnv('TITAN_DATA_DIR', dataDir);
  return async (...argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
    const code = await runCommand(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
