// The README tells the truth: its configuration table is the schema's, its metric definitions the model's, and it shows the commands CI runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withConfigTable } from '../../src/core/config/config-table.ts';
import { withMetricDefinitions } from '../../src/core/semantic/definitions-markdown.ts';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('has the configuration table generated from the schema (run `npm run docs:config` after changing keys)', () => {
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('has the metric definitions generated from the semantic model (run `npm run docs:metrics` after changing it)', () => {
    expect(withMetricDefinitions(readme)).toBe(readme);
  });

  it('shows the test command that .ci/run runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(path.join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
