// The answer's chart as a PNG data: URI small enough for a Teams message (Teams refuses bot messages over about 28 KB).
import type { Logger } from '../../core/logger.ts';
import type { ChartSpec } from '../../core/model/answer.ts';
import type { ChartImage } from '../render/adaptive-card.ts';

/** What the whole card may weigh, JSON included, with room for the activity envelope. */
export const CARD_BUDGET_BYTES = 26_000;
/** Sharpest first; each step roughly halves the PNG. */
const SCALES = [1, 0.75, 0.5];

export type RenderChart = (chart: ChartSpec, scale: number) => Promise<Buffer>;

export type ChartForCard = { chart: ChartImage } | { chartNote: string } | Record<string, never>;

/** Picks the largest rendering that keeps the card within budget, or says why the chart was left out. */
export async function chartForCard(
  chart: ChartSpec | undefined,
  cardBytesWithoutChart: number,
  render: RenderChart,
  logger: Logger,
): Promise<ChartForCard> {
  if (!chart) return {};
  const room = CARD_BUDGET_BYTES - cardBytesWithoutChart;
  try {
    for (const scale of SCALES) {
      const url = `data:image/png;base64,${(await render(chart, scale)).toString('base64')}`;
      if (url.length + chart.title.length + 64 <= room) return { chart: { url, altText: chart.title } };
    }
    return { chartNote: `Chart "${chart.title}" left out: too large for a Teams message.` };
  } catch (err) {
    logger.warn({ err }, 'teams chart rendering failed');
    return { chartNote: `Chart "${chart.title}" could not be drawn this time.` };
  }
}
