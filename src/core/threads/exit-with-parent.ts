// Ends this child process once the process that started it is gone, even while its main thread is stuck in native code.
//
// The IPC 'disconnect' event reaches only an event loop that turns: a reader inside a long better-sqlite3 call would
// finish its query alone (for hours) after its server was SIGKILLed, since no exit hook runs then. So a small thread
// watches instead: when this process is re-parented (its parent died, whatever the signal), it kills the whole process.
import { Worker } from 'node:worker_threads';

/** How often the watchdog looks: how long an orphaned child lives at most. */
const DEFAULT_EVERY_MS = 250;

// Plain CommonJS evaluated in the thread: no module of ours to load, so the watchdog starts in a few ms. SIGKILL, not
// process.exit(), which in a worker thread ends only that thread.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL');
}, workerData.everyMs);
`;

/**
 * Starts the watchdog thread, and ends this process at once when the parent disconnects while its loop is free.
 * `onDisconnect` runs first (close a handle); the thread never keeps the process alive by itself.
 */
export function exitWithParent(options: { everyMs?: number; onDisconnect?: () => void } = {}): void {
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    // Not this process's flags (a loader it was started with): the watchdog needs none.
    execArgv: [],
    workerData: { parent: process.ppid, everyMs: options.everyMs ?? DEFAULT_EVERY_MS },
  });
  watchdog.unref();
  process.on('disconnect', () => {
    options.onDisconnect?.();
    process.exit(0);
  });
}
