// Regenerates the metric definitions table in README.md from the semantic model.
import { readFileSync, writeFileSync } from 'node:fs';
import { withMetricDefinitions } from '../src/core/semantic/definitions-markdown.ts';

const file = new URL('../README.md', import.meta.url);
try {
  writeFileSync(file, withMetricDefinitions(readFileSync(file, 'utf8')));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
