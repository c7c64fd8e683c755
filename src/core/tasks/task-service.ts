// The task queue service: turns an answer's task drafts into ai_task_queue rows once, and moves tasks through states.
import type { Clock } from '../clock.ts';
import { TitanError } from '../errors.ts';
import type { TaskDraft } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';
import type { Task, TaskActResult, TaskService } from './port.ts';
import { nextState } from './task-state.ts';
import { AI_TASK_TYPE, createTaskStore, type StoredTask, type TaskFilter, taskIdFor } from './task-store.ts';

export type { StoredTask, TaskFilter };

/** Where drafts came from: the scope of the question and the thread it was asked in. */
export interface TaskOrigin {
  scope: Scope;
  threadRef?: string;
}

export interface EnqueueResult {
  created: Task[];
  /** Drafts whose finding already has a task (same key, or the same finding still open for an earlier period). */
  existing: Task[];
}

/** The full queue: the doors' TaskService plus what the analyst needs (enqueue, re-measurement reads). */
export interface TaskQueue extends TaskService {
  enqueue(drafts: TaskDraft[], origin: TaskOrigin): Promise<EnqueueResult>;
  /** Tasks with their re-measurement details (baseline, metric), filtered. */
  listStored(filter: TaskFilter): Promise<StoredTask[]>;
}

export interface TaskServiceOptions {
  warehouse: Warehouse;
  clock: Clock;
}

/**
 * A finding key without its period ("wastage:maida:2026-11-18..2026-11-24" → "wastage:maida"), so a leak that
 * persists into next week's scan does not get a second open task.
 */
export function findingStem(key: string): string {
  return key.replace(/[:|@/]?\d{4}-\d{2}-\d{2}(?:\.\.|_|\/|:)\d{4}-\d{2}-\d{2}/g, '');
}

const isOpen = (task: Task): boolean => task.status !== 'Done';

export function createTaskService(options: TaskServiceOptions): TaskQueue {
  const { warehouse, clock } = options;
  const store = createTaskStore(warehouse);

  async function requireTask(taskId: string): Promise<StoredTask> {
    const task = await store.get(taskId);
    if (!task) {
      throw new TitanError(
        'not_found',
        `No task "${taskId}". List tasks with "titan tasks" or GET /api/v1/tasks.`,
        {
          detail: { taskId },
        },
      );
    }
    return task;
  }

  function draftToTask(draft: TaskDraft, origin: TaskOrigin, now: string): StoredTask {
    return {
      taskId: taskIdFor(origin.scope, draft.findingKey),
      orgId: origin.scope.orgId,
      locationId: origin.scope.locationId,
      taskType: AI_TASK_TYPE,
      title: draft.title,
      finding: draft.finding,
      findingKey: draft.findingKey,
      metric: draft.metric,
      baseline: draft.baseline,
      remeasure: draft.remeasure ?? null,
      status: 'Pending',
      assignee: null,
      dueAt: draft.dueAt,
      createdAt: now,
      updatedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      doneBy: null,
      doneAt: null,
      threadRef: origin.threadRef ?? null,
    };
  }

  return {
    list: (filter) => store.list(filter),
    listStored: (filter) => store.list(filter),
    get: (taskId) => store.get(taskId),

    async enqueue(drafts, origin) {
      const now = clock.now().toISOString();
      // One transaction: the open-task check and the insert see the same queue, even across processes.
      return warehouse.transaction(async (tx) => {
        const open = (await store.list({ scope: origin.scope }, tx)).filter(isOpen);
        const result: EnqueueResult = { created: [], existing: [] };
        for (const draft of drafts) {
          const task = draftToTask(draft, origin, now);
          const stem = findingStem(draft.findingKey);
          const sameFinding = open.find((t) => t.findingKey !== null && findingStem(t.findingKey) === stem);
          if (sameFinding) {
            result.existing.push(sameFinding);
            continue;
          }
          if (await store.insertOnce(task, tx)) {
            result.created.push(task);
            open.push(task);
          } else {
            result.existing.push((await store.get(task.taskId, tx)) ?? task);
          }
        }
        return result;
      });
    },

    async act(taskId, action): Promise<TaskActResult> {
      const task = await requireTask(taskId);
      const now = clock.now().toISOString();
      const change = nextState(task, action, now);
      if (!change) return { task, changed: false };
      // Compare-and-set: of two simultaneous presses only the first changes the row.
      const changed = await store.update(taskId, task, change, now);
      return { task: await requireTask(taskId), changed };
    },
  };
}
