// `titan ask "<question>"`: answers as Titan would in a thread (status lines on stderr), or prints the Answer with --json.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { renderTerminal } from '../../bot/render/terminal.ts';
import type { Analyst } from '../../core/analyst/port.ts';
import { TitanError } from '../../core/errors.ts';
import { DEFAULT_SCOPE, type Scope } from '../../core/model/scope.ts';
import type { TaskQueue } from '../../core/tasks/task-service.ts';
import type { Titan } from '../../core/titan.ts';
import type { CliIo, Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';

const USAGE = 'Usage: titan ask "<question>" [--org ID] [--location ID] [--json]';

/** The --org/--location options every analyst command takes. */
export const SCOPE_OPTIONS = { org: { type: 'string' }, location: { type: 'string' } } as const;

const scopeId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/);

export function parseScope(values: { org?: string | undefined; location?: string | undefined }): Scope {
  for (const [flag, value] of [
    ['--org', values.org],
    ['--location', values.location],
  ] as const) {
    if (value !== undefined && !scopeId.safeParse(value).success) {
      throw new TitanError('request.invalid', `${flag} must be 1–100 letters, digits, _ . or -.`);
    }
  }
  return {
    orgId: values.org ?? DEFAULT_SCOPE.orgId,
    locationId: values.location ?? DEFAULT_SCOPE.locationId,
  };
}

export interface OpenedAnalyst {
  titan: Titan;
  analyst: Analyst;
  tasks: TaskQueue;
  tz: string;
  close(): Promise<void>;
}

/** The analyst and task queue of the composition root. */
export async function openAnalyst(): Promise<OpenedAnalyst> {
  const titan = await openTitan();
  return {
    titan,
    analyst: titan.analyst,
    tasks: titan.tasks,
    tz: titan.runtime.tz,
    close: () => titan.close(),
  };
}

/** Status lines redraw in place on a terminal and are dropped otherwise, so piped output stays the answer alone. */
function statusReporter(io: CliIo): (status: string) => void {
  if (!io.isTty || !io.progress) return () => {};
  const draw = io.progress.bind(io);
  return (status) => draw(status);
}

export const ask: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, ...SCOPE_OPTIONS },
  });
  const question = positionals.join(' ').trim();
  if (!question) throw new TitanError('request.invalid', `Ask a question. ${USAGE}`);
  const scope = parseScope(values);
  const opened = await openAnalyst();
  try {
    const onStatus = values.json ? () => {} : statusReporter(io);
    const answer = await opened.analyst.ask(
      { question, scope, audience: 'private', threadId: 'cli' },
      onStatus,
    );
    if (!values.json && io.isTty) io.progress?.('');
    io.out(values.json ? JSON.stringify(answer, null, 2) : renderTerminal(answer, { color: io.isTty }));
    return 0;
  } finally {
    await opened.close();
  }
};
