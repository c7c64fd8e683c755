// A press on one of Titan's cards: quick prompts (ask that question), 👍/👎 (stored with the answer), task cards
// (access, TaskService.act, idempotent, then the card re-read from the queue and updated for everyone).
import type { InvokeResponse } from '@microsoft/teams.api';
import { toTitanError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { TaskAction, TaskService } from '../../core/tasks/port.ts';
import { decodeFeedbackRef } from '../feedback-ref.ts';
import { type AdaptiveCard, CARD_CONTENT_TYPE, FEEDBACK_VERB, PROMPT_VERB } from '../render/adaptive-card.ts';
import { displayName, type InboundActivity, userIds } from './activity.ts';
import { cardMessage } from './answer-message.ts';
import { type AnswerDeps, answerQuestion } from './answer-question.ts';
import type { TeamsConversation } from './connector.ts';
import { type CardPress, pressFromInvoke, type TaskPress } from './parse-card-press.ts';
import { renderTaskCard, TASK_VERBS } from './task-card.ts';
import { type TeamsAccess, teamsAccess } from './teams-access.ts';
import { failureLine } from './teams-errors.ts';

interface TaskPressDeps {
  tasks: TaskService;
  logger: Logger;
}

/** What the presser sees: the card as it is now, or a short line (no access, no such task). */
type PressOutcome = { card: AdaptiveCard } | { text: string };

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

async function pressTask(
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

export interface CardPressDeps extends AnswerDeps {
  /** Runs slow work after the HTTP response (Bot Framework wants one within 15 s). */
  background: (work: () => Promise<void>) => void;
}

/** The invoke response type that shows a line to the presser. */
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** A feedback or task press, from an Action.Execute invoke or an Action.Submit message. */
export async function runPress(
  deps: CardPressDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
  press: Exclude<CardPress, { verb: typeof PROMPT_VERB }>,
): Promise<PressOutcome | undefined> {
  if (press.verb === FEEDBACK_VERB) {
    const ref = decodeFeedbackRef(press.ref);
    if (!ref) return { text: 'That feedback button is out of date.' };
    await deps.memory.recordFeedback({
      turnId: ref.turn,
      threadId: ref.thread,
      userId: userIds(activity.from)[0]!,
      vote: press.vote,
      at: deps.clock.now(),
    });
    return undefined;
  }
  try {
    return await pressTask(deps, teamsAccess(deps.getConfig()), activity, conversation, press);
  } catch (err) {
    return { text: failureLine(toTitanError(err)) };
  }
}

/** An Action.Execute press (adaptiveCard/action): answered in the invoke response with the refreshed card. */
export async function onCardAction(
  deps: CardPressDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
): Promise<InvokeResponse> {
  const pressed = pressFromInvoke(activity.value);
  if (!pressed.ok) return { status: 200, body: { statusCode: 200, type: MESSAGE, value: pressed.reason } };
  if (pressed.press.verb === PROMPT_VERB) {
    const question = pressed.press.question;
    deps.background(() => answerQuestion(deps, activity, conversation, question));
    return { status: 200, body: { statusCode: 200, type: MESSAGE, value: `Asking: ${question}` } };
  }
  const outcome = await runPress(deps, activity, conversation, pressed.press);
  const body = !outcome
    ? { statusCode: 200, type: MESSAGE, value: 'Thanks, noted.' }
    : 'card' in outcome
      ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: outcome.card }
      : { statusCode: 200, type: MESSAGE, value: outcome.text };
  return { status: 200, body };
}
