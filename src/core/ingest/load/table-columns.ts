// Which columns of a category's table hold business values (everything but scope and lineage), from the schema.
import { schemaAfter } from '../../warehouse/migrations.ts';
import { CATEGORY_TABLE, type Category } from '../../warehouse/tables.ts';

const NOT_BUSINESS = new Set([
  'org_id',
  'location_id',
  '_source_file',
  '_master_category',
  '_ingested_at',
  '_row_hash',
]);

/** Canonical columns plus any a migration added (sales.order_time), in table order. */
export function businessColumns(category: Category): string[] {
  const table = schemaAfter().get(CATEGORY_TABLE[category]);
  if (!table) throw new Error(`no table for category ${category}`);
  return table.columns.map((c) => c.name).filter((name) => !NOT_BUSINESS.has(name));
}
