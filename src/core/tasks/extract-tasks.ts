// Finds "[TASK:] <action> by <deadline>" lines in an answer's text (offline composer or LLM) and reads them.
import { parseDeadline } from './deadlines.ts';

export interface TaskLine {
  /** The action, without the deadline. */
  action: string;
  /** The deadline as written ("tomorrow 10 AM"), or null when the line has none. */
  deadlineLabel: string | null;
  /** ISO timestamp, or null when no deadline could be read. */
  dueAt: string | null;
}

const TASK_LINE = /\[TASK:\]\s*(.+?)\s*$/gim;
/** The last " by …" names the deadline: "Move staff by shift to prep by tomorrow 10 AM". */
const BY_DEADLINE = /^(.*)\s+by\s+(.+?)[.!]?$/i;

/** Every [TASK:] line in `text`, in order, with its deadline resolved against `now` in `tz`. */
export function extractTaskLines(text: string, now: Date, tz: string): TaskLine[] {
  return [...text.matchAll(TASK_LINE)].map((m) => {
    const body = m[1]!;
    const split = body.match(BY_DEADLINE);
    const dueAt = split ? parseDeadline(split[2]!, now, tz) : null;
    if (!split || dueAt === null)
      return { action: body.replace(/[.]$/, ''), deadlineLabel: null, dueAt: null };
    return { action: split[1]!, deadlineLabel: split[2]!, dueAt };
  });
}
