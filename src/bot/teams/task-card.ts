// A task as an Adaptive Card: what to do, by when, its state and history, and Acknowledge / Assign / Done (Action.Execute).
import { printable } from '../../core/model/printable.ts';
import type { Task } from '../../core/tasks/port.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardAction,
  type CardElement,
  cardDate,
  text,
} from '../render/adaptive-card.ts';

/** Universal Action verbs on task cards; `refresh` re-reads the row so a press in Slack shows here too. */
export const TASK_VERBS = {
  acknowledge: 'titan.task.acknowledge',
  assign: 'titan.task.assign',
  done: 'titan.task.done',
  refresh: 'titan.task.refresh',
} as const;

/** The id of the assignee text input; its value arrives merged into the action's data. */
export const ASSIGNEE_INPUT = 'assignee';

const STATUS_MARK: Record<Task['status'], string> = {
  Pending: '⚪',
  Acknowledged: '🔵',
  Done: '✅',
};

function history(task: Task): CardElement[] {
  const lines = [
    ...(task.acknowledgedBy && task.acknowledgedAt
      ? [`Acknowledged by ${task.acknowledgedBy} ${cardDate(task.acknowledgedAt)}`]
      : []),
    ...(task.assignee ? [`Assigned to ${task.assignee}`] : []),
    ...(task.doneBy && task.doneAt ? [`Done by ${task.doneBy} ${cardDate(task.doneAt)}`] : []),
  ];
  return lines.map((line) => text(line, { isSubtle: true, size: 'Small', spacing: 'None' }));
}

function buttons(task: Task): CardElement[] {
  if (task.status === 'Done') return [];
  const data = { taskId: task.taskId };
  const execute = (verb: string, title: string, extra: Partial<CardAction> = {}): CardAction => ({
    type: 'Action.Execute',
    verb,
    title,
    data: { verb, ...data },
    ...extra,
  });
  return [
    {
      type: 'Input.Text',
      id: ASSIGNEE_INPUT,
      label: 'Assign to',
      placeholder: 'Name or email',
      maxLength: 120,
      ...(task.assignee ? { value: task.assignee } : {}),
    },
    {
      type: 'ActionSet',
      actions: [
        ...(task.status === 'Pending'
          ? [execute(TASK_VERBS.acknowledge, 'Acknowledge', { associatedInputs: 'none' })]
          : []),
        execute(TASK_VERBS.assign, 'Assign'),
        execute(TASK_VERBS.done, 'Done', { style: 'positive', associatedInputs: 'none' }),
      ],
    },
  ];
}

export interface TaskCardOptions {
  /** Teams user ids whose clients re-fetch the card when they see it (Teams caps the list at 60). */
  refreshFor?: string[];
}

/** Renders the card from the task row as it is now, drawn through `printable`; once done, the buttons go, the history stays. */
export function renderTaskCard(row: Task, options: TaskCardOptions = {}): AdaptiveCard {
  const task = printable(row);
  const due = task.dueAt ? ` · due ${cardDate(task.dueAt)}` : '';
  const refreshVerb = TASK_VERBS.refresh;
  return adaptiveCard(
    [
      text(`${STATUS_MARK[task.status]} Task: ${task.title}`, { weight: 'Bolder' }),
      ...(task.finding ? [text(task.finding, { isSubtle: true, spacing: 'Small' })] : []),
      text(`Status: **${task.status}**${due}`, { spacing: 'Small' }),
      ...history(task),
      ...buttons(task),
    ],
    {
      fallbackText: `Task: ${task.title} (${task.status})`,
      refresh: {
        action: {
          type: 'Action.Execute',
          verb: refreshVerb,
          title: 'Refresh',
          data: { verb: refreshVerb, taskId: task.taskId },
        },
        ...(options.refreshFor && options.refreshFor.length > 0
          ? { userIds: options.refreshFor.slice(0, 60) }
          : {}),
      },
    },
  );
}
