// Answer → Slack Block Kit: headline, findings (number → root cause → action by deadline), "How this was found", feedback.
import { formatCount, formatFact, formatInr } from '../../core/analyst/format.ts';
import type { Audience } from '../../core/analyst/port.ts';
import { visibleAnswer } from '../../core/analyst/visible-answer.ts';
import type { Answer, Fact, Finding, Sources } from '../../core/model/answer.ts';
import { printable } from '../../core/model/printable.ts';
import { encodeVote } from '../feedback-ref.ts';
import type { Block } from './block-kit-blocks.ts';

/** Slack's limits: characters in a section's text, blocks in one message. */
export const SECTION_TEXT_LIMIT = 3000;
export const MESSAGE_BLOCK_LIMIT = 50;
/** Slack's table block: at most 100 rows (the header is one) and one table per message. */
export const TABLE_ROW_LIMIT = 100;

/** Slack's native feedback_buttons element; each button's value says its vote (feedback-ref.ts). */
export const FEEDBACK_ACTION = 'titan_feedback';
/** The hand-made 👍/👎 buttons of answers posted before the native ones: their presses still count. */
export const LEGACY_FEEDBACK_ACTIONS = { up: 'titan_feedback_up', down: 'titan_feedback_down' } as const;

/** A text file to upload into the thread (a table too long for a message). */
export interface Snippet {
  filename: string;
  title: string;
  content: string;
}

export interface RenderedMessage {
  /** Notification / fallback text. */
  text: string;
  blocks: Block[];
  snippets: Snippet[];
}

export interface AnswerRenderOptions {
  audience: Audience;
  /** Carried by the 👍/👎 buttons so a press finds the stored answer again; no buttons without it. */
  feedbackRef?: string;
  /** Extra lines under the answer (e.g. the open-access note). */
  notes?: string[];
  /** Shown above the answer when the question is not visible above it (slash commands, digests). */
  preface?: string;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A date Slack shows in the reader's own time zone, with a UTC fallback. */
export function slackDate(iso: string, format = '{date_short_pretty} {time}'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return escapeMrkdwn(iso);
  const fallback = new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
  return `<!date^${Math.floor(ms / 1000)}^${format}|${fallback} UTC>`;
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Slack's limits on a button: its label and its value. */
const BUTTON_TEXT_LIMIT = 75;
const BUTTON_VALUE_LIMIT = 2000;
/** Closest readings of a question Titan declined, as buttons that ask them (the quick-prompt action ids). */
export function suggestionButtons(suggestions: string[]): Block[] {
  if (suggestions.length === 0) return [];
  return [
    {
      type: 'actions',
      block_id: 'titan_suggestions',
      elements: suggestions.slice(0, 5).map((question, i) => ({
        type: 'button' as const,
        action_id: `titan_prompt_${i}`,
        text: { type: 'plain_text' as const, text: question.slice(0, BUTTON_TEXT_LIMIT) },
        value: question.slice(0, BUTTON_VALUE_LIMIT),
      })),
    },
  ];
}
const context = (texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, 10).map((text) => ({ type: 'mrkdwn', text: text.slice(0, SECTION_TEXT_LIMIT) })),
});

/** Splits text into section blocks of at most 3,000 characters, at line breaks where possible; nothing is dropped. */
export function sections(text: string): Block[] {
  const out: Block[] = [];
  let rest = text;
  while (rest.length > SECTION_TEXT_LIMIT) {
    const cut = rest.lastIndexOf('\n', SECTION_TEXT_LIMIT);
    const at = cut > 0 ? cut : SECTION_TEXT_LIMIT;
    out.push(section(rest.slice(0, at)));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.length > 0) out.push(section(rest));
  return out;
}

/** "₹840/week", unless the headline already says it. */
export function impactOf(finding: Finding): string | undefined {
  const weekly = `${formatInr(finding.impactPerWeek)}/week`;
  return finding.impactPerWeek > 0 && !finding.headline.includes(weekly) ? weekly : undefined;
}

