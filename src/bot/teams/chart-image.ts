// The answer's chart as a PNG data: URI small enough for the room its Teams message leaves (render/adaptive-answer.ts).
import type { Logger } from '../../core/logger.ts';
import type { ChartSpec } from '../../core/model/answer.ts';
import type { AnswerChart } from '../render/adaptive-answer.ts';

/** Sharpest first; each step roughly halves the PNG. */
const SCALES = [1, 0.75, 0.5];

export type RenderChart = (chart: ChartSpec, scale: number) => Promise<Buffer>;

/** Picks the sharpest rendering whose data: URI fits in `room` bytes, or says why the chart is missing. */
export async function chartForCard(
  chart: ChartSpec | undefined,
  room: number,
  render: RenderChart,
  logger: Logger,
): Promise<AnswerChart | undefined> {
  if (!chart) return undefined;
  try {
    for (const scale of SCALES) {
      // Base64 is ASCII and JSON leaves it unescaped: its length is its bytes in the card.
      const url = `data:image/png;base64,${(await render(chart, scale)).toString('base64')}`;
      if (url.length <= room) return { image: { url, altText: chart.title } };
    }
    return { missing: 'too-large' };
  } catch (err) {
    logger.warn({ err }, 'teams chart rendering failed');
    return { missing: 'not-drawn' };
  }
}
