// Answer → Adaptive Cards 1.5 (Teams): headline, findings (number → root cause → action by deadline), numbers as tables,
// chart, "How this was found"; each message within Teams' activity limit, what does not fit continuing on the next.
import { formatCount, formatFact, formatInr } from '../../core/analyst/format.ts';
import type { Audience } from '../../core/analyst/port.ts';
import { visibleAnswer } from '../../core/analyst/visible-answer.ts';
import type { Answer, Fact, Finding, Sources } from '../../core/model/answer.ts';
import { printable } from '../../core/model/printable.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  type ChartImage,
  cardDate,
  promptAction,
  text,
} from './adaptive-card.ts';
import { type ColumnSpec, monospaceRows, tableElement } from './adaptive-table.ts';
import { groupByBytes, jsonBytes, takeWhileFits } from './byte-packing.ts';

/**
 * Teams refuses (413) a bot message past about 28 KB, counting the whole activity: its cards, its entities (the AI
 * label and citations), its text and the fields the Bot Connector client adds. Every message is held under it.
 */
export const ACTIVITY_BYTES_LIMIT = 28_000;
/** Room kept for what the Bot Connector client adds to an activity (ids, from, conversation, stream fields). */
const ENVELOPE_BYTES = 2_000;
/** Room kept on a card for the line saying the answer continues. */
const CONTINUED_NOTE_BYTES = 200;
/** What the answer's own words may weigh on its card, so that the chart keeps room beside them. */
const ANSWER_WORDS_BYTES = 18_000;
/** What a card the answer continues on may weigh: the message around it is a type and an attachment. */
const MORE_CARD_BYTES = ACTIVITY_BYTES_LIMIT - ENVELOPE_BYTES - 200;
/** Rows per Table element: a long table moves on to the next card between these blocks. */
const TABLE_ROWS = 20;
/** Past this many figures a table would fill several cards; monospace text says the same in a fraction of the bytes. */
const TABLE_LIMIT = 60;
/** Monospace lines per block, for the same reason. */
const TEXT_ROWS = 40;

export interface AnswerCardOptions {
  audience: Audience;
  /** Extra lines under the answer (e.g. the open-access note). */
  notes?: string[];
  /** A line above the answer when the question is not visible above it (digests). */
  preface?: string;
  /** What the answer card's message carries beside the card (text, entities, feedback): the card gets the rest. */
  besideBytes?: number;
}

/** The answer's chart on its card: the image, or why it is missing. */
export type AnswerChart = { image: ChartImage } | { missing: 'too-large' | 'not-drawn' };

/** An answer laid out once as cards; the chart, sized to the room the words leave, is drawn in last. */
export interface AnswerCards {
  /** Bytes the chart image's data URI may take on the answer card. */
  chartRoom: number;
  /** The answer card, with the chart (or the line saying why it is missing) when there is one. */
  answerCard(chart?: AnswerChart): AdaptiveCard;
  /** The cards the answer continues on, in order. */
  more: AdaptiveCard[];
}

const chartNote = (title: string, missing: 'too-large' | 'not-drawn'): CardElement =>
  text(
    missing === 'too-large'
      ? `Chart "${title}" left out: too large for a Teams message.`
      : `Chart "${title}" could not be drawn this time.`,
    { isSubtle: true, size: 'Small' },
  );

const chartImage = (image: ChartImage): CardElement => ({
  type: 'Image',
  url: image.url,
  altText: image.altText,
  size: 'Stretch',
});

function findingItems(finding: Finding, index: number): CardElement {
  const impact = finding.impactPerWeek > 0 ? ` (${formatInr(finding.impactPerWeek)}/week)` : '';
  return {
    type: 'Container',
    separator: true,
    items: [
      text(`${index + 1}. ${finding.headline}${impact}`, { weight: 'Bolder' }),
      text(`Root cause: ${finding.rootCause}`, { spacing: 'Small' }),
      text(
        `→ ${finding.action.text}, by **${finding.action.deadlineLabel}** (${cardDate(finding.action.deadline)})`,
        { spacing: 'Small', color: 'Accent' },
      ),
    ],
  };
}

/** "How this was found": period, rows read, freshness of each source, known gaps, who wrote the words. */
export function howFoundLines(sources: Sources, path: Answer['path']): string[] {
  const p = sources.period;
  const rows = Object.entries(sources.rows).map(([name, n]) => `${formatCount(n)} ${name}`);
  const fresh = Object.entries(sources.freshness).map(([name, at]) =>
    at ? `${name} ${cardDate(at, false)}` : `${name} never loaded`,
  );
  return [
    `Period: ${p.label} (${p.from} → ${p.to})`,
    rows.length > 0 ? `Rows read: ${rows.join(', ')}` : 'Rows read: none',
    ...(fresh.length > 0 ? [`Data as of: ${fresh.join(', ')}`] : []),
    ...(sources.gaps.length > 0 ? [`Gaps: ${sources.gaps.join('; ')}`] : []),
    path === 'llm'
      ? 'Worded by Gemini; every number checked against the SQL facts'
      : 'Computed offline from SQL facts',
  ];
}

