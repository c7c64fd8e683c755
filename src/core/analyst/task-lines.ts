// Open tasks as answer lines: who owns each, when it is due, and which are past their deadline.
import type { Answer, Fact, Period } from '../model/answer.ts';
import type { Task } from '../tasks/port.ts';
import { monthShort, wallClock, weekdayOf } from './calendar.ts';
import { formatFact } from './format.ts';
import { emptyAnswer, noSources } from './static-answers.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Fri 27 Nov 10 AM" in the business's time zone. */
export function dueLabel(iso: string, tz: string): string {
  const { date, hour, minute } = wallClock(new Date(iso), tz);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const time = `${h12}${minute ? `:${String(minute).padStart(2, '0')}` : ''} ${hour < 12 ? 'AM' : 'PM'}`;
  return `${WEEKDAYS[weekdayOf(date)]} ${Number(date.slice(8))} ${monthShort(date)} ${time}`;
}

export const isOverdue = (task: Task, now: Date): boolean =>
  task.status !== 'Done' && task.dueAt !== null && Date.parse(task.dueAt) < now.getTime();

/** One task as a line; ids sit in backticks so they read as ids, not figures. */
export function taskLine(task: Task, tz: string): string {
  const owner = task.assignee ? `assigned to ${task.assignee}` : 'unassigned';
  const due = task.dueAt ? `, due ${dueLabel(task.dueAt, tz)}` : '';
  return `\`${task.taskId}\` ${task.title} — ${task.status}, ${owner}${due}`;
}

export function countFact(id: string, label: string, value: number, period: Period): Fact {
  return { id, label, value, unit: value === 1 ? 'task' : 'tasks', period, query: 'task-queue' };
}

/** The answer to "open tasks": every Pending/Acknowledged task, overdue ones first. */
export function openTasksAnswer(tasks: readonly Task[], now: Date, tz: string, period: Period): Answer {
  const open = tasks.filter((t) => t.status !== 'Done');
  const overdue = open.filter((t) => isOverdue(t, now));
  const openFact = countFact('tasks.open', 'open tasks', open.length, period);
  const overdueFact = countFact('tasks.overdue', 'tasks past deadline', overdue.length, period);
  const headline = open.length
    ? `Open tasks: ${formatFact(openFact)}, ${formatFact(overdueFact)} past deadline.`
    : 'No open tasks.';
  const ordered = [...overdue, ...open.filter((t) => !overdue.includes(t))];
  return {
    ...emptyAnswer('open-tasks', headline, noSources(period)),
    facts: [openFact, overdueFact],
    ...(ordered.length ? { details: ordered.map((t) => taskLine(t, tz)) } : {}),
  };
}
