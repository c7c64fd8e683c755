// Answer → a streamed Slack message: the words as markdown (streamed in), then the blocks that close the stream
// (suggestions, the numbers table, how it was found, notes, feedback).
import type { Audience } from '../../core/analyst/port.ts';
import { visibleAnswer } from '../../core/analyst/visible-answer.ts';
import type { Answer, Finding } from '../../core/model/answer.ts';
import { printable } from '../../core/model/printable.ts';
import {
  type AnswerRenderOptions,
  footerBlocks,
  impactOf,
  moreFindings,
  type Snippet,
  suggestionButtons,
} from './block-kit.ts';
import type { Block } from './block-kit-blocks.ts';

/** Slack's limit on the markdown of one streamed message. */
export const STREAM_MARKDOWN_LIMIT = 12_000;

export interface StreamedMessage {
  /** Notification text. */
  text: string;
  /** The answer's words as markdown, at most STREAM_MARKDOWN_LIMIT characters. */
  markdown: string;
  /** Rendered under the streamed text when the stream stops. */
  blocks: Block[];
  snippets: Snippet[];
}

/**
 * Markdown's control characters escaped, so a name from an owner's file is shown as written; angle brackets as
 * look-alikes, because Slack documents no escaping for them in streamed markdown and `<!channel>` must ping no one.
 */
export const escapeMarkdown = (text: string): string =>
  text
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/([\\`*_~[\]#|])/g, '\\$1');

function findingMarkdown(finding: Finding, index: number): string {
  const weekly = impactOf(finding);
  return [
    `**${index + 1}. ${escapeMarkdown(finding.headline)}**${weekly ? ` _(${weekly})_` : ''}`,
    `Root cause: ${escapeMarkdown(finding.rootCause)}`,
    `→ ${escapeMarkdown(finding.action.text)} — **by ${escapeMarkdown(finding.action.deadlineLabel)}** (${finding.action.deadline.slice(0, 10)})`,
  ].join('\n');
}

/** The answer for chat.startStream / appendStream / stopStream; findings past the markdown limit go, whole, into a snippet. */
export function renderStreamedAnswer(
  data: Answer,
  drawn: AnswerRenderOptions & { audience: Audience },
): StreamedMessage {
  const [answer, options] = [printable(data), printable(drawn)];
  const { findings: visible, facts, hiddenFindings: hidden } = visibleAnswer(answer, options.audience);
  const snippets: Snippet[] = [];

  const lead = [
    ...(options.preface ? [escapeMarkdown(options.preface)] : []),
    `**${escapeMarkdown(answer.headline)}**`,
    // The lead finding usually carries the same root cause; say it once.
    ...(answer.rootCause && !visible.some((f) => f.rootCause === answer.rootCause)
      ? [`Root cause: ${escapeMarkdown(answer.rootCause)}`]
      : []),
  ];
  // A breakdown's rows (a line a day of a year) fill half the text at most; the rest go, whole, into a snippet.
  const details = (answer.details ?? []).map(escapeMarkdown);
  let kept = 0;
  for (let length = lead.join('\n').length; kept < details.length; kept++) {
    length += details[kept]!.length + 1;
    if (length > STREAM_MARKDOWN_LIMIT / 2) break;
  }
  if (kept < details.length) {
    snippets.push({ filename: 'rows.txt', title: 'All rows', content: (answer.details ?? []).join('\n') });
    details.splice(
      kept,
      details.length - kept,
      `_${details.length - kept} more rows are attached as rows.txt._`,
    );
  }
  const head = [...lead, ...details].join('\n');

  const covered = new Set(visible.map((f) => f.action.text));
  const extra = answer.actions.filter((a) => !covered.has(a.text));
  const tail = [
    ...(extra.length > 0
      ? [
          [
            '**Do next**',
            ...extra.map((a) => `• ${escapeMarkdown(a.text)} — **by ${escapeMarkdown(a.deadlineLabel)}**`),
          ].join('\n'),
        ]
      : []),
    ...(hidden > 0
      ? [`_${hidden} finding(s) naming staff are left out in this channel; ask Titan in a DM to see them._`]
      : []),
  ];

  // Room for the "more findings attached" line, so adding it never pushes the text past the limit.
  const budget = STREAM_MARKDOWN_LIMIT - 200 - [head, ...tail].join('\n\n').length;
  const parts: string[] = [];
  let used = 0;
  for (const [i, finding] of visible.entries()) {
    const text = findingMarkdown(finding, i);
    if (used + text.length + 2 > budget) break;
    parts.push(text);
    used += text.length + 2;
  }
  const blocks: Block[] = [];
  if (parts.length < visible.length) blocks.push(moreFindings(visible, parts.length, snippets));
  blocks.unshift(...suggestionButtons(answer.reading?.suggestions ?? []));
  blocks.push(...footerBlocks(answer, facts, options, snippets));

  const markdown = [head, ...parts, ...tail].join('\n\n');
  return { text: answer.headline, markdown, blocks, snippets };
}
