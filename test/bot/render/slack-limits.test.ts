// The largest answers Titan can produce (a year of a café, every finding, long vendor names) hold Slack's limits on
// both surfaces — a posted message and a streamed one — and nothing that does not fit is dropped: it is attached.
import { describe, expect, it } from 'vitest';
import { MESSAGE_BLOCK_LIMIT, renderAnswer, SECTION_TEXT_LIMIT } from '../../../src/bot/render/block-kit.ts';
import { renderStreamedAnswer, STREAM_MARKDOWN_LIMIT } from '../../../src/bot/render/streamed-answer.ts';
import { assertValidBlocks } from './block-kit-rules.ts';
import { yearAnswer } from './largest-answer.ts';

const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsIn)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(stringsIn)
        : [];

/** Markdown and mrkdwn escape characters differently; compare the words. */
const words = (text: string): string => text.replace(/[\\*_`~]/g, '').replace(/&amp;/g, '&');

describe("Slack's limits on the largest answer", () => {
  const answer = yearAnswer();

  it('a posted message: ≤ 50 blocks, no section over 3,000 characters, one table of ≤ 100 rows; the rest attached', () => {
    const message = renderAnswer(answer, { audience: 'private', feedbackRef: '{"turn":"t","thread":"x"}' });
    assertValidBlocks(message.blocks);
    expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCK_LIMIT);
    for (const s of stringsIn(message.blocks)) expect(s.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    const everything = words(
      [...stringsIn(message.blocks), ...message.snippets.map((s) => s.content)].join('\n'),
    );
    for (const f of answer.findings) expect(everything).toContain(words(f.headline));
    for (const f of answer.facts) expect(everything).toContain(f.label);
  });

  it('a streamed message: markdown ≤ 12,000 characters, valid closing blocks; every finding and row somewhere', () => {
    const streamed = renderStreamedAnswer(answer, {
      audience: 'private',
      feedbackRef: '{"turn":"t","thread":"x"}',
    });
    expect(streamed.markdown.length).toBeLessThanOrEqual(STREAM_MARKDOWN_LIMIT);
    assertValidBlocks(streamed.blocks);
    for (const s of stringsIn(streamed.blocks)) expect(s.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    const everything = words([streamed.markdown, ...streamed.snippets.map((s) => s.content)].join('\n'));
    for (const f of answer.findings) expect(everything).toContain(words(f.headline));
    for (const line of answer.details ?? []) expect(everything).toContain(words(line));
    expect(streamed.snippets.map((s) => s.filename).sort()).toEqual([
      'more-findings.txt',
      'numbers.txt',
      'rows.txt',
    ]);
  });
});
