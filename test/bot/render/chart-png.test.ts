// Charts render offline to a real PNG with the shipped font, never a system font.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  renderChartPng,
  renderChartSvg,
  shippedFontFile,
  toVegaLite,
} from '../../../src/bot/render/chart-png.ts';
import type { ChartSpec } from '../../../src/core/model/answer.ts';

const chart: ChartSpec = {
  kind: 'line',
  title: 'Revenue, last 7 days',
  x: 'Day',
  y: 'Revenue',
  unit: '₹',
  points: [
    { x: '2026-01-08', y: 42000 },
    { x: '2026-01-09', y: 39000 },
    { x: '2026-01-10', y: 45500 },
  ],
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('chart rendering', () => {
  it('ships DejaVu Sans', () => {
    expect(shippedFontFile()).toMatch(/DejaVuSans\.ttf$/);
    expect(existsSync(shippedFontFile())).toBe(true);
  });

  it('keeps the x order and labels the unit', () => {
    const spec = toVegaLite(chart) as { encoding: { x: { sort: unknown }; y: { title: string } } };
    expect(spec.encoding.x.sort).toBeNull();
    expect(spec.encoding.y.title).toBe('Revenue (₹)');
  });

  it('draws the title and axis labels as text in the SVG', async () => {
    const svg = await renderChartSvg(chart);
    expect(svg).toContain('Revenue, last 7 days');
    expect(svg).toContain('2026-01-09');
    expect(svg).toContain('DejaVu Sans');
  });

  it('rasterises to a PNG of the requested scale', async () => {
    const png = await renderChartPng({ ...chart, kind: 'bar' }, { scale: 1 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(300);
  });
});
