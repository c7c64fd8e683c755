// The Block Kit view of an Answer: what the owner reads, within Slack's limits, never cut off.
import { describe, expect, it } from 'vitest';
import { decodeVote } from '../../../src/bot/feedback-ref.ts';
import {
  MESSAGE_BLOCK_LIMIT,
  renderAnswer,
  SECTION_TEXT_LIMIT,
  sections,
} from '../../../src/bot/render/block-kit.ts';
import { renderTaskCard } from '../../../src/bot/slack/task-card.ts';
import type { Fact } from '../../../src/core/model/answer.ts';
import { assertValidBlocks } from './block-kit-rules.ts';
import {
  controlsIn,
  HOSTILE_FILE_SHOWN,
  HOSTILE_ITEM_SHOWN,
  hostileAnswer,
  hostileTask,
  stringsIn,
} from './hostile-names.ts';
import { sampleAnswer, sampleFinding } from './sample-answer.ts';

const textOf = (blocks: unknown[]): string => JSON.stringify(blocks);

describe('renderAnswer', () => {
  it('leads with the headline, then each finding as number → root cause → action with its deadline', () => {
    const { blocks, text } = renderAnswer(sampleAnswer(), { audience: 'private', feedbackRef: 'ref-1' });
    assertValidBlocks(blocks);
    expect(text).toBe('Profit leaks: ₹2,940/week across 2 findings');
    const first = blocks[0] as { type: string; text: { text: string } };
    expect(first.text.text).toContain('*Profit leaks: ₹2,940/week across 2 findings*');
    const all = textOf(blocks);
    expect(all).toContain('*1. Maida wastage: 12 kg (₹840), up 23%*');
    expect(all).toContain('Root cause: Over-mixing at the dough station');
    expect(all).toContain('→ Retrain prep staff on dough ratios — *by tomorrow 10 AM*');
    expect(all).toContain('<!date^1768537800^');
    expect(all).toContain('Ravi comped 14 bills');
  });

  it('says how the answer was found: period, rows, freshness, gaps', () => {
    const { blocks } = renderAnswer(sampleAnswer(), { audience: 'private' });
    const how = blocks.find((b) => b.type === 'context' && textOf([b]).includes('How this was found'));
    expect(how).toBeDefined();
    const t = textOf([how]);
    expect(t).toContain('last 7 days (2026-01-08 → 2026-01-14)');
    expect(t).toContain('45,210 sales');
    expect(t).toContain('inventory never loaded');
    expect(t).toContain('Gaps: no recipes loaded');
  });

  it('leaves staff-level findings and their numbers out of a public channel, and says so', () => {
    const { blocks } = renderAnswer(sampleAnswer(), { audience: 'public' });
    const all = textOf(blocks);
    expect(all).not.toContain('Ravi');
    expect(all).toContain('1 finding(s) naming staff are left out in this channel');
    expect(all).toContain('Maida wastage');
  });

  it("carries Slack's own feedback buttons, each naming its vote and the stored answer", () => {
    const ref = '{"turn":"t1","thread":"slack:C1:1.2"}';
    const { blocks } = renderAnswer(sampleAnswer(), { audience: 'private', feedbackRef: ref });
    assertValidBlocks(blocks);
    const last = blocks.at(-1) as {
      type: string;
      elements: {
        type: string;
        action_id: string;
        positive_button: { value: string };
        negative_button: { value: string };
      }[];
    };
    expect(last.type).toBe('context_actions');
    expect(last.elements[0]).toMatchObject({ type: 'feedback_buttons', action_id: 'titan_feedback' });
    expect(decodeVote(last.elements[0]!.positive_button.value)).toEqual({ vote: 'up', ref: JSON.parse(ref) });
    expect(decodeVote(last.elements[0]!.negative_button.value)).toEqual({
      vote: 'down',
      ref: JSON.parse(ref),
    });
  });

  it('shows the numbers as a native table, a header and one row per figure', () => {
    const answer = sampleAnswer();
    const { blocks } = renderAnswer(answer, { audience: 'private' });
    assertValidBlocks(blocks);
    const table = blocks.find((b) => b.type === 'table') as { rows: { text: string }[][] };
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['Figure', 'Value', 'Period']);
    expect(table.rows.slice(1).map((r) => r[0]!.text)).toEqual(answer.facts.map((f) => f.label));
  });

  it('says each figure once: no repeated ₹/week, no repeated root cause, one date for sources loaded together', () => {
    const answer = sampleAnswer();
    answer.findings[0]!.headline = 'Maida wastage: 12 kg (₹840), ₹840/week extra';
    answer.rootCause = answer.findings[0]!.rootCause;
    answer.sources.freshness = { sales: '2026-01-14T22:00:00.000Z', purchases: '2026-01-14T22:00:00.000Z' };
    const all = textOf(renderAnswer(answer, { audience: 'private' }).blocks);
    expect(all.split('₹840/week')).toHaveLength(2);
    expect(all.split('Over-mixing at the dough station')).toHaveLength(2);
    expect(all).toContain('Data as of: sales, purchases <!date^');
  });

  it('escapes Slack control characters in analyst text', () => {
    const { blocks } = renderAnswer(sampleAnswer({ headline: 'Tea & coffee <up> 5%', findings: [] }), {
      audience: 'private',
    });
    expect(textOf(blocks)).toContain('Tea &amp; coffee &lt;up&gt; 5%');
  });

  it('keeps a message of 60 findings within 50 blocks and attaches the rest whole as a snippet', () => {
    const findings = Array.from({ length: 60 }, (_, i) => sampleFinding(i + 1));
    const { blocks, snippets } = renderAnswer(sampleAnswer({ findings }), {
      audience: 'private',
      feedbackRef: 'r',
    });
    assertValidBlocks(blocks);
    expect(blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCK_LIMIT);
    const more = snippets.find((s) => s.filename === 'more-findings.txt');
    expect(more).toBeDefined();
    expect(more!.content).toContain('60. Item 60 wastage');
    const shown = textOf(blocks).match(/\*\d+\. Item/g)?.length ?? 0;
    expect(shown + more!.content.split('\n\n').length).toBe(60);
  });

  it('sends a numbers table longer than a table block allows as a text snippet, not a cut-off table', () => {
    const period = { from: '2026-01-01', to: '2026-01-31', label: 'January' };
    const facts: Fact[] = Array.from({ length: 140 }, (_, i) => ({
      id: `f${i}`,
      label: `Item ${i} purchases`,
      value: 1000 + i,
      unit: 'INR',
      period,
      query: 'vendor-prices',
    }));
    const { blocks, snippets } = renderAnswer(sampleAnswer({ facts }), { audience: 'private' });
    assertValidBlocks(blocks);
    const table = snippets.find((s) => s.filename === 'numbers.txt');
    expect(table?.content.split('\n')).toHaveLength(140);
    expect(table?.content).toContain('Item 139 purchases  ₹1,139  January');
    expect(blocks.some((b) => b.type === 'table')).toBe(false);
    expect(textOf(blocks)).toContain('attached as numbers.txt');
  });

  it('splits text longer than 3,000 characters into several sections without dropping any of it', () => {
    const long = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(30)}`).join('\n');
    const parts = sections(long);
    expect(parts.length).toBeGreaterThan(1);
    const texts = parts.map((p) => (p as { text: { text: string } }).text.text);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    expect(texts.join('\n')).toBe(long);
  });

  it("shows names from owners' files with control characters visible, and lets none ping the channel", () => {
    const message = renderAnswer(hostileAnswer(), { audience: 'private' });
    assertValidBlocks(message.blocks);
    for (const s of stringsIn(message)) expect(controlsIn(s, { lineFeeds: true })).toEqual([]);
    const all = stringsIn(message.blocks).join('\n');
    expect(all).toContain(`Gaps: Failed expenses file ${HOSTILE_FILE_SHOWN}: no data rows`);
    expect(all).toContain(HOSTILE_ITEM_SHOWN);
    expect(JSON.stringify(message)).not.toMatch(/<!channel>|<@U0BOSS>/);
    expect(message.text).toBe(`${HOSTILE_ITEM_SHOWN} up 23% &lt;!channel&gt;`);
  });

  it('draws a task card whose title names such a file the same way', () => {
    const card = renderTaskCard(hostileTask());
    for (const s of stringsIn(card)) expect(controlsIn(s, { lineFeeds: true })).toEqual([]);
    expect(stringsIn(card).join('\n')).toContain(`Re-send ${HOSTILE_FILE_SHOWN} &lt;!here&gt;`);
    expect(JSON.stringify(card)).not.toContain('<!here>');
  });
});

describe('renderAnswer: query answers and declines', () => {
  it('shows the detail lines (a breakdown) under the headline', () => {
    const answer = sampleAnswer({
      findings: [],
      details: ['• Masala Dosa: ₹12,400', '• Filter Coffee: ₹8,100'],
    });
    const all = textOf(renderAnswer(answer, { audience: 'private' }).blocks);
    expect(all).toContain('• Masala Dosa: ₹12,400');
    expect(all).toContain('• Filter Coffee: ₹8,100');
  });

  it("offers a declined question's closest readings as buttons that ask them", () => {
    const suggestions = ['Revenue last 7 days', 'Top 5 items by revenue last 30 days'];
    const answer = sampleAnswer({
      intent: 'declined',
      findings: [],
      reading: { text: "I don't have table turnover time", suggestions },
    });
    const { blocks } = renderAnswer(answer, { audience: 'private' });
    assertValidBlocks(blocks);
    const buttons = blocks.flatMap((b) =>
      b.type === 'actions' && b.block_id === 'titan_suggestions' ? b.elements : [],
    ) as { action_id: string; value: string }[];
    expect(buttons.map((b) => b.value)).toEqual(suggestions);
    // The quick-prompt action ids: a press asks the question like a typed one.
    for (const b of buttons) expect(b.action_id).toMatch(/^titan_prompt_\d+$/);
  });
});