function findingText(finding: Finding, index: number): string {
  const weekly = impactOf(finding);
  const impact = weekly ? ` _(${weekly})_` : '';
  return [
    `*${index + 1}. ${escapeMrkdwn(finding.headline)}*${impact}`,
    `Root cause: ${escapeMrkdwn(finding.rootCause)}`,
    `→ ${escapeMrkdwn(finding.action.text)} — *by ${escapeMrkdwn(finding.action.deadlineLabel)}* (${slackDate(finding.action.deadline)})`,
  ].join('\n');
}

/** The same finding as plain text, for a snippet file (no mrkdwn, the deadline as written). */
function findingPlain(finding: Finding, index: number): string {
  const weekly = impactOf(finding);
  const impact = weekly ? ` (${weekly})` : '';
  return [
    `${index + 1}. ${finding.headline}${impact}`,
    `   Root cause: ${finding.rootCause}`,
    `   -> ${finding.action.text} by ${finding.action.deadlineLabel} (${finding.action.deadline})`,
  ].join('\n');
}

const factRows = (facts: Fact[]): string[][] => facts.map((f) => [f.label, formatFact(f), f.period.label]);

/** The numbers as monospace text, where a table block is not allowed (a snippet file). */
function factsText(facts: Fact[]): string {
  const rows = factRows(facts);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The numbers as Slack's native table: a header row, then one row per fact, values right-aligned. */
export function factsTableBlock(facts: Fact[]): Block {
  // Slack documents no escaping for raw_text, so angle brackets become look-alikes: a file naming an item
  // "<!channel>" can never ping anyone from a table.
  const cell = (text: string) => ({
    type: 'raw_text' as const,
    text: text.replace(/</g, '‹').replace(/>/g, '›') || ' ',
  });
  return {
    type: 'table',
    block_id: 'titan_numbers',
    column_settings: [{ is_wrapped: true }, { align: 'right' }, { is_wrapped: true }],
    rows: [['Figure', 'Value', 'Period'], ...factRows(facts)].map((r) => r.map(cell)),
  };
}

/** "How this was found": period, rows read, freshness of each source, known gaps, who wrote the words. */
export function howFound(sources: Sources, path: Answer['path']): string[] {
  const p = sources.period;
  const rows = Object.entries(sources.rows).map(([name, n]) => `${formatCount(n)} ${name}`);
  // Sources loaded together share one date: "sales, purchases <date>" rather than the date four times.
  const byTime = new Map<string | null, string[]>();
  for (const [name, at] of Object.entries(sources.freshness))
    byTime.set(at, [...(byTime.get(at) ?? []), name]);
  const fresh = [...byTime].map(([at, names]) =>
    at ? `${names.join(', ')} ${slackDate(at, '{date_short_pretty}')}` : `${names.join(', ')} never loaded`,
  );
  return [
    `*How this was found:* ${escapeMrkdwn(p.label)} (${p.from} → ${p.to})`,
    rows.length > 0 ? `Rows read: ${rows.join(', ')}` : 'Rows read: none',
    ...(fresh.length > 0 ? [`Data as of: ${fresh.join(', ')}`] : []),
    ...(sources.gaps.length > 0 ? [`Gaps: ${escapeMrkdwn(sources.gaps.join('; '))}`] : []),
    path === 'llm'
      ? 'Worded by Gemini; every number checked against the SQL facts'
      : 'Computed offline from SQL facts',
  ];
}

/** Slack's own thumbs (feedback_buttons in a context_actions block): one tap, shown the way Slack shows AI feedback. */
export function feedbackBlock(ref: string): Block {
  const button = (vote: 'up' | 'down', text: string, label: string) => ({
    text: { type: 'plain_text' as const, text },
    accessibility_label: label,
    value: encodeVote(vote, ref),
  });
  return {
    type: 'context_actions',
    block_id: 'titan_feedback',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION,
        positive_button: button('up', 'Helpful', 'Mark this answer helpful'),
        negative_button: button('down', 'Not helpful', 'Mark this answer not helpful'),
      },
    ],
  };
}

/**
 * What closes every answer, sent or streamed: the numbers (a table, or a snippet past 100 rows), how it was
 * found, notes, and the feedback buttons. `answer` and `options` are already drawn through `printable`.
 */
