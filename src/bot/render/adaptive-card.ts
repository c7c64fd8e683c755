// Answer → Adaptive Card 1.5 (Teams): headline, findings (number → root cause → action by deadline), numbers, chart, "How this was found".
import { formatCount, formatFact, formatInr } from '../../core/analyst/format.ts';
import type { Audience } from '../../core/analyst/port.ts';
import { visibleAnswer } from '../../core/analyst/visible-answer.ts';
import type { Answer, Fact, Finding, Sources } from '../../core/model/answer.ts';
import { printable } from '../../core/model/printable.ts';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

export interface CardAction {
  type: 'Action.Submit' | 'Action.Execute';
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export type CardElement =
  | TextBlock
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: Spacing; separator?: boolean }
  | { type: 'Image'; url: string; altText: string; size?: 'Auto' | 'Stretch'; spacing?: Spacing }
  | { type: 'Container'; items: CardElement[]; separator?: boolean; spacing?: Spacing; style?: 'emphasis' }
  | { type: 'ActionSet'; actions: CardAction[]; spacing?: Spacing }
  | {
      type: 'Input.Text';
      id: string;
      label?: string;
      placeholder?: string;
      value?: string;
      maxLength?: number;
    };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: CardAction & { type: 'Action.Execute' }; userIds?: string[] };
  fallbackText?: string;
}

/** A card wrapped as a Bot Framework attachment. */
export const cardAttachment = (card: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content: card });

export function adaptiveCard(body: CardElement[], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body, ...extra };
}

export const text = (value: string, style: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...style,
});

/** A timestamp the reader's Teams client shows in their own time zone (Adaptive Card DATE/TIME functions). */
export function cardDate(iso: string, withTime = true): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // The functions accept RFC 3339 without fractional seconds only.
  const stamp = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return withTime ? `{{DATE(${stamp}, SHORT)}} {{TIME(${stamp})}}` : `{{DATE(${stamp}, SHORT)}}`;
}

/**
 * The hand-made 👍/👎 buttons of answers posted before Teams' own feedback buttons carried this verb and the
 * answer's feedback reference: their presses still count.
 */
export const FEEDBACK_VERB = 'titan.feedback';

/** Past this many rows, the numbers table is cut and says how many more there are. */
const FACT_ROWS = 12;

export interface ChartImage {
  /** A data: URI (PNG) or an https URL. */
  url: string;
  altText: string;
}

export interface AnswerCardOptions {
  audience: Audience;
  /** Extra lines under the answer (e.g. the open-access note). */
  notes?: string[];
  /** A line above the answer when the question is not visible above it (digests). */
  preface?: string;
  chart?: ChartImage;
  /** Said in place of the chart when it could not be shown. */
  chartNote?: string;
}

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

function numbersTable(facts: Fact[]): CardElement[] {
  if (facts.length === 0) return [];
  const shown = facts.slice(0, FACT_ROWS);
  const more = facts.length - shown.length;
  return [
    text('Numbers used', { weight: 'Bolder', separator: true }),
    {
      type: 'FactSet',
      spacing: 'Small',
      facts: shown.map((f) => ({ title: `${f.label} (${f.period.label})`, value: formatFact(f) })),
    },
    ...(more > 0 ? [text(`…and ${more} more.`, { isSubtle: true, size: 'Small' })] : []),
  ];
}

/** A quick-prompt press arrives as a message whose value carries this verb and the question. */
export const PROMPT_VERB = 'titan.prompt';

/**
 * messageBack posts the prompt as the user's own words in the conversation, so the thread reads naturally,
 * and hands the bot the question in both `text` and `value`.
 */
export const promptAction = (question: string, title: string): CardAction => ({
  type: 'Action.Submit',
  title,
  data: {
    verb: PROMPT_VERB,
    question,
    msteams: { type: 'messageBack', text: question, displayText: question },
  },
});

/** Renders an Answer as one Adaptive Card 1.5; answer and options are drawn through `printable` (no control characters). */
export function renderAnswerCard(data: Answer, drawn: AnswerCardOptions): AdaptiveCard {
  const [answer, options] = [printable(data), printable(drawn)];
  const { findings, facts, hiddenFindings: hidden } = visibleAnswer(answer, options.audience);
  const covered = new Set(findings.map((f) => f.action.text));
  const extraActions = answer.actions.filter((a) => !covered.has(a.text));
  const notes = [...answer.notes, ...(options.notes ?? [])];
  // The closest readings of a declined question ask themselves when pressed, like the welcome card's prompts.
  const actions = (answer.reading?.suggestions ?? []).slice(0, 5).map((q) => promptAction(q, q));

  const body: CardElement[] = [
    ...(options.preface ? [text(options.preface, { isSubtle: true, size: 'Small' })] : []),
    text(answer.headline, { size: 'Large', weight: 'Bolder' }),
    ...(answer.rootCause ? [text(`Root cause: ${answer.rootCause}`)] : []),
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
    ...(options.chart
      ? [
          {
            type: 'Image' as const,
            url: options.chart.url,
            altText: options.chart.altText,
            size: 'Stretch' as const,
          },
        ]
      : []),
    ...(options.chartNote ? [text(options.chartNote, { isSubtle: true, size: 'Small' })] : []),
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
  return adaptiveCard(body, {
    fallbackText: answer.headline,
    ...(actions.length ? { actions } : {}),
  });
}
