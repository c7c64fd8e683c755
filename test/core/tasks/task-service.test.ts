// The task queue: drafts become Pending AI tasks once, move Pending → Acknowledged → Done, and double presses change nothing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskDraft } from '../../../src/core/model/answer.ts';
import { createTaskService, findingStem } from '../../../src/core/tasks/task-service.ts';
import type { Warehouse } from '../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../src/core/warehouse/sqlite.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const scope = { orgId: 'cafe_001', locationId: 'tiruppur_main' };
const clock = { now: () => new Date('2026-11-25T02:30:00Z') };

const draft = (key: string, title = 'Retrain prep staff on maida portioning'): TaskDraft => ({
  title,
  findingKey: key,
  dueAt: '2026-11-26T04:30:00.000Z',
  metric: 'wastage-by-item',
  baseline: 840,
  finding: 'Maida wastage: 12 kg (₹840), up 23%',
  remeasure: { factId: 'wastage.maida.inr', item: 'maida', impactPerWeek: 840, periodDays: 7 },
});

const open: Warehouse[] = [];
async function warehouseAt(file = ':memory:'): Promise<Warehouse> {
  const warehouse = createSqliteWarehouse({ path: file });
  await warehouse.migrate();
  open.push(warehouse);
  return warehouse;
}
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

