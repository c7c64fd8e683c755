// The tree is the architecture: the core imports no chat platform or HTTP framework, and only core/config reads env.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture boundaries', () => {
  const coreFiles = sourceFiles(path.join(root, 'core'));

  it('finds the core sources', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
  });

  it('keeps src/core free of Slack, Teams, botbuilder and Hono', () => {
    const forbidden = /^(@slack\/|@microsoft\/|botbuilder|hono|@hono\/)/;
    const offenders = coreFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => forbidden.test(spec))
        .map((spec) => `${path.relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in core/config', () => {
    const offenders = sourceFiles(root)
      .filter((file) => !file.includes(`${path.sep}core${path.sep}config${path.sep}`))
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
