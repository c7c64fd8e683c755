// Answer.chart → PNG on the server: vega-lite spec → vega SVG → resvg raster, with a shipped font (no system fonts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from '../../core/model/answer.ts';

const FONT_FAMILY = 'DejaVu Sans';

/** The DejaVu Sans file from the `dejavu-fonts-ttf` package, so charts render the same on any machine. */
export function shippedFontFile(): string {
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return path.join(path.dirname(pkg), 'ttf', 'DejaVuSans.ttf');
}

/** The vega-lite spec of a chart: one line or bar series per `series` value, y labelled with its unit. */
export function toVegaLite(chart: ChartSpec): TopLevelSpec {
  const hasSeries = chart.points.some((p) => p.series !== undefined);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    width: 640,
    height: 320,
    background: 'white',
    data: { values: chart.points.map((p) => ({ x: p.x, y: p.y, series: p.series ?? chart.y })) },
    mark: chart.kind === 'line' ? { type: 'line', point: true } : { type: 'bar' },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: chart.x, sort: null },
      y: { field: 'y', type: 'quantitative', title: `${chart.y} (${chart.unit})` },
      ...(hasSeries ? { color: { field: 'series', type: 'nominal', title: null } } : {}),
    },
    config: { font: FONT_FAMILY },
  };
}

/** Renders the chart as SVG text (no DOM, no network: data is inline). */
export async function renderChartSvg(chart: ChartSpec): Promise<string> {
  const { spec } = compile(toVegaLite(chart));
  const view = new View(parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface ChartPngOptions {
  /** A TTF/OTF file; defaults to the shipped DejaVu Sans. */
  fontFile?: string;
  /** Output scale for sharper images in Slack's viewer. */
  scale?: number;
}

/** Renders the chart as a PNG buffer ready for `files.uploadV2`. */
export async function renderChartPng(chart: ChartSpec, options: ChartPngOptions = {}): Promise<Buffer> {
  const svg = await renderChartSvg(chart);
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [options.fontFile ?? shippedFontFile()],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
  });
  return resvg.render().asPng();
}
