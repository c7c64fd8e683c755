// An Answer as the Teams messages that carry it: the answer card (chart within the room left) with the AI label,
// citations and Teams' feedback buttons, then any cards it continues on.
import type { Logger } from '../../core/logger.ts';
import type { Answer } from '../../core/model/answer.ts';
import { type AnswerCardOptions, renderAnswerCards } from '../render/adaptive-answer.ts';
import { type AdaptiveCard, CARD_CONTENT_TYPE, cardAttachment } from '../render/adaptive-card.ts';
import { aiMessageParts } from './ai-message.ts';
import { chartForCard, type RenderChart } from './chart-image.ts';
import type { OutboundActivity } from './connector.ts';

export type MessageActivity = OutboundActivity & { type: 'message' };

export const cardMessage = (card: AdaptiveCard): MessageActivity => ({
  type: 'message',
  attachments: [cardAttachment(card)],
});

export interface AnswerMessageOptions extends Omit<AnswerCardOptions, 'besideBytes'> {
  /** The exchange was stored, so a vote on Teams' own feedback buttons can find it. */
  feedback?: boolean;
}

export interface AnswerMessages {
  /** The message that is the answer (posted, edited in place or closing a stream). */
  answer: MessageActivity;
  /** Cards the answer continues on, posted after it in order: what did not fit is never dropped. */
  more: MessageActivity[];
}

/** The bytes a message adds around its one card: everything but the card's own JSON. */
const besideCard = (message: MessageActivity): number =>
  Buffer.byteLength(
    JSON.stringify({ ...message, attachments: [{ contentType: CARD_CONTENT_TYPE, content: {} }] }),
  );

export async function answerMessages(
  answer: Answer,
  options: AnswerMessageOptions,
  renderChart: RenderChart,
  logger: Logger,
): Promise<AnswerMessages> {
  const { feedback, ...cardOptions } = options;
  const { text, entity } = aiMessageParts(answer);
  const message: MessageActivity = {
    type: 'message',
    ...(text ? { text } : {}),
    entities: [entity],
    // Teams' default 👍/👎 form: the SDK rewrites the older `feedbackLoopEnabled: true` to this on a stream's
    // final message, so every path sends the same.
    ...(feedback ? { channelData: { feedbackLoop: { type: 'default' as const } } } : {}),
  };
  // The card is laid out once, in the room the text and entities leave; the chart then takes what the words leave.
  const cards = renderAnswerCards(answer, { ...cardOptions, besideBytes: besideCard(message) });
  const chart = await chartForCard(answer.chart, cards.chartRoom, renderChart, logger);
  return {
    answer: { ...message, attachments: [cardAttachment(cards.answerCard(chart))] },
    more: cards.more.map(cardMessage),
  };
}
