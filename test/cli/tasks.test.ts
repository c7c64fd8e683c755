// `titan tasks` lists the queue; ack / assign / done move a task on, and a repeat says nothing changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../src/core/tasks/port.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { type CliRun, titanIn } from './cli-harness.ts';

const tmp = useTmpDirs();
afterEach(() => {
  vi.unstubAllEnvs();
});

async function withTasks(): Promise<{ titan: (...argv: string[]) => Promise<CliRun>; tasks: Task[] }> {
  const titan = titanIn(tmp());
  await titan('demo', '--days', '21', '--seed', '4');
  await titan('ask', 'where am I losing money?');
  const tasks = JSON.parse((await titan('tasks', '--json')).out) as Task[];
  return { titan, tasks };
}

describe('titan tasks', () => {
  it('says so when the queue is empty', async () => {
    const run = await titanIn(tmp())('tasks');
    expect(run).toMatchObject({ code: 0, out: 'No tasks.' });
  });

  it('lists the tasks a scan created, one line each', async () => {
    const { titan, tasks } = await withTasks();
    expect(tasks).toHaveLength(3);
    expect(tasks.every((t) => t.status === 'Pending' && t.threadRef === 'cli')).toBe(true);
    const run = await titan('tasks');
    const lines = run.out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^t-[0-9a-f]{10} {2}Pending {6}- +due \w{3} \d{1,2} \w{3} \d{1,2} [AP]M +\S/);
  });

  it('acknowledges, assigns and finishes a task; a repeat changes nothing', async () => {
    const { titan, tasks } = await withTasks();
    const id = tasks[0]!.taskId;
    expect((await titan('tasks', 'ack', id)).out).toBe(`${id}: Acknowledged`);
    expect((await titan('tasks', 'ack', id)).out).toBe(`${id}: Acknowledged (nothing changed)`);
    expect((await titan('tasks', 'assign', id, 'Murugan')).out).toBe(
      `${id}: Acknowledged, assigned to Murugan`,
    );
    const done = JSON.parse((await titan('tasks', 'done', id, '--by', 'owner', '--json')).out);
    expect(done).toMatchObject({ changed: true, task: { status: 'Done', doneBy: 'owner' } });
    const finished = JSON.parse((await titan('tasks', '--status', 'Done', '--json')).out) as Task[];
    expect(finished.map((t) => t.taskId)).toEqual([id]);
  });

  it.each([
    [['ack'], 'Name the task id'],
    [['close', 't-1'], 'Unknown tasks action'],
    [['--status', 'Open'], '--status must be'],
    [['done', 't-0000000000'], 'No task "t-0000000000"'],
  ])('refuses %j with a one-line reason', async (args, reason) => {
    const run = await titanIn(tmp())('tasks', ...args);
    expect(run.code).toBe(1);
    expect(run.err).toContain(reason);
  });
});
