// The columns a file's rows are mapped onto: the category's canonical columns plus any extras its table keeps.
import { schemaAfter } from '../../warehouse/migrations.ts';
import { CANONICAL_COLUMNS, CATEGORY_TABLE, type Category, type ColumnDef } from '../../warehouse/tables.ts';

const NOT_FROM_FILES = new Set(['org_id', 'location_id']);

/** Each category's table as all migrations leave it: extras added later (currency) are targets too. */
const SCHEMA = schemaAfter();

/**
 * Canonical columns first (CONTRACT.md), then table extras such as sales.order_time and currency, in the
 * order migrations added them; never scope or lineage.
 */
export function targetColumns(category: Category): readonly ColumnDef[] {
  const canonical = CANONICAL_COLUMNS[category];
  const names = new Set(canonical.map((c) => c.name));
  const table = SCHEMA.get(CATEGORY_TABLE[category]);
  const extras = (table?.columns ?? []).filter(
    (c) => !names.has(c.name) && !NOT_FROM_FILES.has(c.name) && !c.name.startsWith('_'),
  );
  return [...canonical, ...extras];
}

/** Required columns a file must map: date and amount, or for inventory date, item and one quantity. */
export function requiredColumns(category: Category): { all: string[]; oneOf: string[] } {
  if (category === 'inventory') {
    const quantities = CANONICAL_COLUMNS.inventory.filter((c) => c.name.endsWith('_qty')).map((c) => c.name);
    return { all: ['date', 'item'], oneOf: quantities };
  }
  return { all: CANONICAL_COLUMNS[category].filter((c) => c.required).map((c) => c.name), oneOf: [] };
}

/** An amount the rows imply without stating it: qty × unit price (or unit cost), less discount. */
export function amountDerivable(category: Category, mapped: ReadonlySet<string>): boolean {
  const price = category === 'sales' ? 'unit_price' : 'unit_cost';
  return category !== 'inventory' && category !== 'expenses' && mapped.has('qty') && mapped.has(price);
}

/** The required columns a mapping lacks, in words for a message (e.g. ["amount", "a quantity column"]). */
export function missingRequired(category: Category, mapped: ReadonlySet<string>): string[] {
  const { all, oneOf } = requiredColumns(category);
  const derived = (name: string) => name === 'amount' && amountDerivable(category, mapped);
  const missing = all.filter((name) => !mapped.has(name) && !derived(name));
  if (oneOf.length > 0 && !oneOf.some((name) => mapped.has(name))) {
    missing.push(`a quantity column (${oneOf.join(', ')})`);
  }
  return missing;
}
