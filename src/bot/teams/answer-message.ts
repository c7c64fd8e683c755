// An Answer as the Teams messages that carry it: the answer card (chart within the size budget) with the AI label, citations and
// Teams' feedback buttons, then any cards it continues on.
import type { Logger } from '../../core/logger.ts';
import type { Answer } from '../../core/model/answer.ts';
import { type AnswerCardOptions, renderAnswerCards } from '../render/adaptive-answer.ts';
import { type AdaptiveCard, cardAttachment } from '../render/adaptive-card.ts';
import { aiMessageParts } from './ai-message.ts';
import { chartForCard, type RenderChart } from './chart-image.ts';
import type { OutboundActivity } from './connector.ts';

export type MessageActivity = OutboundActivity & { type: 'message' };

export const cardMessage = (card: AdaptiveCard): MessageActivity => ({
  type: 'message',
  attachments: [cardAttachment(card)],
});

export interface AnswerMessageOptions extends AnswerCardOptions {
  /** The exchange was stored, so a vote on Teams' own feedback buttons can find it. */
  feedback?: boolean;
}

export interface AnswerMessages {
  /** The message that is the answer (posted, edited in place or closing a stream). */
  answer: MessageActivity;
  /** Cards the answer continues on, posted after it in order: what did not fit is never dropped. */
  more: MessageActivity[];
}

export async function answerMessages(
  answer: Answer,
  options: AnswerMessageOptions,
  renderChart: RenderChart,
  logger: Logger,
): Promise<AnswerMessages> {
  const { feedback, ...cardOptions } = options;
  const [bare] = renderAnswerCards(answer, cardOptions);
  const chart = await chartForCard(
    answer.chart,
    Buffer.byteLength(JSON.stringify(bare)),
    renderChart,
    logger,
  );
  const [card, ...more] = renderAnswerCards(answer, { ...cardOptions, ...chart });
  const { text, entity } = aiMessageParts(answer);
  return {
    answer: {
      type: 'message',
      ...(text ? { text } : {}),
      attachments: [cardAttachment(card!)],
      entities: [entity],
      // Teams' default 👍/👎 form: the SDK rewrites the older `feedbackLoopEnabled: true` to this on a stream's
      // final message, so every path sends the same.
      ...(feedback ? { channelData: { feedbackLoop: { type: 'default' as const } } } : {}),
    },
    more: more.map(cardMessage),
  };
}
