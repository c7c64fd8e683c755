// The layers: doors depend on the core, never the reverse; renderers on no platform; SDKs stay in their platform folders; no import cycle.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles } from './import-cycles.ts';
import { readImportGraph, srcRoot } from './import-graph.ts';

const graph = readImportGraph();
const rel = (file: string) => path.relative(srcRoot, file).split(path.sep).join('/');
const within = (file: string, folder: string) => rel(file).startsWith(`${folder}/`);

/** `from` may not import anything under the `forbidden` folders. */
const LAYERS: { from: string; forbidden: string[] }[] = [
  { from: 'core', forbidden: ['bot', 'admin', 'cli'] },
  { from: 'bot', forbidden: ['admin', 'cli'] },
  { from: 'bot/render', forbidden: ['bot/slack', 'bot/teams'] },
];

/** Each platform SDK and the folders allowed to import it. */
const SDK_HOMES: { sdk: RegExp; homes: string[] }[] = [
  // Block Kit's type declarations, no client: the Slack renderer types its blocks with them.
  { sdk: /^@slack\/types$/, homes: ['bot/slack', 'bot/render'] },
  { sdk: /^@slack\/(?!types$)/, homes: ['bot/slack'] },
  { sdk: /^(@microsoft\/|botbuilder)/, homes: ['bot/teams'] },
  { sdk: /^(hono|@hono\/)(\/|$)/, homes: ['admin'] },
];

describe('layers', () => {
  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    const imports = [...graph.values()].flat();
    expect(imports.filter((i) => i.target).length).toBeGreaterThan(500);
  });

  for (const { from, forbidden } of LAYERS) {
    it(`keeps src/${from} from importing ${forbidden.map((f) => `src/${f}`).join(', ')}`, () => {
      const offenders = [...graph].flatMap(([file, imports]) =>
        within(file, from)
          ? imports
              .filter((i) => i.target && forbidden.some((f) => within(i.target as string, f)))
              .map((i) => `${rel(file)} imports ${i.specifier}`)
          : [],
      );
      expect(offenders).toEqual([]);
    });
  }

  it('imports each platform SDK only in its platform folder', () => {
    const offenders = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((i) =>
          SDK_HOMES.some(({ sdk, homes }) => sdk.test(i.specifier) && !homes.some((h) => within(file, h))),
        )
        .map((i) => `${rel(file)} imports ${i.specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(findImportCycles(graph).map((cycle) => cycle.map(rel))).toEqual([]);
  });
});
