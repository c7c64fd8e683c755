// Answers warehouse reads on a few reader processes, each with a read-only connection to the SQLite file (WAL lets them
// read while the main connection writes): queries run off the event loop, several at once, and one past its deadline
// is stopped by ending its reader, which the pool replaces.
//
// Processes, not worker threads: a better-sqlite3 query is one native call that never returns to JavaScript until it
// is done, so worker.terminate() waits for it (a runaway query kept terminate() pending past 5 s, and would for
// hours); a process is ended at once.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { TitanError } from '../errors.ts';
import { forkModule } from '../threads/start-module-worker.ts';
import type { QueryOptions, Row, SqlParams } from './port.ts';
import { readTimedOut } from './read-timeout.ts';
import type { FromReader, ReaderSettings, ToReader } from './sqlite-read-messages.ts';

export interface SqliteReadPoolOptions {
  /** The warehouse file; it must exist (the main connection creates and migrates it first). */
  path: string;
  /** Readers at most; started as queries need them. Default: the cores, 2 to 4. */
  size?: number;
  /** How long a reader waits on a lock (a checkpoint) before failing. */
  busyTimeoutMs?: number;
}

/** Whether the pool can answer now, for /health. */
export interface ReadPoolHealth {
  /**
   * A reader answered a probe read in time, or every reader is alive and busy with other reads (a burst of heavy
   * questions is a pool at work, and each read ends by its deadline; reporting it down would get the server
   * restarted mid-burst).
   */
  ok: boolean;
  /** Reader processes alive; they start as reads need them (the probe starts one). */
  alive: number;
  /** Of those, the ones running a read. */
  busy: number;
  size: number;
  /** Why the probe failed, or that it waited behind busy readers. */
  detail?: string;
}

