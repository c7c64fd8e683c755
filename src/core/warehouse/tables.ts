// Every table Titan keeps, declared once; SQLite DDL and BigQuery schemas are generated from these.

export type ColumnType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'timestamp' | 'json';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  required?: boolean;
}

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  /** Column names forming the primary key (SQLite enforces it; BigQuery relies on MERGE/conditional DML). */
  primaryKey?: string[];
  /** Extra SQLite indexes, each a list of columns. */
  indexes?: string[][];
}

const col = (name: string, type: ColumnType, required = false): ColumnDef => ({ name, type, required });

/** org and location scope every business row. */
const scope = [col('org_id', 'string', true), col('location_id', 'string', true)];

/** Lineage columns on every ingested business row. */
const lineage = [
  col('_source_file', 'string'),
  col('_master_category', 'string'),
  col('_ingested_at', 'timestamp'),
  col('_row_hash', 'string'),
];

/** Canonical business columns per ingest category (CONTRACT.md), in order. */
export const CANONICAL_COLUMNS = {
  sales: [
    col('date', 'date', true),
    col('order_id', 'string'),
    col('item', 'string'),
    col('category', 'string'),
    col('qty', 'float'),
    col('unit_price', 'float'),
    col('discount', 'float'),
    col('amount', 'float', true),
    col('payment_mode', 'string'),
    col('status', 'string'),
    col('staff', 'string'),
  ],
  expenses: [
    col('date', 'date', true),
    col('description', 'string'),
    col('category', 'string'),
    col('vendor', 'string'),
    col('amount', 'float', true),
    col('payment_mode', 'string'),
  ],
  purchases: [
    col('date', 'date', true),
    col('vendor', 'string'),
    col('item', 'string'),
    col('qty', 'float'),
    col('unit', 'string'),
    col('unit_cost', 'float'),
    col('amount', 'float', true),
    col('invoice_no', 'string'),
  ],
  inventory: [
    col('date', 'date', true),
    col('item', 'string', true),
    col('unit', 'string'),
    col('opening_qty', 'float'),
    col('received_qty', 'float'),
    col('consumed_qty', 'float'),
    col('wastage_qty', 'float'),
    col('closing_qty', 'float'),
    col('unit_cost', 'float'),
  ],
} as const satisfies Record<string, ColumnDef[]>;

export type Category = keyof typeof CANONICAL_COLUMNS;
export const CATEGORIES = Object.keys(CANONICAL_COLUMNS) as Category[];

/** The warehouse table that holds each category's rows. */
export const CATEGORY_TABLE: Record<Category, string> = {
  sales: 'sales',
  expenses: 'expenses_master',
  purchases: 'purchases_master',
  inventory: 'inventory_master',
};

const business = (category: Category, extra: ColumnDef[] = []): TableDef => ({
  name: CATEGORY_TABLE[category],
  columns: [...scope, ...CANONICAL_COLUMNS[category], ...extra, ...lineage],
  // No index on _row_hash: no query looks rows up by it, and it would halve bulk-load speed.
  indexes: [['org_id', 'location_id', 'date']],
});

