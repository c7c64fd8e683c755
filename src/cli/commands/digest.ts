// `titan digest [--post]`: prints the morning brief; with --post sends it to DIGEST_CHANNELS, as the schedule does.
import { parseArgs } from 'node:util';
import { createChatSurfaces } from '../../bot/chat-surfaces.ts';
import { renderTerminal } from '../../bot/render/terminal.ts';
import { TitanError } from '../../core/errors.ts';
import { printableJson } from '../../core/model/printable.ts';
import { type DigestOutcome, digestChannels } from '../../core/schedule/digest.ts';
import type { CliIo, Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';
import { parseScope, SCOPE_OPTIONS } from '../scope-options.ts';

function printOutcomes(outcomes: DigestOutcome[], io: CliIo): void {
  for (const o of outcomes) {
    io.out(o.ok ? `Posted to ${o.channel} (${o.platform})` : `Not posted to ${o.channel}: ${o.reason}`);
  }
}

export const digest: Command = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { post: { type: 'boolean' }, json: { type: 'boolean' }, ...SCOPE_OPTIONS },
  });
  const titan = await openTitan();
  try {
    const getConfig = () => titan.vault.get();
    if (values.post && digestChannels(getConfig()).length === 0) {
      throw new TitanError(
        'config.invalid',
        'DIGEST_CHANNELS is empty: PATCH /config a comma-separated list of Slack channel ids first.',
      );
    }
    const schedule = createChatSurfaces(titan).digest(parseScope(values));
    const answer = await schedule.brief();
    const outcomes = values.post ? await schedule.post(answer) : [];
    if (values.json) io.out(printableJson(values.post ? { answer, outcomes } : answer, 2));
    else {
      io.out(renderTerminal(answer, { color: io.isTty }));
      printOutcomes(outcomes, io);
    }
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    await titan.close();
  }
};
