// `titan ask "<question>"`: answers as Titan would in a thread (status lines on stderr), or prints the Answer with --json.
import { parseArgs } from 'node:util';
import { renderTerminal } from '../../bot/render/terminal.ts';
import { TitanError } from '../../core/errors.ts';
import { printableJson } from '../../core/model/printable.ts';
import type { CliIo, Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';
import { parseScope, SCOPE_OPTIONS } from '../scope-options.ts';

const USAGE = 'Usage: titan ask "<question>" [--org ID] [--location ID] [--json]';

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
  const titan = await openTitan();
  try {
    const onStatus = values.json ? () => {} : statusReporter(io);
    const answer = await titan.analyst.ask(
      { question, scope, audience: 'private', threadId: 'cli' },
      onStatus,
    );
    if (!values.json && io.isTty) io.progress?.('');
    io.out(values.json ? printableJson(answer, 2) : renderTerminal(answer, { color: io.isTty }));
    return 0;
  } finally {
    await titan.close();
  }
};
