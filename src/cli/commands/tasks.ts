// `titan tasks [--status S]` lists the task queue; `titan tasks ack|done <id>` and `assign <id> <who>` act on one task.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { dueLabel } from '../../core/analyst/task-lines.ts';
import { TitanError } from '../../core/errors.ts';
import { printable, printableJson } from '../../core/model/printable.ts';
import type { Task, TaskAction } from '../../core/tasks/port.ts';
import type { CliIo, Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';
import { parseScope, SCOPE_OPTIONS } from '../scope-options.ts';

const USAGE =
  'Usage: titan tasks [--status Pending|Acknowledged|Done] [--org ID] [--location ID] [--json] · titan tasks ack|done <id> · titan tasks assign <id> <assignee>';
const status = z.enum(['Pending', 'Acknowledged', 'Done']);

function printList(tasks: Task[], tz: string, io: CliIo): void {
  if (tasks.length === 0) {
    io.out('No tasks.');
    return;
  }
  for (const t of printable(tasks)) {
    const due = t.dueAt ? `due ${dueLabel(t.dueAt, tz)}` : 'no deadline';
    io.out(
      `${t.taskId}  ${t.status.padEnd(12)} ${(t.assignee ?? '-').padEnd(12)} ${due.padEnd(24)} ${t.title}`,
    );
  }
}

function actionFor(verb: string, rest: string[], by: string): TaskAction {
  if (verb === 'ack' || verb === 'acknowledge') return { kind: 'acknowledge', by };
  if (verb === 'done') return { kind: 'done', by };
  if (verb === 'assign' && rest[1]) return { kind: 'assign', by, assignee: rest[1] };
  throw new TitanError('request.invalid', `Unknown tasks action "${verb}". ${USAGE}`);
}

export const tasks: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      status: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean' },
      ...SCOPE_OPTIONS,
    },
  });
  const wanted = values.status === undefined ? undefined : status.safeParse(values.status);
  if (wanted && !wanted.success)
    throw new TitanError('request.invalid', `--status must be Pending, Acknowledged or Done. ${USAGE}`);
  const [verb, ...rest] = positionals;
  if (verb && !rest[0]) throw new TitanError('request.invalid', `Name the task id. ${USAGE}`);

  const titan = await openTitan();
  try {
    if (!verb) {
      const list = await titan.tasks.list({
        scope: parseScope(values),
        ...(wanted ? { status: wanted.data } : {}),
      });
      if (values.json) io.out(printableJson(list, 2));
      else printList(list, titan.runtime.tz, io);
      return 0;
    }
    const by = values.by ?? `cli:${os.userInfo().username}`;
    const result = await titan.tasks.act(rest[0]!, actionFor(verb, rest, by));
    if (values.json) io.out(printableJson(result, 2));
    else {
      const { task, changed } = printable(result);
      const who = task.assignee ? `, assigned to ${task.assignee}` : '';
      io.out(`${task.taskId}: ${task.status}${who}${changed ? '' : ' (nothing changed)'}`);
    }
    return 0;
  } finally {
    await titan.close();
  }
};
