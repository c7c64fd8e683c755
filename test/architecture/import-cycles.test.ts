// The cycle finder the layer test relies on: it reports every loop, long or short, and nothing else.
import { describe, expect, it } from 'vitest';
import { findImportCycles } from './import-cycles.ts';
import type { Import } from './import-graph.ts';

const graph = (edges: Record<string, string[]>): Map<string, Import[]> =>
  new Map(
    Object.entries(edges).map(([file, targets]) => [file, targets.map((t) => ({ specifier: t, target: t }))]),
  );

describe('findImportCycles', () => {
  it('finds a loop through three files and a file importing itself, not the files that only lead into them', () => {
    const cycles = findImportCycles(
      graph({ entry: ['a', 'lib'], a: ['b'], b: ['c'], c: ['a'], self: ['self'], lib: [] }),
    );
    expect(cycles).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['self']]));
    expect(cycles).toHaveLength(2);
  });

  it('finds none in a tree of imports, packages included', () => {
    const tree = graph({ entry: ['a', 'b'], a: ['b'], b: [] });
    tree.get('a')?.push({ specifier: 'zod' });
    expect(findImportCycles(tree)).toEqual([]);
  });
});
