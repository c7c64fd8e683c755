// DDL and parameter types for BigQuery generated from TableDef, so both engines share one table list.

import { assertIdentifier } from './sql-identifiers.ts';
import type { ColumnDef, ColumnType, TableDef } from './tables.ts';

/** JSON is kept as STRING: parameters bind as STRING and JSON_VALUE reads STRING as well. */
export const BIGQUERY_TYPE: Record<ColumnType, string> = {
  string: 'STRING',
  integer: 'INT64',
  float: 'FLOAT64',
  boolean: 'BOOL',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  json: 'STRING',
};

/** Backticks on every column: names such as `rows` are reserved words in GoogleSQL. */
export const bqColumn = (name: string) => `\`${assertIdentifier(name)}\``;

function columnSql(c: ColumnDef, allowRequired: boolean): string {
  return `${bqColumn(c.name)} ${BIGQUERY_TYPE[c.type]}${allowRequired && c.required ? ' NOT NULL' : ''}`;
}

/**
 * CREATE TABLE IF NOT EXISTS for one table. The primary key is declared NOT ENFORCED (BigQuery keeps
 * it as metadata only); the first index becomes the clustering, which is what BigQuery has instead.
 */
export function bigQueryCreateTable(qualified: string, t: TableDef): string {
  const parts = t.columns.map((c) => columnSql(c, true));
  if (t.primaryKey?.length) parts.push(`PRIMARY KEY (${t.primaryKey.map(bqColumn).join(', ')}) NOT ENFORCED`);
  const cluster = t.indexes?.[0]?.slice(0, 4);
  const clusterSql = cluster?.length ? `\nCLUSTER BY ${cluster.map(bqColumn).join(', ')}` : '';
  return `CREATE TABLE IF NOT EXISTS ${qualified} (\n  ${parts.join(',\n  ')}\n)${clusterSql}`;
}

export function bigQueryAddColumn(qualified: string, column: ColumnDef): string {
  return `ALTER TABLE ${qualified} ADD COLUMN IF NOT EXISTS ${columnSql(column, false)}`;
}
