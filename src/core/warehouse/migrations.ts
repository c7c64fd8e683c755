// Versioned schema changes, engine-neutral: each engine turns them into its own DDL and records the applied ids.
import { type ColumnDef, TABLES_V1, type TableDef } from './tables.ts';

/** One schema step. Append new steps at the end; never edit or reorder an applied one. */
export interface Migration {
  /** Unique, ordered id recorded in `schema_migrations` once applied. */
  id: string;
  /** Tables created by this step (`CREATE TABLE IF NOT EXISTS`). */
  tables?: TableDef[];
  /** Columns added to existing tables; always nullable, since old rows have no value. */
  columns?: { table: string; column: ColumnDef }[];
}

/** Tables whose rows carry amounts of money, each in its own currency. */
const CURRENCY_TABLES = ['sales', 'expenses_master', 'purchases_master'];

/** Version 1's sales table, re-declared by a later step that only adds an index to it. */
function salesV1(): TableDef {
  const sales = TABLES_V1.find((t) => t.name === 'sales');
  if (!sales) throw new Error('TABLES_V1 has no sales table');
  return sales;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: '0001_tables_v1', tables: TABLES_V1 },
  // How each loaded file was read (IngestReport as JSON): mapping, columns left out, date order, rows skipped.
  {
    id: '0002_ingest_files_report',
    columns: [{ table: 'ingest_files', column: { name: 'report_json', type: 'json' } }],
  },
  // Overlapping exports are told apart by order id (ingest/load/order-dedupe.ts): one index probe per
  // order of a batch instead of a scan of the site's sales. The table exists, so only the index is new
  // (SQLite); BigQuery has no indexes and keeps its clustering.
  {
    id: '0003_sales_order_id_index',
    tables: [
      { ...salesV1(), indexes: [...(salesV1().indexes ?? []), ['org_id', 'location_id', 'order_id']] },
    ],
  },
  // The ISO 4217 code each money row is in (a supplier bills in EUR): ingest writes 'INR' when a file names
  // none. NULL rows (stored before this step, or by a POS sync) are rupees; money measures add up only
  // rupee rows (semantic/currency.ts). On BigQuery this is ALTER TABLE ADD COLUMN, as on SQLite.
  {
    id: '0004_money_currency',
    columns: CURRENCY_TABLES.map((table) => ({ table, column: { name: 'currency', type: 'string' } })),
  },
  // What a 👎 said was wrong (wrong number, answered another question, too slow, other): NULL for a 👍 and for
  // votes given before Titan asked.
  {
    id: '0005_feedback_reason',
    columns: [{ table: 'answer_feedback', column: { name: 'reason', type: 'string' } }],
  },
  // Which Teams message showed which answer turn: Teams' own feedback buttons (message/submitAction) name only
  // the message they were pressed on, so a vote finds its answer through this.
  {
    id: '0006_teams_answer_messages',
    tables: [
      {
        name: 'teams_answer_messages',
        columns: [
          { name: 'conversation_id', type: 'string', required: true },
          { name: 'activity_id', type: 'string', required: true },
          { name: 'turn_id', type: 'string', required: true },
          { name: 'thread_id', type: 'string', required: true },
          { name: 'posted_at', type: 'timestamp', required: true },
        ],
        primaryKey: ['conversation_id', 'activity_id'],
      },
    ],
  },
  // How a bill was served: Dine In, Take Away, Delivery (or the aggregator's name), as the POS wrote it. Earlier
  // loads left the column out and said so; their rows stay NULL (not recorded).
  {
    id: '0007_sales_order_type',
    columns: [{ table: 'sales', column: { name: 'order_type', type: 'string' } }],
  },
];

/** Name of the bookkeeping table holding the ids of applied migrations. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/** Every table as it stands after all `migrations` ran: used to type inserts and validate names. */
export function schemaAfter(migrations: readonly Migration[] = MIGRATIONS): Map<string, TableDef> {
  const tables = new Map<string, TableDef>();
  for (const m of migrations) {
    for (const t of m.tables ?? []) tables.set(t.name, { ...t, columns: [...t.columns] });
    for (const { table, column } of m.columns ?? []) {
      const def = tables.get(table);
      if (!def) throw new Error(`migration ${m.id} adds a column to unknown table ${table}`);
      def.columns.push({ ...column, required: false });
    }
  }
  return tables;
}
