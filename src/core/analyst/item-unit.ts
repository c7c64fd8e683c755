// The unit a quantity or rate of one item is in: the unit its rows record ("28.5 kg of maida", "₹54.38/L"), or,
// when they record it in several (kg on one bill, bags on another), no figure: those quantities cannot be added.
import type { Fact } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import { MEASURE_TABLE } from '../reader/vocabulary.ts';
import type { SemanticExecutor } from '../semantic/execute.ts';
import { MEASURES } from '../semantic/model.ts';
import type { SemanticQuery } from '../semantic/query.ts';
import { CANONICAL_COLUMNS, CATEGORY_TABLE } from '../warehouse/tables.ts';

export type ItemUnit =
  | { kind: 'unknown' }
  | { kind: 'one'; unit: string }
  | { kind: 'mixed'; item: string; units: string[] };

/** The unit of the query's figure when it is a quantity or rate of one item in a register that records units. */
export async function itemUnitOf(
  executor: SemanticExecutor,
  scope: Scope,
  query: SemanticQuery,
): Promise<ItemUnit> {
  const first = query.measures[0]!;
  const category = MEASURE_TABLE[first];
  const measured = MEASURES[first].unit === 'qty' || MEASURES[first].unit === 'INR/unit';
  const item = query.filters.find((f) => f.dimension === 'item' && f.values.length === 1)?.values[0];
  const recordsUnits = CANONICAL_COLUMNS[category].some((c) => c.name === 'unit');
  if (!measured || !recordsUnits || item === undefined || query.groupBy === 'item')
    return { kind: 'unknown' };
  const units = await executor.itemUnits(scope, CATEGORY_TABLE[category], item);
  if (units.length === 1) return { kind: 'one', unit: units[0]! };
  return units.length > 1 ? { kind: 'mixed', item, units } : { kind: 'unknown' };
}

/** The facts in the item's own unit: "units" becomes "kg", "INR/unit" becomes "INR/kg". */
export function inItemUnit(facts: Fact[], unit: string): Fact[] {
  return facts.map((f) =>
    f.unit === 'units' ? { ...f, unit } : f.unit === 'INR/unit' ? { ...f, unit: `INR/${unit}` } : f,
  );
}
