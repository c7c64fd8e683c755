// Runs the real `titan` command as a child process on a temp data dir, for CLI tests.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../../bin/titan.js');

export interface TitanRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `titan …args` with only the environment a user would set; the caller kills or awaits it. */
export function runTitan(args: string[], env: Record<string, string>): TitanRun {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      // Tests run the sources, never a build that may be older than them.
      TITAN_FROM_SOURCES: '1',
      TITAN_LOG_LEVEL: 'silent',
      METADATA_SERVER_DETECTION: 'none',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const done = new Promise<Awaited<TitanRun['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}
