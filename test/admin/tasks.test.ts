// GET /api/v1/tasks lists the queue; PATCH acknowledges, assigns and finishes, and a repeat changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/tasks/port.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';
import { type CafeApp, openCafeApp } from './cafe-app.ts';

const tmp = useTmpDirs();
let harness: CafeApp;
afterEach(async () => harness?.cafe.warehouse.close());

async function withTasks(): Promise<Task[]> {
  harness = await openCafeApp(tmp(), 42);
  await harness.call('POST', '/api/v1/chat', { message: 'where am I losing money?' });
  const res = await harness.call('GET', '/api/v1/tasks');
  expect(res.status).toBe(200);
  return (await res.json()) as Task[];
}

describe('task routes', () => {
  it('lists the tasks a scan created, filtered by status and scope', async () => {
    const tasks = await withTasks();
    expect(tasks).toHaveLength(3);
    expect(tasks[0]).toMatchObject({ taskType: 'AI_Generated_Action', status: 'Pending', orgId: 'cafe_001' });
    const pending = await harness.call(
      'GET',
      '/api/v1/tasks?status=Pending&org_id=cafe_001&location_id=tiruppur_main',
    );
    expect(await pending.json()).toHaveLength(3);
    const elsewhere = await harness.call('GET', '/api/v1/tasks?org_id=cafe_002&location_id=x');
    expect(await elsewhere.json()).toEqual([]);
  });

  it.each(['?status=Open', '?org_id=cafe_001', '?colour=red'])('refuses the query %s', async (query) => {
    await withTasks();
    const res = await harness.call('GET', `/api/v1/tasks${query}`);
    expect(res.status).toBe(400);
  });

  it('acknowledges once; the repeat reports changed: false', async () => {
    const [task] = await withTasks();
    const path = `/api/v1/tasks/${task!.taskId}`;
    const first = await harness.call('PATCH', path, { status: 'Acknowledged', by: 'U_MGR' });
    expect(await first.json()).toMatchObject({
      changed: true,
      task: { status: 'Acknowledged', acknowledgedBy: 'U_MGR' },
    });
    const again = await harness.call('PATCH', path, { status: 'Acknowledged', by: 'U_MGR' });
    expect(await again.json()).toMatchObject({ changed: false, task: { status: 'Acknowledged' } });
  });

  it('assigns and finishes in one request', async () => {
    const [task] = await withTasks();
    const res = await harness.call('PATCH', `/api/v1/tasks/${task!.taskId}`, {
      status: 'Done',
      assignee: 'Murugan',
    });
    expect(await res.json()).toMatchObject({
      changed: true,
      task: { status: 'Done', assignee: 'Murugan', doneBy: 'admin-api' },
    });
    const reopen = await harness.call('PATCH', `/api/v1/tasks/${task!.taskId}`, { status: 'Pending' });
    expect(reopen.status).toBe(409);
  });

  it.each([
    [{}, 400],
    [{ status: 'Closed' }, 400],
    [{ assignee: '' }, 400],
  ])('refuses %j', async (body, status) => {
    const [task] = await withTasks();
    const res = await harness.call('PATCH', `/api/v1/tasks/${task!.taskId}`, body);
    expect(res.status).toBe(status);
  });

  it('answers 404 for an unknown task', async () => {
    await withTasks();
    const res = await harness.call('PATCH', '/api/v1/tasks/t-0000000000', { status: 'Done' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'GET /api/v1/tasks',
    );
  });
});
