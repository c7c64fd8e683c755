// An answer (or any card) as the message activity Titan sends: the answer card with its chart as large as Teams allows.
import type { Logger } from '../../core/logger.ts';
import type { Answer } from '../../core/model/answer.ts';
import {
  type AdaptiveCard,
  type AnswerCardOptions,
  cardAttachment,
  renderAnswerCard,
} from '../render/adaptive-card.ts';
import { chartForCard, type RenderChart } from './chart-image.ts';
import type { OutboundActivity } from './connector.ts';

export const cardMessage = (card: AdaptiveCard): OutboundActivity => ({
  type: 'message',
  attachments: [cardAttachment(card)],
});

export async function answerMessage(
  answer: Answer,
  options: AnswerCardOptions,
  renderChart: RenderChart,
  logger: Logger,
): Promise<OutboundActivity> {
  const bare = JSON.stringify(renderAnswerCard(answer, options));
  const chart = await chartForCard(answer.chart, Buffer.byteLength(bare), renderChart, logger);
  return cardMessage(renderAnswerCard(answer, { ...options, ...chart }));
}
