// Adaptive Card 1.5 for Teams: the elements Titan draws, the card and attachment, dates in the reader's zone, prompt actions.
import type { TableElement } from './adaptive-table.ts';

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
  fontType?: 'Default' | 'Monospace';
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
  | TableElement
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

export interface ChartImage {
  /** A data: URI (PNG) or an https URL. */
  url: string;
  altText: string;
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
