// The tables the model's SQL may read, as every migration leaves them; apart from the guard, whose SQL parser is
// loaded only when the model first writes SQL.
import { schemaAfter } from '../../warehouse/migrations.ts';
import type { TableDef } from '../../warehouse/tables.ts';

/** Tables the model may read; each carries org_id and location_id, so every read is scoped. */
export const SQL_TOOL_TABLES = [
  'sales',
  'expenses_master',
  'purchases_master',
  'inventory_master',
  'recipes',
  'ai_task_queue',
] as const;

export type SqlToolTable = (typeof SQL_TOOL_TABLES)[number];

/** The tables as every migration leaves them (the currency column included). */
const SCHEMA = schemaAfter();

/** A table the model may read, as it stands now. */
export function toolTable(name: SqlToolTable): TableDef {
  return SCHEMA.get(name)!;
}
