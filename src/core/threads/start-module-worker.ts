// Starts one of Titan's own modules in a worker thread or a child process: its JavaScript when this build is compiled,
// its TypeScript through tsx (module-boot.mjs) when running from sources. The compiled build needs no boot file.
import { type ChildProcess, type ForkOptions, fork } from 'node:child_process';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** True when this file runs as the JavaScript `npm run build` emitted, not as TypeScript through tsx. */
const COMPILED = import.meta.url.endsWith('.js');
const BOOT = new URL('./module-boot.mjs', import.meta.url);

/** The module `name` (e.g. './row-worker', no extension) beside `base` (the caller's import.meta.url), as this build runs it. */
export const moduleEntry = (base: string, name: string): string =>
  new URL(`${name}${COMPILED ? '.js' : '.ts'}`, base).href;

/**
 * A worker thread running the module. Its workerData gets `entry`, the module's URL, which the boot file imports
 * from sources.
 */
export function startModuleWorker(
  base: string,
  name: string,
  options: WorkerOptions & { workerData?: object } = {},
): Worker {
  const entry = moduleEntry(base, name);
  return new Worker(COMPILED ? new URL(entry) : BOOT, {
    ...options,
    workerData: { ...options.workerData, entry },
  });
}

/**
 * A child process running the module, with an IPC channel. For work a thread cannot be stopped in: native code
 * (a running SQLite statement) never returns to JavaScript, so only a process can be ended mid-call.
 */
export function forkModule(base: string, name: string, options: ForkOptions = {}): ChildProcess {
  const entry = moduleEntry(base, name);
  // Not the parent's execArgv: a test runner's or tsx's flags are not the child's business.
  const execArgv = options.execArgv ?? [];
  return COMPILED
    ? fork(new URL(entry), [], { ...options, execArgv })
    : fork(BOOT, [entry], { ...options, execArgv });
}