export interface SqliteReadPool {
  readonly size: number;
  /** Runs one read on a free reader (queued until one is); `deadlineMs` counts from this call. */
  query<T = Row>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T[]>;
  /**
   * Probes the pool with a read of the file's schema, ahead of queued reads, within `probeMs`: not ok when no reader
   * can answer (none can start or open the file); waiting behind readers all busy with reads is ok, with a detail.
   */
  health(probeMs?: number): Promise<ReadPoolHealth>;
  /** The process ids of the readers alive now. */
  pids(): number[];
  /** Ends every reader and fails what is queued; resolves when every reader process has exited. Safe to call twice. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  sql: string;
  params: SqlParams | undefined;
  deadlineMs: number | undefined;
  resolve(rows: Row[]): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
  reader?: Reader;
}

interface Reader {
  child: ChildProcess;
  job?: Job;
  exited: Promise<void>;
}

/** Long enough for a reader to start on a busy machine, short enough for a load balancer's health check. */
const DEFAULT_PROBE_MS = 3_000;
const PROBE = 'SELECT COUNT(*) AS n FROM sqlite_master';

export const defaultPoolSize = (): number => Math.min(4, Math.max(2, os.availableParallelism()));

const closing = (): TitanError =>
  new TitanError('warehouse.unavailable', 'The warehouse is closing; ask again in a moment.');

export function createSqliteReadPool(options: SqliteReadPoolOptions): SqliteReadPool {
  const size = options.size ?? defaultPoolSize();
  const settings: ReaderSettings = {
    path: path.resolve(options.path),
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
  };
  const readers = new Set<Reader>();
  const exiting = new Set<Promise<void>>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let hooked = false;

  // A reader left running when this process exits without close() would finish its query alone.
  const killAll = (): void => {
    for (const reader of readers) reader.child.kill('SIGKILL');
  };

  function finish(job: Job, outcome: { rows: Row[] } | { error: Error }): void {
    clearTimeout(job.timer);
    if (job.reader) {
      job.reader.job = undefined;
      // An idle reader does not keep this process alive.
      job.reader.child.channel?.unref();
      job.reader = undefined;
    }
    if ('rows' in outcome) job.resolve(outcome.rows);
    else job.reject(outcome.error);
  }

  /** Kills a reader (it may be mid-query); its exit is awaited by close(). */
  function end(reader: Reader): void {
    readers.delete(reader);
    const { child } = reader;
    // A child that never started (or already exited) has no exit left to wait for.
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    // Referenced again, so close() can wait for the exit: nothing else may be keeping this process alive.
    child.ref();
    child.kill('SIGKILL');
    exiting.add(reader.exited);
    void reader.exited.then(() => exiting.delete(reader.exited));
  }

  function lost(reader: Reader, why: string): void {
    if (!readers.has(reader)) return;
    const job = reader.job;
    end(reader);
    if (job) {
      finish(job, {
        error: new TitanError(
          'warehouse.query_failed',
          `The SQLite reader stopped unexpectedly (${why}); ask again.`,
        ),
      });
    }
    pump();
  }

  function spawn(): Reader {
    if (!hooked) process.once('exit', killAll);
    hooked = true;
    const child = forkModule(import.meta.url, './sqlite-read-worker', { serialization: 'advanced' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const reader: Reader = { child, exited };
    readers.add(reader);
    // Idle, a reader does not keep this process alive (pump() references its channel while it has a query).
    child.unref();
    child.channel?.unref();
    child.on('message', (reply: FromReader) => {
      const job = reader.job;
      if (!job || job.id !== reply.id) return;
      if ('rows' in reply) finish(job, { rows: reply.rows });
      else finish(job, { error: new TitanError(reply.error.code, reply.error.message) });
      pump();
    });
    child.on('error', (err) => lost(reader, err.message));
    child.on('exit', (code, signal) => lost(reader, signal ?? `exit code ${code}`));
    send(reader, { kind: 'open', settings });
    return reader;
  }

  function send(reader: Reader, message: ToReader): void {
    reader.child.send(message, (err) => {
      if (err) lost(reader, err.message);
    });
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let reader = [...readers].find((r) => !r.job);
      if (!reader && readers.size < size) reader = spawn();
      if (!reader) return;
      const job = queue.shift()!;
      reader.job = job;
      job.reader = reader;
      // Busy, it keeps this process alive until it answers, like a query on the main thread would.
      reader.child.channel?.ref();
      send(reader, { kind: 'read', id: job.id, sql: job.sql, ...(job.params ? { params: job.params } : {}) });
    }
  }

  function expire(job: Job): void {
    const ms = job.deadlineMs!;
    const reader = job.reader;
    if (reader) {
      end(reader);
      // The replacement starts now, so the next question does not wait for it.
      if (!closed) spawn();
    } else {
      queue.splice(queue.indexOf(job), 1);
    }
    finish(job, { error: readTimedOut(ms) });
    pump();
  }

  /** Queues one read (`first`: ahead of the others) and runs it on the next free reader. */
  function submit(
    sql: string,
    params: SqlParams | undefined,
    deadlineMs: number | undefined,
    first = false,
  ): Promise<Row[]> {
    if (closed) return Promise.reject(closing());
    return new Promise<Row[]>((resolve, reject) => {
      const job: Job = { id: nextId++, sql, params, deadlineMs, resolve, reject };
      if (deadlineMs !== undefined) job.timer = setTimeout(() => expire(job), deadlineMs);
      if (first) queue.unshift(job);
      else queue.push(job);
      pump();
    });
  }

  const counts = () => ({ alive: readers.size, busy: [...readers].filter((r) => r.job).length, size });

  return {
    size,
    query: <T = Row>(sql: string, params?: SqlParams, queryOptions: QueryOptions = {}) =>
      submit(sql, params, queryOptions.deadlineMs) as Promise<T[]>,
    async health(probeMs = DEFAULT_PROBE_MS) {
      try {
        // First in the queue: a backlog of questions is not a pool that cannot answer.
        await submit(PROBE, undefined, probeMs, true);
        return { ok: true, ...counts() };
      } catch (err) {
        const now = counts();
        if (!(err instanceof TitanError && err.code === 'warehouse.timeout')) {
          return { ok: false, ...now, detail: (err as Error).message };
        }
        const working = now.alive > 0 && now.busy === now.alive;
        const detail = `no reader answered within ${probeMs} ms (${now.busy} of ${size} busy with other reads)`;
        return { ok: working, ...now, detail };
      }
    },
    pids: () => [...readers].flatMap((r) => (r.child.pid === undefined ? [] : [r.child.pid])),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) finish(job, { error: closing() });
      for (const reader of [...readers]) {
        const job = reader.job;
        end(reader);
        if (job) finish(job, { error: closing() });
      }
      process.removeListener('exit', killAll);
      await Promise.all([...exiting]);
    },
  };
}
