// A press on a task card: access, TaskService.act (idempotent), and the card re-read from the queue, updated for everyone.
import type { Logger } from '../../core/logger.ts';
import type { TaskAction, TaskService } from '../../core/tasks/port.ts';
import type { AdaptiveCard } from '../render/adaptive-card.ts';
import { displayName, type InboundActivity } from './activity.ts';
import { cardMessage } from './answer-message.ts';
import type { TaskPress } from './card-press.ts';
import type { TeamsConversation } from './connector.ts';
import { renderTaskCard, TASK_VERBS } from './task-card.ts';
import type { TeamsAccess } from './teams-access.ts';

export interface TaskPressDeps {
  tasks: TaskService;
  logger: Logger;
}

/** What the presser sees: the card as it is now, or a short line (no access, no such task). */
export type PressOutcome = { card: AdaptiveCard } | { text: string };

function toAction(press: TaskPress, by: string): TaskAction | undefined {
  switch (press.verb) {
    case TASK_VERBS.acknowledge:
      return { kind: 'acknowledge', by };
    case TASK_VERBS.done:
      return { kind: 'done', by };
    case TASK_VERBS.assign:
      return { kind: 'assign', by, assignee: press.assignee };
    case TASK_VERBS.refresh:
      return undefined;
  }
}

export async function pressTask(
  deps: TaskPressDeps,
  access: TeamsAccess,
  activity: InboundActivity,
  conversation: TeamsConversation,
  press: TaskPress,
): Promise<PressOutcome> {
  const action = toAction(press, displayName(activity.from));
  // Refreshing only re-reads the row: anyone who can see the card may see its current state.
  if (action && !access.canActOnTasks(activity.from)) return { text: access.policy.refusal('task') };

  const task = action
    ? (await deps.tasks.act(press.taskId, action)).task
    : await deps.tasks.get(press.taskId);
  if (!task) return { text: 'That task is no longer in the queue.' };
  const card = renderTaskCard(task, { refreshFor: access.refreshUsers(activity.from) });

  // The invoke response updates the presser's view; the edit updates the message for everyone else,
  // also when the press changed nothing here because the task moved on in Slack or the CLI.
  if (action && activity.replyToId) {
    await conversation
      .update(activity.replyToId, cardMessage(card))
      .catch((err: unknown) =>
        deps.logger.warn({ err, taskId: task.taskId }, 'teams task card update failed'),
      );
  }
  deps.logger.info({ taskId: task.taskId, verb: press.verb, status: task.status }, 'teams task press');
  return { card };
}
