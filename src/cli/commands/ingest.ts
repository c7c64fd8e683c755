// `titan ingest <file-or-folder>… --category <c>`: loads local files in place and prints each file's outcome.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TitanError } from '../../core/errors.ts';
import type { IngestProgress } from '../../core/ingest/ingest-service.ts';
import type { FileOutcome } from '../../core/ingest/outcome.ts';
import { isQuarantined, quarantineCopyFolder } from '../../core/ingest/quarantine.ts';
import { printable, printableJson, printableText } from '../../core/model/printable.ts';
import { CATEGORIES } from '../../core/warehouse/tables.ts';
import type { CliIo, Command } from '../io.ts';
import { openTitan } from '../open-titan.ts';
import { parseScope, SCOPE_OPTIONS } from '../scope-options.ts';

const USAGE = `Usage: titan ingest <file-or-folder>… --category <${CATEGORIES.join('|')}> [--org ID] [--location ID] [--json]`;
const BAR_WIDTH = 20;
/** Redraw at most this often, so a million-row file is not slowed by its own progress bar. */
const REDRAW_MS = 100;

const fmt = (n: number) => Math.round(n).toLocaleString('en-IN');

/** `[#####·····] 3/10 files · 120,000 rows · 95,000 rows/s` */
export function progressLine(p: IngestProgress, elapsedMs: number): string {
  const done = p.filesTotal === 0 ? 1 : p.filesDone / p.filesTotal;
  const filled = Math.round(done * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (p.rows * 1000) / elapsedMs : 0;
  return `[${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${p.filesDone}/${p.filesTotal} files · ${fmt(p.rows)} rows · ${fmt(rate)} rows/s  ${printableText(p.file)}`;
}

/** One file's line; its name and reason are drawn through `printable`, so a name with ESC codes cannot restyle the terminal. */
export function describeOutcome(outcome: FileOutcome): string {
  const o = printable(outcome);
  if (o.outcome === 'loaded')
    return `✓ ${o.name}: loaded ${fmt(o.rows ?? 0)} rows${o.reason ? ` (${o.reason})` : ''}`;
  if (o.outcome === 'already_loaded')
    return `= ${o.name}: already loaded (${fmt(o.rows ?? 0)} rows), nothing added`;
  return `✗ ${o.name}: failed: ${o.reason ?? 'unknown reason'}`;
}

/** A loaded file's mapping and left-out columns, one or two indented lines (names drawn through `printable`). */
export function describeReport(outcome: FileOutcome): string[] {
  const report = outcome.report && printable(outcome.report);
  if (!report) return [];
  const mapped = report.mapping.map((m) => `${m.source} → ${m.column}`).join(', ');
  const lines = [`  columns: ${mapped || 'none'}`];
  if (report.unmapped.length > 0) lines.push(`  not used: ${report.unmapped.join(', ')}`);
  return lines;
}

/** `3 files: 1 loaded, 1 already loaded, 1 failed (copies with reasons in …)` */
function summarise(outcomes: FileOutcome[], failedDir: string): string {
  const count = (kind: FileOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).length;
  const copied = outcomes.some(isQuarantined);
  const files = `${outcomes.length} file${outcomes.length === 1 ? '' : 's'}`;
  return (
    `${files}: ${count('loaded')} loaded, ${count('already_loaded')} already loaded, ${count('failed')} failed` +
    (copied ? ` (copies with reasons in ${printableText(failedDir)})` : '')
  );
}

function progressReporter(io: CliIo): ((p: IngestProgress) => void) | undefined {
  if (!io.isTty || !io.progress) return undefined;
  const draw = io.progress.bind(io);
  const started = performance.now();
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < REDRAW_MS && p.filesDone < p.filesTotal) return;
    last = now;
    draw(progressLine(p, now - started));
  };
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      category: { type: 'string', short: 'c' },
      ...SCOPE_OPTIONS,
      json: { type: 'boolean' },
    },
  });
  const category = z.enum(CATEGORIES).safeParse(values.category);
  if (!category.success)
    throw new TitanError(
      'request.invalid',
      `--category is required: one of ${CATEGORIES.join(', ')}. ${USAGE}`,
    );
  if (positionals.length === 0)
    throw new TitanError('request.invalid', `Name a file or folder to ingest. ${USAGE}`);
  return {
    paths: positionals.map((p) => path.resolve(p)),
    category: category.data,
    scope: parseScope(values),
    json: values.json ?? false,
  };
}

export const ingest: Command = async (argv, io) => {
  const args = parse(argv);
  // Outcomes are printed; the log would only repeat them, so it shows errors alone.
  const titan = await openTitan({ logLevel: 'error' });
  try {
    const onProgress = args.json ? undefined : progressReporter(io);
    const outcomes = await titan.ingest.ingestPaths(args.paths, {
      category: args.category,
      scope: args.scope,
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    if (onProgress) io.progress?.('');
    const failed = outcomes.filter((o) => o.outcome === 'failed');
    if (args.json) {
      io.out(
        printableJson(
          outcomes.map(({ name, outcome, rows, reason, report }) => ({
            name,
            outcome,
            rows,
            reason,
            report,
          })),
        ),
      );
    } else {
      for (const o of outcomes) {
        io.out(describeOutcome(o));
        for (const line of describeReport(o)) io.out(line);
      }
      io.out(summarise(outcomes, quarantineCopyFolder(titan.runtime.dataDir, args.category)));
    }
    return failed.length === 0 ? 0 : 1;
  } finally {
    await titan.close();
  }
};
