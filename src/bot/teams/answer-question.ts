// One question in Teams: access, the live steps (streamed in a 1:1 chat, a status card elsewhere), the answer, task cards.

import type { AnswerMessageStore } from '../../core/chat/answer-messages.ts';
import type { ConfigValues } from '../../core/config/schema.ts';
import { toTitanError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { type AnswerTurnDeps, answerTurn } from '../answer-turn.ts';
import { decodeFeedbackRef } from '../feedback-ref.ts';
import {
  conversationKind,
  displayName,
  type InboundActivity,
  threadKey,
  userIds,
  venueOf,
} from './activity.ts';
import { answerMessages, cardMessage } from './answer-message.ts';
import type { RenderChart } from './chart-image.ts';
import type { TeamsConversation } from './connector.ts';
import { type AnswerDisplay, openStatusCard, openStream } from './status-display.ts';
import type { StreamGate } from './stream-gate.ts';
import { renderTaskCard } from './task-card.ts';
import { teamsAccess } from './teams-access.ts';
import { failureLine } from './teams-errors.ts';

export interface AnswerDeps extends AnswerTurnDeps {
  getConfig: () => ConfigValues;
  logger: Logger;
  renderChart: RenderChart;
  answers: AnswerMessageStore;
  streams: StreamGate;
  /** Least time between a stream's updates (Teams throttles faster ones). */
  streamGapMs: number;
}

/**
 * Teams' feedback buttons name only the message they were pressed on, so the message is stored against the
 * answer turn first; true when it was, and only then does the message get the buttons.
 */
export async function rememberAnswer(
  deps: AnswerDeps,
  activity: InboundActivity,
  messageId: string,
  feedbackRef: string | undefined,
): Promise<boolean> {
  const ref = decodeFeedbackRef(feedbackRef);
  if (!ref) return false;
  try {
    await deps.answers.remember(activity.conversation.id, messageId, ref);
    return true;
  } catch (err) {
    deps.logger.warn({ err }, 'teams answer message not stored; no feedback buttons on it');
    return false;
  }
}

/** A stream in a 1:1 chat when the chat has none open and the service accepts it; the status card otherwise. */
async function openDisplay(
  deps: AnswerDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
  log: Logger,
): Promise<AnswerDisplay> {
  const release =
    conversationKind(activity) === 'personal' ? deps.streams.claim(activity.conversation.id) : undefined;
  if (!release) return openStatusCard(conversation, log);
  try {
    return await openStream(conversation, { logger: log, gapMs: deps.streamGapMs, release });
  } catch (err) {
    release();
    log.info({ err }, 'teams did not take a stream; answering on a status card');
    return openStatusCard(conversation, log);
  }
}

export async function answerQuestion(
  deps: AnswerDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
  question: string,
): Promise<void> {
  const log = deps.logger.child({ conversation: activity.conversation.id });
  const access = teamsAccess(deps.getConfig());
  if (!access.canAsk(activity.from)) {
    await conversation.post({ type: 'message', text: access.policy.refusal('ask') });
    return;
  }

  const askedAt = deps.clock.now();
  const threadId = threadKey(activity);
  const userId = userIds(activity.from)[0]!;
  let display: AnswerDisplay | undefined;
  let delivered = false;
  try {
    display = await openDisplay(deps, activity, conversation, log);
    const shown = display;
    const audience = access.policy.audienceFor(venueOf(activity));
    const { answer, tasks } = await answerTurn(
      deps,
      { question, userId, threadId, audience, askedAt, logger: log },
      {
        status: shown.status,
        deliver: async (reply, feedbackRef) => {
          const feedback = await rememberAnswer(deps, activity, shown.messageId, feedbackRef);
          const options = { audience, notes: access.policy.notesFor(reply), feedback };
          const { answer: message, more } = await answerMessages(reply, options, deps.renderChart, log);
          const id = await shown.show(message);
          delivered = true;
          if (feedback && id !== shown.messageId) await rememberAnswer(deps, activity, id, feedbackRef);
          for (const card of more) await conversation.post(card);
        },
        postTask: async (task) => {
          await conversation.post(
            cardMessage(renderTaskCard(task, { refreshFor: access.refreshUsers(activity.from) })),
          );
        },
      },
    );
    log.info({ intent: answer.intent, path: answer.path, tasks }, 'teams answer posted');
  } catch (err) {
    const failure = toTitanError(err, 'chat.failed');
    log.warn({ err: failure, code: failure.code, by: displayName(activity.from) }, 'teams answer failed');
    const line = failureLine(failure);
    const fallback = () => conversation.post({ type: 'message', text: line });
    await (display && !delivered ? display.fail(line).catch(fallback) : fallback()).catch((e: unknown) =>
      log.warn({ err: e }, 'teams failure notice not delivered'),
    );
  } finally {
    display?.release();
  }
}