describe('task queue', () => {
  const tmpDir = useTmpDirs();

  it('stores a draft as a Pending AI_Generated_Action with its deadline, finding, thread and scope', async () => {
    const tasks = createTaskService({ warehouse: await warehouseAt(), clock });
    const { created } = await tasks.enqueue([draft('wastage:maida:2026-11-18..2026-11-24')], {
      scope,
      threadRef: 'slack:C1:1700.1',
    });
    expect(created).toHaveLength(1);
    const [stored] = await tasks.listStored({ scope });
    expect(stored).toMatchObject({
      taskType: 'AI_Generated_Action',
      status: 'Pending',
      title: 'Retrain prep staff on maida portioning',
      dueAt: '2026-11-26T04:30:00.000Z',
      finding: 'Maida wastage: 12 kg (₹840), up 23%',
      findingKey: 'wastage:maida:2026-11-18..2026-11-24',
      metric: 'wastage-by-item',
      baseline: 840,
      remeasure: { factId: 'wastage.maida.inr', item: 'maida', impactPerWeek: 840, periodDays: 7 },
      threadRef: 'slack:C1:1700.1',
      orgId: 'cafe_001',
      locationId: 'tiruppur_main',
      createdAt: '2026-11-25T02:30:00.000Z',
    });
  });

  it('never creates a second task for the same finding key', async () => {
    const tasks = createTaskService({ warehouse: await warehouseAt(), clock });
    const key = 'wastage:maida:2026-11-18..2026-11-24';
    await tasks.enqueue([draft(key)], { scope });
    const again = await tasks.enqueue([draft(key), draft(key)], { scope });
    expect(again.created).toEqual([]);
    expect(await tasks.list({ scope })).toHaveLength(1);
  });

  it('keeps one open task while the same finding shows up in a later period', async () => {
    const tasks = createTaskService({ warehouse: await warehouseAt(), clock });
    await tasks.enqueue([draft('wastage:maida:2026-11-18..2026-11-24')], { scope });
    const next = await tasks.enqueue([draft('wastage:maida:2026-11-19..2026-11-25')], { scope });
    expect(next.created).toEqual([]);
    const [task] = await tasks.list({ scope });
    await tasks.act(task!.taskId, { kind: 'done', by: 'U1' });
    // Once done, the finding coming back is new work.
    const after = await tasks.enqueue([draft('wastage:maida:2026-11-19..2026-11-25')], { scope });
    expect(after.created).toHaveLength(1);
  });

  it('creates each finding once when several asks enqueue at the same time', async () => {
    const warehouse = await warehouseAt(path.join(tmpDir(), 'titan.sqlite'));
    const drafts = [draft('wastage:maida:p1'), draft('price:vendor-x:p1'), draft('voids:ravi:p1')];
    const results = await Promise.all(
      Array.from({ length: 6 }, () => createTaskService({ warehouse, clock }).enqueue(drafts, { scope })),
    );
    expect(results.reduce((n, r) => n + r.created.length, 0)).toBe(3);
    expect(results.every((r) => r.created.length + r.existing.length === 3)).toBe(true);
    expect(await createTaskService({ warehouse, clock }).list({ scope })).toHaveLength(3);
  });

  it('moves Pending → Acknowledged → Done with an assignee, and a double press changes nothing', async () => {
    let now = new Date('2026-11-25T03:00:00Z');
    const tasks = createTaskService({ warehouse: await warehouseAt(), clock: { now: () => now } });
    const {
      created: [task],
    } = await tasks.enqueue([draft('wastage:maida:p')], { scope });
    const id = task!.taskId;

    const ack = await tasks.act(id, { kind: 'acknowledge', by: 'U_MGR' });
    expect(ack).toMatchObject({ changed: true, task: { status: 'Acknowledged', acknowledgedBy: 'U_MGR' } });
    expect((await tasks.act(id, { kind: 'acknowledge', by: 'U_MGR' })).changed).toBe(false);

    const assigned = await tasks.act(id, { kind: 'assign', by: 'U_MGR', assignee: 'U_CHEF' });
    expect(assigned).toMatchObject({ changed: true, task: { assignee: 'U_CHEF' } });
    expect((await tasks.act(id, { kind: 'assign', by: 'U_MGR', assignee: 'U_CHEF' })).changed).toBe(false);

    now = new Date('2026-11-25T09:00:00Z');
    const presses = await Promise.all([1, 2].map(() => tasks.act(id, { kind: 'done', by: 'U_CHEF' })));
    expect(presses.map((p) => p.changed).sort()).toEqual([false, true]);
    expect(await tasks.get(id)).toMatchObject({
      status: 'Done',
      doneBy: 'U_CHEF',
      doneAt: '2026-11-25T09:00:00.000Z',
      assignee: 'U_CHEF',
    });
    expect((await tasks.act(id, { kind: 'acknowledge', by: 'U_X' })).changed).toBe(false);
  });

  it('assigning a Pending task acknowledges it', async () => {
    const tasks = createTaskService({ warehouse: await warehouseAt(), clock });
    const {
      created: [task],
    } = await tasks.enqueue([draft('x:p')], { scope });
    const result = await tasks.act(task!.taskId, { kind: 'assign', by: 'U_MGR', assignee: 'U_CHEF' });
    expect(result.task).toMatchObject({
      status: 'Acknowledged',
      acknowledgedBy: 'U_MGR',
      assignee: 'U_CHEF',
    });
  });

  it('filters by status and scope, and names the way forward for an unknown id', async () => {
    const tasks = createTaskService({ warehouse: await warehouseAt(), clock });
    await tasks.enqueue([draft('a:p'), draft('b:p')], { scope });
    await tasks.enqueue([draft('a:p')], { scope: { orgId: 'cafe_001', locationId: 'other' } });
    const [first] = await tasks.list({ scope });
    await tasks.act(first!.taskId, { kind: 'done', by: 'U1' });
    expect(await tasks.list({ scope, status: 'Pending' })).toHaveLength(1);
    expect(await tasks.list({ status: 'Pending' })).toHaveLength(2);
    await expect(tasks.act('t-nope', { kind: 'done', by: 'U1' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('titan tasks'),
    });
  });

  it('strips the period from a finding key', () => {
    expect(findingStem('wastage:maida:2026-11-18..2026-11-24')).toBe('wastage:maida');
    expect(findingStem('price:acme:maida')).toBe('price:acme:maida');
  });
});
