// DDL for SQLite generated from TableDef: column types become SQLite affinities.

import { assertIdentifier } from './sql-identifiers.ts';
import type { ColumnDef, ColumnType, TableDef } from './tables.ts';

/** Dates and timestamps stay ISO-8601 text so they sort and compare as written. */
const AFFINITY: Record<ColumnType, string> = {
  string: 'TEXT',
  integer: 'INTEGER',
  float: 'REAL',
  boolean: 'INTEGER',
  date: 'TEXT',
  timestamp: 'TEXT',
  json: 'TEXT',
};

const q = (name: string) => `"${assertIdentifier(name)}"`;

function columnSql(c: ColumnDef, allowRequired: boolean): string {
  return `${q(c.name)} ${AFFINITY[c.type]}${allowRequired && c.required ? ' NOT NULL' : ''}`;
}

/** CREATE TABLE plus its indexes, all idempotent. */
export function sqliteCreateTable(t: TableDef): string[] {
  const parts = t.columns.map((c) => columnSql(c, true));
  if (t.primaryKey?.length) parts.push(`PRIMARY KEY (${t.primaryKey.map(q).join(', ')})`);
  const statements = [`CREATE TABLE IF NOT EXISTS ${q(t.name)} (\n  ${parts.join(',\n  ')}\n)`];
  for (const cols of t.indexes ?? []) {
    const index = `idx_${t.name}_${cols.join('_')}`;
    statements.push(`CREATE INDEX IF NOT EXISTS ${q(index)} ON ${q(t.name)} (${cols.map(q).join(', ')})`);
  }
  return statements;
}

/** ALTER TABLE … ADD COLUMN; added columns are nullable because existing rows have no value. */
export function sqliteAddColumn(table: string, column: ColumnDef): string {
  return `ALTER TABLE ${q(table)} ADD COLUMN ${columnSql(column, false)}`;
}