const FACT_COLUMNS: ColumnSpec[] = [
  { header: 'Figure', width: 3 },
  { header: 'Value', width: 2, align: 'Right' },
  { header: 'Period', width: 2 },
];

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The numbers as Table blocks (monospace text past TABLE_LIMIT figures), every figure kept. */
function numbersTable(facts: Fact[]): CardElement[] {
  if (facts.length === 0) return [];
  const rows = facts.map((f) => [f.label, formatFact(f), f.period.label]);
  const asText = facts.length > TABLE_LIMIT;
  return [
    text('Numbers used', { weight: 'Bolder', separator: true }),
    ...chunk(rows, asText ? TEXT_ROWS : TABLE_ROWS).map((block) =>
      asText ? monospaceRows(FACT_COLUMNS, block) : tableElement(FACT_COLUMNS, block),
    ),
  ];
}

/**
 * Lays an Answer out as Adaptive Cards 1.5, each message within ACTIVITY_BYTES_LIMIT: the answer card (headline, how
 * it was found, chart, notes) and, when findings, rows or figures do not fit on it, the cards it continues on, in
 * order. Answer and options are drawn through `printable` (no control characters).
 */
export function renderAnswerCards(data: Answer, drawn: AnswerCardOptions): AnswerCards {
  const [answer, options] = [printable(data), printable(drawn)];
  const { findings, facts, hiddenFindings: hidden } = visibleAnswer(answer, options.audience);
  const covered = new Set(findings.map((f) => f.action.text));
  const extraActions = answer.actions.filter((a) => !covered.has(a.text));
  const notes = [...answer.notes, ...(options.notes ?? [])];
  // The closest readings of a declined question ask themselves when pressed, like the welcome card's prompts.
  const actions = (answer.reading?.suggestions ?? []).slice(0, 5).map((q) => promptAction(q, q));

  const head: CardElement[] = [
    ...(options.preface ? [text(options.preface, { isSubtle: true, size: 'Small' })] : []),
    text(answer.headline, { size: 'Large', weight: 'Bolder' }),
    ...(answer.rootCause ? [text(`Root cause: ${answer.rootCause}`)] : []),
  ];
  const flow: CardElement[] = [
    ...findings.map(findingItems),
    ...(answer.details ?? []).map((line) => text(line, { spacing: 'Small' })),
    ...(extraActions.length > 0
      ? [
          text('Do next', { weight: 'Bolder', separator: true }),
          ...extraActions.map((a) => text(`• ${a.text}, by **${a.deadlineLabel}**`, { spacing: 'Small' })),
        ]
      : []),
    ...(hidden > 0
      ? [
          text(`${hidden} finding(s) naming staff are left out here; ask Titan in a 1:1 chat to see them.`, {
            isSubtle: true,
            size: 'Small',
          }),
        ]
      : []),
    ...numbersTable(facts),
  ];
  const tail: CardElement[] = [
    {
      type: 'Container',
      separator: true,
      items: [
        text('How this was found', { weight: 'Bolder', size: 'Small' }),
        ...howFoundLines(answer.sources, answer.path).map((line) =>
          text(line, { isSubtle: true, size: 'Small', spacing: 'None' }),
        ),
      ],
    },
    ...notes.map((n) => text(n, { isSubtle: true, size: 'Small' })),
  ];

  const extra = { fallbackText: answer.headline, ...(actions.length ? { actions } : {}) };
  const room = ACTIVITY_BYTES_LIMIT - ENVELOPE_BYTES - (options.besideBytes ?? 0);
  return packCards(answer.headline, answer.chart?.title, { head, flow, tail }, { room, extra });
}

/**
 * The answer card holds the head, as much of the flow as fits and the tail; the rest of the flow continues, in
 * order, on cards that name the answer. The words are laid out once, with room kept for the longer chart note, so
 * the chart (sized to the room they leave) or its note is drawn in without moving them.
 */
function packCards(
  headline: string,
  chartTitle: string | undefined,
  parts: { head: CardElement[]; flow: CardElement[]; tail: CardElement[] },
  card: { room: number; extra: Partial<AdaptiveCard> },
): AnswerCards {
  const { head, flow, tail } = parts;
  const { room, extra } = card;
  const noteRoom = chartTitle === undefined ? 0 : jsonBytes(chartNote(chartTitle, 'too-large'));
  const fixed = jsonBytes(adaptiveCard([...head, ...tail], extra)) + CONTINUED_NOTE_BYTES + noteRoom;
  const { fit, rest } = takeWhileFits(flow, Math.min(ANSWER_WORDS_BYTES, room) - fixed);
  const continued = (n: number, of: number) =>
    text(`${headline} (continued, ${n} of ${of})`, { weight: 'Bolder', size: 'Small' });
  const more = groupByBytes(rest, MORE_CARD_BYTES - jsonBytes(adaptiveCard([continued(99, 99)])));
  const note =
    more.length > 0
      ? [text(`Continued in the next ${more.length} message(s).`, { isSubtle: true, size: 'Small' })]
      : [];
  const answerCard = (chart?: AnswerChart): AdaptiveCard => {
    const shown = chart && printable(chart);
    const picture = shown && 'image' in shown ? [chartImage(shown.image)] : [];
    const missing = shown && 'missing' in shown && chartTitle ? [chartNote(chartTitle, shown.missing)] : [];
    return adaptiveCard([...head, ...fit, ...note, ...picture, ...missing, ...tail], extra);
  };
  const bare = jsonBytes(answerCard());
  return {
    chartRoom:
      chartTitle === undefined ? 0 : room - bare - jsonBytes(chartImage({ url: '', altText: chartTitle })),
    answerCard,
    more: more.map((items, i) =>
      adaptiveCard([continued(i + 2, more.length + 1), ...items], { fallbackText: headline }),
    ),
  };
}
