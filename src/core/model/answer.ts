// The Answer model: what the analyst returns and every renderer (terminal, Block Kit, Adaptive Card) draws.
import type { SemanticQuery } from '../semantic/query.ts';

/** One number computed by SQL from the warehouse. Every figure in an answer's text must be one of these. */
export interface Fact {
  /** Stable id, e.g. "wastage.maida.inr". */
  id: string;
  label: string;
  value: number;
  /** "INR", "%", "kg", "bills", "rows" … */
  unit: string;
  period: Period;
  /** Name of the metric query that produced it (e.g. "wastage-by-item"). */
  query: string;
}

/** An inclusive date range in the business's time zone, as ISO dates (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
  /** How the user said it ("last 7 days"). */
  label: string;
}

export interface Action {
  text: string;
  /** ISO timestamp of the deadline. */
  deadline: string;
  /** Human wording of the deadline ("tomorrow 10 AM"). */
  deadlineLabel: string;
}

/** A task Titan proposes; becomes an ai_task_queue row. */
export interface TaskDraft {
  title: string;
  /** Dedupe key: the same finding for the same period never creates a second task. */
  findingKey: string;
  dueAt: string;
  /** Metric to re-measure after the deadline. */
  metric: string;
  /** The metric's value when the task was created. */
  baseline: number;
  finding: string;
  /** How to find the baseline again when re-measuring (stored in ai_task_queue.remeasure_json). */
  remeasure?: TaskRemeasure;
}

export interface TaskRemeasure {
  /** The fact whose value is `baseline`, when the metric reports one. */
  factId?: string;
  /** The metric's item filter ("maida"). */
  item?: string;
  /** The full filter to re-run the metric with (item, vendor, expense category or staff). */
  filter?: { item?: string; vendor?: string; category?: string; staff?: string };
  /** ₹ per week the finding was costing when the task was created. */
  impactPerWeek: number;
  /** Days the baseline covered, to compare per-day rates over a different window. */
  periodDays: number;
}

/** One ranked finding: [NUMBER] → root cause → action. */
export interface Finding {
  key: string;
  headline: string;
  rootCause: string;
  action: Action;
  /** ₹ impact per week, used to rank findings. */
  impactPerWeek: number;
  factIds: string[];
  /** True when it names individual staff (left out of public channels). */
  staffLevel?: boolean;
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  title: string;
  x: string;
  y: string;
  unit: string;
  points: { x: string; y: number; series?: string }[];
}

/** What the answer rests on: period, rows counted, freshness and gaps. */
export interface Sources {
  period: Period;
  rows: Record<string, number>;
  /** Last load per category, ISO timestamp or null when never loaded. */
  freshness: Record<string, string | null>;
  gaps: string[];
}

export interface Answer {
  intent: string;
  headline: string;
  rootCause: string;
  findings: Finding[];
  actions: Action[];
  tasks: TaskDraft[];
  /**
   * The tasks this answer queued (its drafts that were new, in the words the answer shows): a door posts a card
   * for exactly these. Absent until the answer has gone through the task queue.
   */
  taskIds?: string[];
  facts: Fact[];
  chart?: ChartSpec;
  sources: Sources;
  /** Which path wrote the words. */
  path: 'offline' | 'llm';
  /** Short notes shown under the answer (e.g. "every workspace member counts as owner"). */
  notes: string[];
  /** Further number-first lines after the findings (the brief's revenue vs target, overdue tasks, task effects); grounded like the headline. */
  details?: string[];
  /**
   * What Titan understood the question to be, stated in the headline. Query answers (intent "query") carry the
   * query their facts were computed from (fact ids in semantic/fact-ids.ts); declines (intent "declined") carry
   * no figures, and `suggestions` are the closest questions Titan can answer (quick replies).
   */
  reading?: { text: string; query?: SemanticQuery; unread?: string[]; suggestions?: string[] };
  /** What the LLM calls behind this answer cost (absent when no model was called). */
  cost?: { inr: number; calls: number };
}
