// Finds the command named by argv[0], runs it, and turns any failure into a one-line reason and exit 1.
import { toTitanError } from '../core/errors.ts';
import { printableJson, printableText } from '../core/model/printable.ts';
import { type CliIo, type Command, processIo } from './io.ts';

/** Each command lives in its own module, loaded only when used so `titan ask` never loads Slack. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  serve: {
    summary: 'HTTP server, schedules and demo seed (what npm start runs)',
    load: async () => (await import('./commands/serve.ts')).serve,
  },
  ask: {
    summary: 'answer a question offline, as Titan would in a thread',
    load: async () => (await import('./commands/ask.ts')).ask,
  },
  demo: {
    summary: '(re)generate the demo café into the warehouse',
    load: async () => (await import('./commands/demo.ts')).demo,
  },
  tasks: {
    summary: 'list the task queue; ack|done|assign <id>',
    load: async () => (await import('./commands/tasks.ts')).tasks,
  },
  digest: {
    summary: 'print the morning brief; --post sends it to DIGEST_CHANNELS',
    load: async () => (await import('./commands/digest.ts')).digest,
  },
  sync: {
    summary: 'run one sync now under its lock: sales (Petpooja) | expenses | purchases | inventory',
    load: async () => (await import('./commands/sync.ts')).sync,
  },
  ingest: {
    summary: 'load local files in place: <file-or-folder>… --category sales|expenses|purchases|inventory',
    load: async () => (await import('./commands/ingest.ts')).ingest,
  },
  feedback: {
    summary: 'list the votes on answers, newest first: --since YYYY-MM-DD',
    load: async () => (await import('./commands/feedback.ts')).feedback,
  },
  watch: {
    summary: 'the folder watcher: --once runs one pass over every category, else hourly',
    load: async () => (await import('./commands/watch.ts')).watch,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return ['Usage: titan <command> [options] [--json]', '', 'Commands:', ...lines].join('\n');
}

export async function runCommand(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 1;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`titan: unknown command "${name}". Run "titan --help" for the list.`);
    return 1;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (err) {
    const e = toTitanError(err);
    const json = rest.includes('--json');
    // A message may quote a file's name; it is shown, never obeyed.
    if (json) io.out(printableJson({ error: { code: e.code, message: e.message } }));
    io.err(printableText(`titan ${name}: ${e.message}`));
    return 1;
  }
}
