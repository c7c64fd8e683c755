// The model's text → the parts of an Answer: headline, root cause, details, and [TASK:] lines tied to real findings.
import type { Action, Answer, TaskDraft } from '../../model/answer.ts';
import { extractTaskLines } from '../../tasks/extract-tasks.ts';
import { findingRef } from './persona.ts';

export interface Wording {
  headline: string;
  rootCause: string;
  /** Every line after the headline, as the owner reads them ([TASK:] refs removed). */
  details: string[];
  actions: Action[];
  tasks: TaskDraft[];
  /** [TASK:] lines dropped because they cite no finding that exists. */
  droppedTasks: string[];
}

const TASK = /^\[TASK:\s*([A-Za-z]\d+)?\s*\]\s*(.+)$/i;
const ROOT = /^root cause:\s*(.+)$/i;
/** Bullets and bold markers the model sometimes adds despite the instructions. */
const clean = (line: string): string =>
  line
    .replace(/\*\*/g, '')
    .replace(/^\s*[-*•]\s+/, '')
    .trim();

export function wordingFromText(text: string, offline: Answer, now: Date, tz: string): Wording {
  const lines = text.split('\n').map(clean).filter(Boolean);
  const refs = new Map(offline.findings.map((f, i) => [findingRef(i).toLowerCase(), f]));
  const used = new Set<string>();
  const out: Wording = { headline: '', rootCause: '', details: [], actions: [], tasks: [], droppedTasks: [] };

  for (const line of lines) {
    const task = line.match(TASK);
    if (task) {
      const finding = refs.get((task[1] ?? '').toLowerCase());
      if (!finding || used.has(finding.key)) {
        out.droppedTasks.push(line);
        continue;
      }
      used.add(finding.key);
      const read = extractTaskLines(`[TASK:] ${task[2]!}`, now, tz)[0]!;
      const action: Action = {
        text: read.action,
        deadline: read.dueAt ?? finding.action.deadline,
        deadlineLabel: read.deadlineLabel ?? finding.action.deadlineLabel,
      };
      out.actions.push(action);
      out.details.push(`[TASK:] ${action.text} by ${action.deadlineLabel}`);
      const draft = offline.tasks.find((t) => t.findingKey === finding.key);
      if (draft) out.tasks.push({ ...draft, title: action.text, dueAt: action.deadline });
      continue;
    }
    const root = line.match(ROOT);
    if (root && !out.rootCause) {
      out.rootCause = root[1]!;
      out.details.push(line);
    } else if (!out.headline) out.headline = line;
    else out.details.push(line);
  }
  return out;
}
