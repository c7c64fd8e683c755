// The task queue as the doors see it: list, act (acknowledge / assign / done), idempotently.
import type { Scope } from '../model/scope.ts';

export type TaskStatus = 'Pending' | 'Acknowledged' | 'Done';

export interface Task {
  taskId: string;
  orgId: string;
  locationId: string;
  taskType: string;
  title: string;
  finding: string | null;
  status: TaskStatus;
  assignee: string | null;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  doneBy: string | null;
  doneAt: string | null;
  threadRef: string | null;
}

export type TaskAction =
  | { kind: 'acknowledge'; by: string }
  | { kind: 'assign'; by: string; assignee: string }
  | { kind: 'done'; by: string };

export interface TaskActResult {
  task: Task;
  /** False when the press changed nothing (a double click, or already in that state). */
  changed: boolean;
}

export interface TaskService {
  list(filter: { scope?: Scope; status?: TaskStatus }): Promise<Task[]>;
  get(taskId: string): Promise<Task | null>;
  act(taskId: string, action: TaskAction): Promise<TaskActResult>;
}
