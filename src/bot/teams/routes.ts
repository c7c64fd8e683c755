// Routes one verified Teams activity: install welcome, questions (mention, 1:1, group chat), card presses, Teams' own feedback.
import type { InvokeResponse } from '@microsoft/teams.api';
import type { ConversationRef, ConversationStore } from '../../core/chat/conversation-refs.ts';
import { cardAttachment, PROMPT_VERB } from '../render/adaptive-card.ts';
import {
  baseConversationId,
  botWasAdded,
  conversationKind,
  type InboundActivity,
  questionText,
  replyRef,
} from './activity.ts';
import { cardMessage } from './answer-message.ts';
import { answerQuestion } from './answer-question.ts';
import { type CardPressDeps, onCardAction, runPress } from './card-press.ts';
import type { TeamsConversation } from './connector.ts';
import { feedbackFromInvoke, recordNativeFeedback } from './native-feedback.ts';
import { type ParsedPress, pressFromMessage } from './parse-card-press.ts';
import { renderWelcomeCard, suggestedPromptActions } from './welcome-card.ts';

export interface RouteDeps extends CardPressDeps {
  conversations: ConversationStore;
  connect: (ref: ConversationRef) => TeamsConversation;
}

const OK: InvokeResponse = { status: 200 };

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
    if (pressed?.ok && pressed.press.verb !== PROMPT_VERB) {
      const outcome = await runPress(deps, activity, conversation, pressed.press);
      if (outcome && 'text' in outcome) await conversation.post({ type: 'message', text: outcome.text });
      return;
    }
    const question =
      pressed?.ok && pressed.press.verb === PROMPT_VERB ? pressed.press.question : questionText(activity);
    if (question === '') {
      // A press on some other app's card carries a value and no text: not ours to answer.
      if (activity.value === undefined)
        await conversation.post(cardMessage(renderWelcomeCard('empty-mention')));
      return;
    }
    await answerQuestion(deps, activity, conversation, question);
  });
  return OK;
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
