// Button presses: suggested prompts (ask that question), 👍/👎 (stored with the answer), task cards (act, then edit).
import type { App, webApi } from '@slack/bolt';
import { FEEDBACK_REASONS, type FeedbackReason } from '../../core/chat/thread-memory.ts';
import { TitanError } from '../../core/errors.ts';
import type { TaskAction } from '../../core/tasks/port.ts';
import { createAccessPolicy, type Venue } from '../access.ts';
import {
  decodeFeedbackRef,
  decodeReason,
  decodeVote,
  encodeReason,
  type FeedbackRef,
} from '../feedback-ref.ts';
import { FEEDBACK_ACTION, LEGACY_FEEDBACK_ACTIONS } from '../render/block-kit.ts';
import { type AnswerDeps, answerQuestion, slackMention } from './answer-question.ts';
import { type ButtonPress, parseButtonPress } from './parse-button-press.ts';
import { PROMPT_ACTION } from './prompt-buttons.ts';
import { renderTaskCard, TASK_ACTIONS, taskIdFromBlockId } from './task-card.ts';

type WebClient = webApi.WebClient;

/** DMs by channel id prefix (D…); everything else is a channel, public until listed in PRIVATE_OK_CHANNELS. */
export const venueOf = (channel: string, channelType?: string): Venue =>
  channelType === 'im' || channel.startsWith('D') ? { kind: 'dm' } : { kind: 'channel', id: channel };

function taskActionOf(press: ButtonPress): TaskAction | undefined {
  switch (press.actionId) {
    case TASK_ACTIONS.acknowledge:
      return { kind: 'acknowledge', by: press.userId };
    case TASK_ACTIONS.done:
      return { kind: 'done', by: press.userId };
    case TASK_ACTIONS.assign:
      return press.selectedUser
        ? { kind: 'assign', by: press.userId, assignee: press.selectedUser }
        : undefined;
    default:
      return undefined;
  }
}

/** A feedback press: Slack's feedback_buttons carry the vote in the value; the legacy buttons in the action id. */
function feedbackOf(press: ButtonPress): ReturnType<typeof decodeVote> {
  if (press.actionId === FEEDBACK_ACTION) return decodeVote(press.value);
  const ref = decodeFeedbackRef(press.value);
  return ref && { vote: press.actionId === LEGACY_FEEDBACK_ACTIONS.up ? 'up' : 'down', ref };
}

/** What a 👎 is asked, in the owner's words; the answer is stored with the vote. */
export const REASON_LABELS: Record<FeedbackReason, string> = {
  wrong_number: 'Wrong number',
  other_question: 'Answered another question',
  too_slow: 'Too slow',
  other: 'Something else',
};
export const REASON_ACTION = /^titan_feedback_reason_\d$/;

function askWhatWasWrong(client: WebClient, press: ButtonPress, ref: FeedbackRef) {
  const text = 'Thanks — noted. What was wrong?';
  return client.chat.postEphemeral({
    channel: press.channel,
    user: press.userId,
    ...(press.threadTs ? { thread_ts: press.threadTs } : {}),
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        block_id: 'titan_feedback_reason',
        elements: FEEDBACK_REASONS.map((reason, i) => ({
          type: 'button' as const,
          action_id: `titan_feedback_reason_${i}`,
          text: { type: 'plain_text' as const, text: REASON_LABELS[reason] },
          value: encodeReason(reason, ref),
        })),
      },
    ],
  });
}

const ephemeral = (client: WebClient, press: ButtonPress, text: string) =>
  client.chat.postEphemeral({ channel: press.channel, user: press.userId, text });

/** Presses reach here only from this workspace: the door ignores any request naming another. */
export function registerButtonPresses(app: App, deps: AnswerDeps): void {
  app.action(PROMPT_ACTION, async ({ ack, body, client, context }) => {
    await ack();
    const press = parseButtonPress(body);
    if (!press?.value) return;
    const threadTs = press.threadTs ?? press.messageTs;
    await answerQuestion(deps, {
      client,
      channel: press.channel,
      threadTs,
      userId: press.userId,
      ...(context.teamId ? { teamId: context.teamId } : {}),
      text: press.value,
      venue: venueOf(press.channel),
      mode: 'placeholder',
      ...(threadTs ? {} : { preface: `${slackMention(press.userId)} asked: _${press.value}_` }),
    });
  });

  app.action(
    new RegExp(`^(${FEEDBACK_ACTION}|${LEGACY_FEEDBACK_ACTIONS.up}|${LEGACY_FEEDBACK_ACTIONS.down})$`),
    async ({ ack, body, client }) => {
      await ack();
      const press = parseButtonPress(body);
      const pressed = press && feedbackOf(press);
      if (!press || !pressed) return;
      await deps.memory.recordFeedback({
        turnId: pressed.ref.turn,
        threadId: pressed.ref.thread,
        userId: press.userId,
        vote: pressed.vote,
        at: deps.clock.now(),
      });
      if (pressed.vote === 'up') await ephemeral(client, press, 'Thanks — noted as helpful.');
      else await askWhatWasWrong(client, press, pressed.ref);
    },
  );

  app.action(REASON_ACTION, async ({ ack, body, client }) => {
    await ack();
    const press = parseButtonPress(body);
    const said = press && decodeReason(press.value);
    if (!press || !said) return;
    await deps.memory.recordFeedback({
      turnId: said.ref.turn,
      threadId: said.ref.thread,
      userId: press.userId,
      vote: 'down',
      reason: said.reason,
      at: deps.clock.now(),
    });
    await ephemeral(client, press, `Noted: ${REASON_LABELS[said.reason].toLowerCase()}. Thank you.`);
  });

  app.action(new RegExp(`^(${Object.values(TASK_ACTIONS).join('|')})$`), async ({ ack, body, client }) => {
    await ack();
    const press = parseButtonPress(body);
    const taskId = taskIdFromBlockId(press?.blockId);
    const action = press && taskActionOf(press);
    if (!press || !taskId || !action) return;
    const access = createAccessPolicy(deps.getConfig(), { mention: slackMention });
    if (!access.canActOnTasks(press.userId)) {
      await ephemeral(client, press, access.refusal('task'));
      return;
    }
    try {
      const result = await deps.tasks.act(taskId, action);
      // A double click (or a press that changes nothing) leaves the card as it is.
      if (!result.changed || !press.messageTs) return;
      const card = renderTaskCard(result.task, { action, at: deps.clock.now().toISOString() });
      await client.chat.update({ channel: press.channel, ts: press.messageTs, ...card });
    } catch (err) {
      if (!(err instanceof TitanError)) throw err;
      deps.logger.warn({ err, taskId }, 'slack task action failed');
      await ephemeral(client, press, err.message);
    }
  });
}
