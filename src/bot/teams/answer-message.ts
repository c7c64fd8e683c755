// An Answer as the Teams message that carries it: the card (chart within the size budget), the AI label and citations, Teams' feedback buttons.
import type { Logger } from '../../core/logger.ts';
import type { Answer } from '../../core/model/answer.ts';
import {
  type AdaptiveCard,
  type AnswerCardOptions,
  cardAttachment,
  renderAnswerCard,
} from '../render/adaptive-card.ts';
import { aiMessageParts } from './ai-message.ts';
import { chartForCard, type RenderChart } from './chart-image.ts';
import type { OutboundActivity } from './connector.ts';

export const cardMessage = (card: AdaptiveCard): OutboundActivity => ({
  type: 'message',
  attachments: [cardAttachment(card)],
});

export interface AnswerMessageOptions extends AnswerCardOptions {
  /** The exchange was stored, so a vote on Teams' own feedback buttons can find it. */
  feedback?: boolean;
}

export async function answerMessage(
  answer: Answer,
  options: AnswerMessageOptions,
  renderChart: RenderChart,
  logger: Logger,
): Promise<OutboundActivity & { type: 'message' }> {
  const { feedback, ...cardOptions } = options;
  const bare = JSON.stringify(renderAnswerCard(answer, cardOptions));
  const chart = await chartForCard(answer.chart, Buffer.byteLength(bare), renderChart, logger);
  const { text, entity } = aiMessageParts(answer);
  return {
    type: 'message',
    ...(text ? { text } : {}),
    attachments: [cardAttachment(renderAnswerCard(answer, { ...cardOptions, ...chart }))],
    entities: [entity],
    ...(feedback ? { channelData: { feedbackLoopEnabled: true } } : {}),
  };
}
