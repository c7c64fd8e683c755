// The question reader's vocabulary per scope (stored names, dates covered), read from the data and re-read after a load.
import type { Clock } from '../clock.ts';
import type { Scope } from '../model/scope.ts';
import { VALUE_DIMENSIONS, type Vocabulary } from '../reader/vocabulary.ts';
import type { SemanticExecutor } from '../semantic/execute.ts';
import type { Warehouse } from '../warehouse/port.ts';
import { readFreshness } from './sources.ts';

/** Loads the freshness stamp cannot see (rows written straight to the warehouse by another tool) show up by then. */
const MAX_AGE_MS = 10 * 60_000;

export interface QuestionVocabulary {
  get(scope: Scope): Promise<Vocabulary>;
}

export function createQuestionVocabulary(options: {
  warehouse: Warehouse;
  executor: SemanticExecutor;
  clock: Clock;
}): QuestionVocabulary {
  const { warehouse, executor, clock } = options;
  const cache = new Map<string, { stamp: string; at: number; vocabulary: Vocabulary }>();

  async function load(scope: Scope): Promise<Vocabulary> {
    const [coverage, ...lists] = await Promise.all([
      executor.coverage(scope),
      ...VALUE_DIMENSIONS.map((d) => executor.storedNames(scope, d)),
    ]);
    const span = (c: { from: string; to: string } | null) => (c ? { from: c.from, to: c.to } : null);
    return {
      values: Object.fromEntries(VALUE_DIMENSIONS.map((d, i) => [d, lists[i]!.map((n) => n.value)])),
      heldIn: Object.fromEntries(
        VALUE_DIMENSIONS.map((d, i) => [
          d,
          Object.fromEntries(lists[i]!.map((n) => [n.value, n.categories])),
        ]),
      ),
      coverage: {
        sales: span(coverage.sales),
        expenses: span(coverage.expenses),
        purchases: span(coverage.purchases),
        inventory: span(coverage.inventory),
      },
    };
  }

  return {
    async get(scope) {
      const key = `${scope.orgId}\u0000${scope.locationId}`;
      // Every load (a file, a POS sync, the demo) moves the last-load time of some table: a cheap index seek per
      // table, against a distinct-values scan of every name column.
      const stamp = JSON.stringify(await readFreshness(warehouse, scope));
      const now = clock.now().getTime();
      const hit = cache.get(key);
      if (hit && hit.stamp === stamp && now - hit.at < MAX_AGE_MS) return hit.vocabulary;
      const vocabulary = await load(scope);
      cache.set(key, { stamp, at: now, vocabulary });
      return vocabulary;
    },
  };
}