/** Version 1: every table of DESIGN.md. Later versions append to MIGRATIONS in migrations.ts. */
export const TABLES_V1: TableDef[] = [
  // order_time (HH:MM) lets the analyst see dayparts; POS exports usually carry it.
  // covers: guests per bill, repeated on each of its lines (POS exports call it covers or pax).
  business('sales', [col('order_time', 'string'), col('covers', 'integer')]),
  business('expenses'),
  business('purchases'),
  business('inventory'),
  {
    name: 'recipes',
    columns: [
      ...scope,
      col('menu_item', 'string', true),
      col('ingredient', 'string', true),
      col('qty_per_item', 'float', true),
      col('unit', 'string'),
    ],
    indexes: [['org_id', 'location_id', 'menu_item']],
  },
  {
    name: 'ai_task_queue',
    columns: [
      col('task_id', 'string', true),
      ...scope,
      col('task_type', 'string', true),
      col('title', 'string', true),
      col('finding', 'string'),
      col('finding_key', 'string'),
      col('metric', 'string'),
      col('baseline', 'float'),
      // How to re-measure after the deadline: {factId, item, impactPerWeek, periodDays} of the baseline.
      col('remeasure_json', 'json'),
      col('status', 'string', true),
      col('assignee', 'string'),
      col('due_at', 'timestamp'),
      col('created_at', 'timestamp', true),
      col('updated_at', 'timestamp'),
      col('acknowledged_by', 'string'),
      col('acknowledged_at', 'timestamp'),
      col('done_by', 'string'),
      col('done_at', 'timestamp'),
      col('thread_ref', 'string'),
    ],
    primaryKey: ['task_id'],
    indexes: [['org_id', 'location_id', 'status'], ['finding_key']],
  },
  {
    name: 'chat_memory',
    columns: [
      col('thread_id', 'string', true),
      ...scope,
      col('turn_at', 'timestamp', true),
      col('role', 'string', true),
      col('user_id', 'string'),
      col('text', 'string', true),
      col('answer_json', 'json'),
      // Lets answer_feedback point at one answer turn.
      col('turn_id', 'string'),
    ],
    indexes: [['thread_id', 'turn_at']],
  },
  {
    name: 'system_locks',
    columns: [
      col('lock_name', 'string', true),
      col('owner', 'string', true),
      col('acquired_at', 'timestamp', true),
      col('expires_at', 'timestamp', true),
    ],
    primaryKey: ['lock_name'],
  },
  {
    name: 'folder_watcher_log',
    columns: [
      col('run_timestamp', 'timestamp', true),
      col('category', 'string', true),
      col('files_total', 'integer', true),
      col('files_success', 'integer', true),
      col('files_failed', 'integer', true),
      col('duration_ms', 'integer', true),
    ],
  },
  {
    name: 'system_cost_log',
    columns: [
      col('timestamp', 'timestamp', true),
      col('org_id', 'string'),
      col('purpose', 'string', true),
      col('model', 'string'),
      col('tokens_in', 'integer'),
      col('tokens_out', 'integer'),
      col('cost_inr', 'float'),
    ],
  },
  {
    name: 'ingest_jobs',
    columns: [
      col('job_id', 'string', true),
      col('org_id', 'string'),
      col('location_id', 'string'),
      col('category', 'string', true),
      col('source', 'string', true),
      col('status', 'string', true),
      col('total', 'integer'),
      col('success', 'integer'),
      col('failed', 'integer'),
      col('created_at', 'timestamp', true),
      col('finished_at', 'timestamp'),
      // Why a whole job failed (its folder unreadable, say); per-file reasons live in ingest_files.
      col('reason', 'string'),
    ],
    primaryKey: ['job_id'],
  },
  {
    name: 'ingest_files',
    columns: [
      col('content_hash', 'string', true),
      col('job_id', 'string'),
      col('org_id', 'string'),
      col('location_id', 'string'),
      col('category', 'string', true),
      col('file_name', 'string', true),
      col('outcome', 'string', true),
      col('reason', 'string'),
      col('rows', 'integer'),
      col('ingested_at', 'timestamp', true),
    ],
    indexes: [['content_hash'], ['job_id']],
  },
  {
    name: 'schema_mappings',
    columns: [
      col('fingerprint', 'string', true),
      col('category', 'string', true),
      col('mapping_json', 'json', true),
      col('source', 'string', true),
      col('confidence', 'float'),
      col('created_at', 'timestamp', true),
    ],
    primaryKey: ['fingerprint'],
  },
  {
    // What the demo generator planted, one JSON document per scope, so tests and demos can check the analyst.
    name: 'demo_ground_truth',
    columns: [
      ...scope,
      col('seed', 'integer', true),
      col('generated_at', 'timestamp', true),
      col('truth_json', 'json', true),
    ],
    primaryKey: ['org_id', 'location_id'],
  },
  {
    // Chat platform event ids already handled (Slack event_id), so a platform retry never answers twice.
    name: 'chat_events',
    columns: [
      col('event_id', 'string', true),
      col('platform', 'string', true),
      col('received_at', 'timestamp', true),
    ],
    primaryKey: ['event_id'],
  },
  {
    // 👍/👎 on one answer (chat_memory.turn_id); a user's latest vote counts.
    name: 'answer_feedback',
    columns: [
      col('turn_id', 'string', true),
      col('thread_id', 'string', true),
      col('user_id', 'string', true),
      col('vote', 'string', true),
      col('created_at', 'timestamp', true),
    ],
    indexes: [['turn_id']],
  },
  {
    // Teams conversations Titan was installed in or spoken to: where a proactive post (the digest) can go.
    name: 'teams_conversations',
    columns: [
      col('conversation_id', 'string', true),
      col('service_url', 'string', true),
      col('tenant_id', 'string'),
      col('conversation_type', 'string'),
      col('bot_id', 'string', true),
      col('bot_name', 'string'),
      // True when a verified Bot Framework token vouched for service_url (not emulator mode).
      col('verified', 'boolean', true),
      col('updated_at', 'timestamp', true),
    ],
    primaryKey: ['conversation_id'],
  },
];
