// The terminal view of an Answer: the CFO lines, the chart drawn in text, and the sources footer.
import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../../src/bot/render/terminal.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { controlsIn, HOSTILE_FILE_SHOWN, HOSTILE_ITEM_SHOWN, hostileAnswer } from './hostile-names.ts';

const period = { from: '2026-11-18', to: '2026-11-24', label: 'last 7 days' };

const answer: Answer = {
  intent: 'leak-scan',
  headline: 'Profit-leak scan, last 7 days: 2 leaks worth ₹3,140/week.',
  rootCause: 'over-mixing',
  findings: [
    {
      key: 'wastage:maida:p',
      headline: 'Maida wastage: 12 kg (₹840), up 23%',
      rootCause: 'over-mixing',
      action: {
        text: 'Retrain prep staff',
        deadline: '2026-11-26T04:30:00.000Z',
        deadlineLabel: 'tomorrow 10 AM',
      },
      impactPerWeek: 840,
      factIds: [],
    },
  ],
  actions: [],
  tasks: [],
  facts: [],
  chart: {
    kind: 'bar',
    title: 'Leaks, ₹ per week',
    x: 'finding',
    y: 'impact',
    unit: 'INR/week',
    points: [
      { x: 'Paneer price', y: 2300 },
      { x: 'Maida wastage', y: 840 },
    ],
  },
  sources: {
    period,
    rows: { sales: 45210, expenses: 0 },
    freshness: { sales: '2026-11-25T02:00:00.000Z', expenses: null },
    gaps: ['No sales data on 20 Nov'],
  },
  path: 'offline',
  notes: ['Every workspace member counts as an owner until TITAN_OWNERS is set.'],
  details: ['Yesterday: revenue ₹68,138.'],
};

describe('terminal renderer', () => {
  it('writes the headline, findings as [NUMBER] → root cause → task lines, details, chart and sources', () => {
    expect(renderTerminal(answer).split('\n')).toEqual([
      'Profit-leak scan, last 7 days: 2 leaks worth ₹3,140/week.',
      '',
      '• Maida wastage: 12 kg (₹840), up 23% → Root cause: over-mixing → [TASK:] Retrain prep staff by tomorrow 10 AM',
      'Yesterday: revenue ₹68,138.',
      '',
      'Leaks, ₹ per week',
      '  Paneer price  ████████████████████████ 2,300',
      '  Maida wastage █████████ 840',
      '',
      'Period: 2026-11-18 to 2026-11-24 (last 7 days) · rows: 45,210 sales',
      'Last load: sales 2026-11-25 02:00 UTC',
      'Gap: No sales data on 20 Nov',
      'Every workspace member counts as an owner until TITAN_OWNERS is set.',
    ]);
  });

  it('draws a line chart as a sparkline', () => {
    const line = renderTerminal({
      ...answer,
      chart: {
        kind: 'line',
        title: 'Revenue by day (₹)',
        x: 'date',
        y: 'revenue',
        unit: 'INR',
        points: [1, 5, 3, 8].map((y, i) => ({ x: `2026-11-0${i + 1}`, y })),
      },
    });
    expect(line).toContain('Revenue by day (₹) 2026-11-01 … 2026-11-04 ▁▅▃█');
  });

  it('bolds the headline only on a colour terminal', () => {
    expect(renderTerminal(answer, { color: true }).split('\n')[0]).toBe(
      `\u001b[1m${answer.headline}\u001b[22m`,
    );
  });

  it("shows names from owners' files with control characters visible: no line forged, no colour changed", () => {
    const lines = renderTerminal(hostileAnswer()).split('\n');
    for (const line of lines) expect(controlsIn(line)).toEqual([]);
    expect(lines).toContain(`Gap: Failed expenses file ${HOSTILE_FILE_SHOWN}: no data rows`);
    expect(lines).toContain(`Read ${HOSTILE_FILE_SHOWN}`);
    expect(lines[0]).toBe(`${HOSTILE_ITEM_SHOWN} up 23% <!channel>`);
  });
});
