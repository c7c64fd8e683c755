// The Block Kit blocks Titan's Slack messages are made of, declared by shape so the renderers need no Slack SDK.
// Slack's Web API takes any `{ type: string }` as a block; test/bot/render's rules check these against Slack's limits.

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  style?: 'primary' | 'danger';
}

/** A picker of one workspace member (who a task is assigned to). */
export interface UsersSelectElement {
  type: 'users_select';
  action_id: string;
  placeholder?: PlainText;
  initial_user?: string;
}

/** One side of Slack's native 👍/👎 pair. */
export interface FeedbackButton {
  text: PlainText;
  value: string;
  accessibility_label?: string;
}

export interface FeedbackButtonsElement {
  type: 'feedback_buttons';
  action_id: string;
  positive_button: FeedbackButton;
  negative_button: FeedbackButton;
}

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text: MrkdwnText | PlainText;
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: (MrkdwnText | PlainText)[];
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: (ButtonElement | UsersSelectElement)[];
}

export interface ContextActionsBlock {
  type: 'context_actions';
  block_id?: string;
  elements: FeedbackButtonsElement[];
}

/** A cell of a table block: text shown as written (Slack documents no escaping for it). */
export interface RawTextCell {
  type: 'raw_text';
  text: string;
}

export interface TableBlock {
  type: 'table';
  block_id?: string;
  column_settings?: { is_wrapped?: boolean; align?: 'left' | 'center' | 'right' }[];
  rows: RawTextCell[][];
}

export type Block =
  | SectionBlock
  | ContextBlock
  | DividerBlock
  | ActionsBlock
  | ContextActionsBlock
  | TableBlock;
