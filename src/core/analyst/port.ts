// What the doors (CLI, admin API, Slack, Teams, digest) ask of the analyst.
import type { Answer } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';

/** Where the answer will be shown: staff-level detail is left out of public channels. */
export type Audience = 'private' | 'public';

export interface AskRequest {
  question: string;
  scope: Scope;
  /** Thread the question came from (chat_memory key and task origin), e.g. "slack:C123:1700000000.1". */
  threadId?: string;
  userId?: string;
  /** Default 'private' (terminal, admin API, DM). */
  audience?: Audience;
}

/** Live progress lines ("Scanning 45,210 sales lines…"); true counts, never invented. */
export type StatusListener = (status: string) => void;

export interface BriefOptions {
  /** Default 'private'; a digest posted to a shared channel passes 'public' to leave staff-level detail out. */
  audience?: Audience;
  /** Where the brief is posted: origin of the tasks it creates. */
  threadId?: string;
}

export interface Analyst {
  ask(request: AskRequest, onStatus?: StatusListener): Promise<Answer>;
  /** The morning brief: top leaks in ₹/week, yesterday vs target, overdue tasks, effect of tasks done. */
  dailyBrief(scope: Scope, onStatus?: StatusListener, options?: BriefOptions): Promise<Answer>;
}
