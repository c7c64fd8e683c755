// `titan watch [--once]`: the folder watcher; one pass over every category's watch folder, or hourly until stopped.
import { parseArgs } from 'node:util';
import { printable, printableJson } from '../../core/model/printable.ts';
import { describePass, type WatcherPass } from '../../core/schedule/folder-watcher.ts';
import type { CliIo, Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';

function report(io: CliIo, passes: WatcherPass[], json: boolean): void {
  if (json) {
    io.out(printableJson(passes));
    return;
  }
  for (const p of printable(passes)) {
    io.out(describePass(p));
    if (p.skipped) continue;
    for (const f of p.files.filter((o) => o.outcome === 'failed'))
      io.out(`  ✗ ${f.name}: ${f.reason ?? 'failed'}`);
  }
}

export const watch: Command = async (argv, io) => {
  const { values } = parseArgs({
    args: argv,
    options: { once: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  // Without --once the hourly passes report through the log, so it shows info lines.
  const titan = await openTitan({ logLevel: values.once ? 'error' : 'info' });
  try {
    const passes = await titan.watcher.runAllPasses();
    report(io, passes, values.json ?? false);
    // A pass that could not run (folder unreadable) is a failure; quarantined files are the watcher working.
    const broken = passes.some((p) => !p.skipped && p.reason !== undefined);
    if (values.once) return broken ? 1 : 0;
    io.err('Watching every category hourly; Ctrl-C to stop.');
    titan.watcher.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    titan.watcher.stop();
    return 0;
  } finally {
    await titan.close();
  }
};
