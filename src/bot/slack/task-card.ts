// A task as a Slack card: what to do, by when, its state, who did what when, and Acknowledge / Assign / Done.
import { printable } from '../../core/model/printable.ts';
import type { Task, TaskAction } from '../../core/tasks/port.ts';
import { escapeMrkdwn, slackDate } from '../render/block-kit.ts';
import type { Block } from '../render/block-kit-blocks.ts';

export const TASK_ACTIONS = {
  acknowledge: 'titan_task_ack',
  assign: 'titan_task_assign',
  done: 'titan_task_done',
} as const;

/** The actions block id carries the task id, since a users_select sends no value of its own. */
const BLOCK_PREFIX = 'titan_task:';
export const taskBlockId = (taskId: string): string => `${BLOCK_PREFIX}${taskId}`;
export const taskIdFromBlockId = (blockId: string | undefined): string | undefined =>
  blockId?.startsWith(BLOCK_PREFIX) ? blockId.slice(BLOCK_PREFIX.length) : undefined;

/** The press that produced this version of the card. */
export interface CardEvent {
  action: TaskAction;
  at: string;
}

const mention = (userId: string) => `<@${userId}>`;

function eventLine(event: CardEvent): string {
  const when = slackDate(event.at);
  switch (event.action.kind) {
    case 'acknowledge':
      return `${mention(event.action.by)} acknowledged this ${when}`;
    case 'assign':
      return `${mention(event.action.by)} assigned this to ${mention(event.action.assignee)} ${when}`;
    case 'done':
      return `${mention(event.action.by)} marked this done ${when}`;
  }
}

function history(task: Task): string[] {
  return [
    ...(task.acknowledgedBy && task.acknowledgedAt
      ? [`Acknowledged by ${mention(task.acknowledgedBy)} ${slackDate(task.acknowledgedAt)}`]
      : []),
    ...(task.assignee ? [`Assigned to ${mention(task.assignee)}`] : []),
    ...(task.doneBy && task.doneAt ? [`Done by ${mention(task.doneBy)} ${slackDate(task.doneAt)}`] : []),
  ];
}

const STATUS_ICON: Record<Task['status'], string> = {
  Pending: ':white_circle:',
  Acknowledged: ':large_blue_circle:',
  Done: ':white_check_mark:',
};

/** Renders the card (the row drawn through `printable`); once done, the buttons go and the history stays. */
export function renderTaskCard(row: Task, event?: CardEvent): { text: string; blocks: Block[] } {
  const task = printable(row);
  const due = task.dueAt ? ` · due ${slackDate(task.dueAt)}` : '';
  const lines = [
    `${STATUS_ICON[task.status]} *Task:* ${escapeMrkdwn(task.title)}`,
    ...(task.finding ? [`_${escapeMrkdwn(task.finding)}_`] : []),
    `Status: *${task.status}*${due}`,
  ];
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } },
  ];
  const notes = [...(event ? [eventLine(event)] : []), ...history(task)];
  if (notes.length > 0) {
    blocks.push({ type: 'context', elements: notes.map((text) => ({ type: 'mrkdwn', text })) });
  }
  if (task.status !== 'Done') {
    blocks.push({
      type: 'actions',
      block_id: taskBlockId(task.taskId),
      elements: [
        ...(task.status === 'Pending'
          ? [
              {
                type: 'button' as const,
                action_id: TASK_ACTIONS.acknowledge,
                text: { type: 'plain_text' as const, text: 'Acknowledge' },
                value: task.taskId,
              },
            ]
          : []),
        {
          type: 'users_select',
          action_id: TASK_ACTIONS.assign,
          placeholder: { type: 'plain_text', text: 'Assign to…' },
          ...(task.assignee ? { initial_user: task.assignee } : {}),
        },
        {
          type: 'button',
          action_id: TASK_ACTIONS.done,
          style: 'primary',
          text: { type: 'plain_text', text: 'Done' },
          value: task.taskId,
        },
      ],
    });
  }
  return { text: `Task: ${escapeMrkdwn(task.title)} (${task.status})`, blocks };
}
