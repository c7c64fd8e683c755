// The tree is the architecture: the core imports no chat platform or HTTP framework, and only core/config reads env.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportGraph, sourceFiles, srcRoot } from './import-graph.ts';

describe('architecture boundaries', () => {
  const core = readImportGraph(path.join(srcRoot, 'core'));

  it('finds the core sources', () => {
    expect(core.size).toBeGreaterThan(5);
  });

  it('keeps src/core free of Slack, Teams, botbuilder and Hono', () => {
    const forbidden = /^(@slack\/|@microsoft\/|botbuilder|hono|@hono\/)/;
    const offenders = [...core].flatMap(([file, imports]) =>
      imports
        .filter(({ specifier }) => forbidden.test(specifier))
        .map(({ specifier }) => `${path.relative(srcRoot, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in core/config', () => {
    const offenders = sourceFiles(srcRoot)
      .filter((file) => !file.includes(`${path.sep}core${path.sep}config${path.sep}`))
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(srcRoot, file));
    expect(offenders).toEqual([]);
  });
});
