// Routes one verified Teams activity: install welcome, questions (mention, 1:1, group chat), card presses, Teams' own feedback.
import type { InvokeResponse } from '@microsoft/teams.api';
import type { ConversationRef, ConversationStore } from '../../core/chat/conversation-refs.ts';
import { toTitanError } from '../../core/errors.ts';
import { decodeFeedbackRef } from '../feedback-ref.ts';
import { cardAttachment } from '../render/adaptive-card.ts';
import {
  baseConversationId,
  botWasAdded,
  conversationKind,
  type InboundActivity,
  questionText,
  replyRef,
  userIds,
} from './activity.ts';
import { type AnswerDeps, answerInTeams } from './answer-in-teams.ts';
import { cardMessage } from './answer-message.ts';
import { type CardPress, type ParsedPress, pressFromInvoke, pressFromMessage } from './card-press.ts';
import type { TeamsConversation } from './connector.ts';
import { feedbackFromInvoke, recordNativeFeedback } from './native-feedback.ts';
import { type PressOutcome, pressTask } from './task-press.ts';
import { teamsAccess } from './teams-access.ts';
import { failureLine } from './teams-errors.ts';
import { renderWelcomeCard, suggestedPromptActions } from './welcome-card.ts';

export interface RouteDeps extends AnswerDeps {
  conversations: ConversationStore;
  connect: (ref: ConversationRef) => TeamsConversation;
  /** Runs slow work after the HTTP response (Bot Framework wants one within 15 s). */
  background: (work: () => Promise<void>) => void;
}

const OK: InvokeResponse = { status: 200 };
const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** Where the digest can reach this conversation later: the channel itself, not one thread of it. */
function conversationHome(activity: InboundActivity): ConversationRef {
  const ref = replyRef(activity);
  return { ...ref, conversationId: baseConversationId(ref.conversationId) };
}

async function welcome(deps: RouteDeps, activity: InboundActivity, conversation: TeamsConversation) {
  const personal = conversationKind(activity) === 'personal';
  await conversation.post({
    type: 'message',
    attachments: [cardAttachment(renderWelcomeCard('install'))],
    ...(personal ? { suggestedActions: suggestedPromptActions(activity.from.id) } : {}),
  });
  deps.logger.info({ conversation: activity.conversation.id }, 'teams welcome posted');
}

async function runPress(
  deps: RouteDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
  press: Exclude<CardPress, { verb: 'titan.prompt' }>,
): Promise<PressOutcome | undefined> {
  if (press.verb === 'titan.feedback') {
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

/** A message: a quick prompt, a card press (Action.Submit), or a question; the answer runs after the response. */
function onMessage(
  deps: RouteDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
): InvokeResponse {
  const pressed: ParsedPress | undefined = pressFromMessage(activity.value);
  deps.background(async () => {
    if (pressed && !pressed.ok) {
      await conversation.post({ type: 'message', text: pressed.reason });
      return;
    }
    if (pressed?.ok && pressed.press.verb !== 'titan.prompt') {
      const outcome = await runPress(deps, activity, conversation, pressed.press);
      if (outcome && 'text' in outcome) await conversation.post({ type: 'message', text: outcome.text });
      return;
    }
    const question =
      pressed?.ok && pressed.press.verb === 'titan.prompt' ? pressed.press.question : questionText(activity);
    if (question === '') {
      // A press on some other app's card carries a value and no text: not ours to answer.
      if (activity.value === undefined)
        await conversation.post(cardMessage(renderWelcomeCard('empty-mention')));
      return;
    }
    await answerInTeams(deps, activity, conversation, question);
  });
  return OK;
}

/** An Action.Execute press (adaptiveCard/action): answered in the invoke response with the refreshed card. */
async function onCardAction(
  deps: RouteDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
): Promise<InvokeResponse> {
  const pressed = pressFromInvoke(activity.value);
  if (!pressed.ok) return { status: 200, body: { statusCode: 200, type: MESSAGE, value: pressed.reason } };
  if (pressed.press.verb === 'titan.prompt') {
    const question = pressed.press.question;
    deps.background(() => answerInTeams(deps, activity, conversation, question));
    return { status: 200, body: { statusCode: 200, type: MESSAGE, value: `Asking: ${question}` } };
  }
  const outcome = await runPress(deps, activity, conversation, pressed.press);
  const body = !outcome
    ? { statusCode: 200, type: MESSAGE, value: 'Thanks, noted.' }
    : 'card' in outcome
      ? { statusCode: 200, type: CARD, value: outcome.card }
      : { statusCode: 200, type: MESSAGE, value: outcome.text };
  return { status: 200, body };
}

/** Teams' own 👍/👎 (message/submitAction): answered at once, the vote stored after the response. */
function onSubmitAction(deps: RouteDeps, activity: InboundActivity): InvokeResponse {
  const feedback = feedbackFromInvoke(activity.value);
  if (!feedback) return OK;
  deps.background(() => recordNativeFeedback(deps, activity, feedback));
  return OK;
}

export async function routeActivity(
  deps: RouteDeps,
  activity: InboundActivity,
  verified: boolean,
): Promise<InvokeResponse> {
  const conversation = deps.connect(replyRef(activity));
  switch (activity.type) {
    case 'conversationUpdate':
      if (!botWasAdded(activity)) return OK;
      await deps.conversations.remember(conversationHome(activity), verified);
      deps.background(() => welcome(deps, activity, conversation));
      return OK;
    case 'message':
      await deps.conversations.remember(conversationHome(activity), verified);
      return onMessage(deps, activity, conversation);
    case 'invoke':
      if (activity.name === 'adaptiveCard/action') return onCardAction(deps, activity, conversation);
      if (activity.name === 'message/submitAction') return onSubmitAction(deps, activity);
      return OK;
    default:
      return OK;
  }
}
