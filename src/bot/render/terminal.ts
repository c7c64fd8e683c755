// Answer → terminal text: the composed CFO lines, a sparkline of the chart, and what the answer rests on.
import { answerLines } from '../../core/analyst/composer.ts';
import { formatCount } from '../../core/analyst/format.ts';
import type { Answer, ChartSpec, Sources } from '../../core/model/answer.ts';
import { printable } from '../../core/model/printable.ts';

export interface TerminalRenderOptions {
  /** ANSI bold/dim when writing to a TTY. */
  color?: boolean;
}

const SPARKS = '▁▂▃▄▅▆▇█';

const BAR_WIDTH = 24;
const BARS_SHOWN = 5;

/** Horizontal bars for a bar chart's largest points: "Gas spend   ████████████ 13,035". */
export function bars(chart: ChartSpec): string[] {
  const points = [...chart.points].sort((a, b) => b.y - a.y).slice(0, BARS_SHOWN);
  const max = Math.max(...points.map((p) => p.y), 1);
  const width = Math.max(...points.map((p) => p.x.length));
  return [
    chart.title,
    ...points.map(
      (p) =>
        `  ${p.x.padEnd(width)} ${'█'.repeat(Math.max(1, Math.round((p.y / max) * BAR_WIDTH)))} ${formatCount(p.y)}`,
    ),
  ];
}

/** A one-line sparkline of the chart's first series: "Revenue (₹) 18 Nov … 24 Nov ▃▅▂▇▆█▄". */
export function sparkline(chart: ChartSpec): string {
  const series = chart.points[0]?.series;
  const points = chart.points.filter((p) => p.series === series);
  const ys = points.map((p) => p.y);
  const [min, max] = [Math.min(...ys), Math.max(...ys)];
  const bars = ys.map(
    (y) => SPARKS[max === min ? 3 : Math.round(((y - min) / (max - min)) * (SPARKS.length - 1))],
  );
  const span = points.length > 1 ? ` ${points[0]!.x} … ${points.at(-1)!.x}` : '';
  return `${chart.title}${span} ${bars.join('')}`;
}

function sourcesLines(sources: Sources): string[] {
  const { period } = sources;
  const rows = Object.entries(sources.rows)
    .filter(([, n]) => n > 0)
    .map(([category, n]) => `${formatCount(n)} ${category}`);
  const fresh = Object.entries(sources.freshness)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([category, at]) => `${category} ${at.slice(0, 16).replace('T', ' ')}`);
  // Help and other data-free answers read nothing, so they have no footer.
  if (Object.keys(sources.rows).length === 0) return [];
  return [
    `Period: ${period.from} to ${period.to} (${period.label})${rows.length ? ` · rows: ${rows.join(', ')}` : ''}`,
    ...(fresh.length ? [`Last load: ${fresh.join(', ')} UTC`] : []),
    ...sources.gaps.map((gap) => `Gap: ${gap}`),
  ];
}

/** Every name in the answer is drawn through `printable`: a file named with ESC codes cannot colour or move the terminal. */
export function renderTerminal(data: Answer, options: TerminalRenderOptions = {}): string {
  const answer = printable(data);
  const bold = (s: string) => (options.color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (options.color ? `\u001b[2m${s}\u001b[22m` : s);
  const [headline, ...rest] = answerLines(answer);
  const body = rest.map((line) => (line.includes('[TASK:]') ? `• ${line}` : line));
  const footer = [...sourcesLines(answer.sources), ...answer.notes];
  return [
    bold(headline ?? ''),
    ...(body.length ? ['', ...body] : []),
    ...(answer.chart
      ? ['', ...(answer.chart.kind === 'bar' ? bars(answer.chart) : [sparkline(answer.chart)])]
      : []),
    '',
    ...footer.map(dim),
  ].join('\n');
}