export function footerBlocks(
  answer: Answer,
  facts: Fact[],
  options: AnswerRenderOptions,
  snippets: Snippet[],
): Block[] {
  const blocks: Block[] = [];
  if (facts.length >= TABLE_ROW_LIMIT) {
    snippets.push({
      filename: 'numbers.txt',
      title: 'Numbers behind this answer',
      content: factsText(facts),
    });
    blocks.push(context([`The ${facts.length} numbers behind this answer are attached as numbers.txt.`]));
  } else if (facts.length > 0) {
    blocks.push(section('*Numbers used*'), factsTableBlock(facts));
  }
  const notes = [...answer.notes, ...(options.notes ?? [])];
  blocks.push({ type: 'divider' }, context(howFound(answer.sources, answer.path)));
  if (notes.length > 0) blocks.push(context(notes.map(escapeMrkdwn)));
  if (options.feedbackRef) blocks.push(feedbackBlock(options.feedbackRef));
  return blocks;
}

/** The findings from `shown` on, whole, as a snippet file, and the line that says so: never cut off. */
export function moreFindings(visible: Finding[], shown: number, snippets: Snippet[]): Block {
  const rest = visible
    .slice(shown)
    .map((f, i) => findingPlain(f, shown + i))
    .join('\n\n');
  snippets.push({ filename: 'more-findings.txt', title: 'More findings', content: rest });
  return context([`${visible.length - shown} more finding(s) are attached as more-findings.txt.`]);
}

/**
 * Renders an Answer as one Slack message (≤ 50 blocks, ≤ 3,000 characters a section) plus any snippet files.
 * Answer and options are drawn through `printable` (no control character reaches Slack), then each value
 * through `escapeMrkdwn` (a file named `<!channel>` pings no one).
 */
export function renderAnswer(data: Answer, drawn: AnswerRenderOptions): RenderedMessage {
  const [answer, options] = [printable(data), printable(drawn)];
  const { findings: visible, facts, hiddenFindings: hidden } = visibleAnswer(answer, options.audience);
  const snippets: Snippet[] = [];

  const head: Block[] = [
    ...(options.preface ? [context([options.preface])] : []),
    ...sections(
      [
        `*${escapeMrkdwn(answer.headline)}*`,
        // The lead finding usually carries the same root cause; say it once.
        answer.rootCause && !visible.some((f) => f.rootCause === answer.rootCause)
          ? `Root cause: ${escapeMrkdwn(answer.rootCause)}`
          : '',
        ...(answer.details ?? []).map(escapeMrkdwn),
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    ...suggestionButtons(answer.reading?.suggestions ?? []),
  ];

  const covered = new Set(visible.map((f) => f.action.text));
  const extraActions = answer.actions.filter((a) => !covered.has(a.text));
  const tail: Block[] = [
    ...(extraActions.length > 0
      ? sections(
          [
            '*Do next*',
            ...extraActions.map((a) => `• ${escapeMrkdwn(a.text)} — *by ${escapeMrkdwn(a.deadlineLabel)}*`),
          ].join('\n'),
        )
      : []),
    ...(hidden > 0
      ? [
          context([
            `${hidden} finding(s) naming staff are left out in this channel; ask Titan in a DM to see them.`,
          ]),
        ]
      : []),
  ];

  tail.push(...footerBlocks(answer, facts, options, snippets));

  // Findings fill what the 50-block budget leaves; the rest go, whole, into a snippet rather than being cut.
  const budget = MESSAGE_BLOCK_LIMIT - head.length - tail.length - 1;
  const findingBlocks: Block[] = [];
  let shown = 0;
  for (const [i, finding] of visible.entries()) {
    const blocks = sections(findingText(finding, i));
    if (findingBlocks.length + blocks.length > budget) break;
    findingBlocks.push(...blocks);
    shown++;
  }
  if (shown < visible.length) findingBlocks.push(moreFindings(visible, shown, snippets));

  return { text: escapeMrkdwn(answer.headline), blocks: [...head, ...findingBlocks, ...tail], snippets };
}
