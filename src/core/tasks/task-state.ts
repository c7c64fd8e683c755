// The task state machine: Pending → Acknowledged → Done, with an assignee; a repeated press changes nothing.
import type { Task, TaskAction } from './port.ts';

/** The columns an action changes, or null when the press would change nothing. */
export type TaskChange = Partial<
  Pick<Task, 'status' | 'assignee' | 'acknowledgedBy' | 'acknowledgedAt' | 'doneBy' | 'doneAt'>
>;

/** What `action` does to `task` at `now`; null for a double press or a finished task. */
export function nextState(task: Task, action: TaskAction, now: string): TaskChange | null {
  if (task.status === 'Done') return null;
  const acknowledge: TaskChange =
    task.status === 'Pending'
      ? { status: 'Acknowledged', acknowledgedBy: action.by, acknowledgedAt: now }
      : {};
  switch (action.kind) {
    case 'acknowledge':
      return task.status === 'Pending' ? acknowledge : null;
    case 'assign':
      // Taking an assignment is also an acknowledgement: someone now owns the task.
      return task.assignee === action.assignee ? null : { ...acknowledge, assignee: action.assignee };
    case 'done':
      return { status: 'Done', doneBy: action.by, doneAt: now };
  }
}
