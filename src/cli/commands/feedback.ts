// `titan feedback [--since DATE]` lists the votes owners gave on answers: newest first, with the question, how
// Titan read it, its figures and, for a 👎, what was wrong.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { listFeedback } from '../../core/chat/feedback-list.ts';
import { TitanError } from '../../core/errors.ts';
import { printable, printableJson } from '../../core/model/printable.ts';
import type { Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';

const USAGE = 'Usage: titan feedback [--since YYYY-MM-DD] [--json]';
const since = z.iso.date();

export const feedback: Command = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { since: { type: 'string' }, json: { type: 'boolean' } },
  });
  const from = values.since === undefined ? undefined : since.safeParse(values.since);
  if (from && !from.success)
    throw new TitanError('request.invalid', `--since must be a date like 2026-11-01. ${USAGE}`);

  const titan = await openTitan();
  try {
    const entries = await listFeedback(titan.warehouse, from ? { since: `${from.data}T00:00:00.000Z` } : {});
    if (values.json) {
      io.out(printableJson(entries, 2));
      return 0;
    }
    if (entries.length === 0) io.out('No feedback yet.');
    for (const e of printable(entries)) {
      const verdict = e.vote === 'up' ? '👍' : `👎${e.reason ? ` ${e.reason.replace(/_/g, ' ')}` : ''}`;
      io.out(`${e.at.slice(0, 16).replace('T', ' ')}  ${verdict}  by ${e.userId}`);
      if (e.question) io.out(`  asked:  ${e.question}`);
      io.out(`  answer: ${e.headline}`);
      if (e.reading) io.out(`  read as: ${e.reading}`);
      for (const figure of e.figures) io.out(`    ${figure}`);
    }
    return 0;
  } finally {
    await titan.close();
  }
};
