// The model's SQL, parsed (not pattern-matched): one SELECT over allowlisted tables, scoped and LIMITed.
import sqlParser from 'node-sql-parser';
import { TitanError } from '../../errors.ts';
import type { Scope } from '../../model/scope.ts';
import { inRupees } from '../../semantic/currency.ts';
import type { Dialect } from '../../warehouse/port.ts';
import { SQL_TOOL_TABLES, type SqlToolTable, toolTable } from './sql-tool-tables.ts';

/** Columns that name people; left out when the answer goes to a public channel. */
const STAFF_COLUMNS = new Set(['staff', 'assignee', 'acknowledged_by', 'done_by']);

/** Functions a read-only analysis needs, in SQLite and BigQuery spellings; anything else is refused. */
const FUNCTIONS = new Set(
  (
    'count sum avg min max total group_concat string_agg round abs coalesce ifnull nullif iif if lower upper ' +
    'trim ltrim rtrim substr substring length instr replace date datetime strftime julianday extract ' +
    'date_trunc date_diff date_add date_sub format_date safe_divide cast greatest least'
  ).split(' '),
);

const WRITES = new Set([
  'insert',
  'update',
  'delete',
  'replace',
  'create',
  'drop',
  'alter',
  'truncate',
  'merge',
]);
const MAX_TABLE_REFS = 8;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface GuardedSql {
  sql: string;
  /** Allowlisted tables the query reads. */
  tables: string[];
}

export interface SqlGuardOptions {
  dialect: Dialect;
  scope: Scope;
  /** Rows returned at most (a larger LIMIT is lowered to this). */
  maxRows: number;
  /** Public channels never see staff names. */
  hideStaff: boolean;
}

const refuse = (why: string): never => {
  throw new TitanError('request.invalid', `SQL refused: ${why}`);
};

function functionName(node: Node): string | undefined {
  if (node.type === 'aggr_func' && typeof node.name === 'string') return node.name.toLowerCase();
  if (node.type !== 'function' || !isNode(node.name)) return undefined;
  const parts = (node.name.name as { value?: unknown }[] | undefined) ?? [];
  return parts
    .map((p) => String(p.value))
    .join('.')
    .toLowerCase();
}

/** Visits every object in the tree, children first, so a replaced FROM entry is never visited again. */
function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (isNode(value)) {
    for (const v of Object.values(value)) walk(v, visit);
    visit(value);
  }
}

const SCOPE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Parses, checks and rewrites the model's query; throws TitanError('request.invalid') saying why not. */
export function guardSql(sql: string, options: SqlGuardOptions): GuardedSql {
  const { dialect, scope } = options;
  const database = dialect.name === 'bigquery' ? 'bigquery' : 'sqlite';
  const parser = new sqlParser.Parser();
  let parsed: unknown;
  try {
    parsed = parser.astify(sql, { database });
  } catch (err) {
    refuse(
      `it does not parse as ${database} SQL (${err instanceof Error ? err.message.slice(0, 120) : 'syntax error'})`,
    );
  }
  const statements = Array.isArray(parsed) ? parsed : [parsed];
  if (statements.length !== 1) refuse('send exactly one statement');
  const ast = statements[0];
  if (!isNode(ast) || ast.type !== 'select') refuse('only SELECT is allowed');
  const root = ast as Node;
  if (!SCOPE_ID.test(scope.orgId) || !SCOPE_ID.test(scope.locationId))
    refuse('the scope ids are not plain ids');

  const cteNames = new Set<string>();
  walk(root, (node) => {
    if (!Array.isArray(node.with)) return;
    for (const cte of node.with as Node[]) {
      if (cte.recursive) refuse('recursive CTEs are not allowed');
      const name = isNode(cte.name) ? String(cte.name.value) : String(cte.name);
      if ((SQL_TOOL_TABLES as readonly string[]).includes(name)) refuse(`a CTE may not be named ${name}`);
      cteNames.add(name);
    }
  });

  const tables = new Set<string>();
  let refs = 0;
  const scoped = (table: string): Node => {
    const def = toolTable(table as SqlToolTable);
    const names = def.columns.map((c) => c.name);
    const columns = names.filter((c) => !(options.hideStaff && STAFF_COLUMNS.has(c))).join(', ');
    // Rupee rows only, as in every figure Titan computes: a € invoice is never summed as ₹.
    const rupees = names.includes('currency') ? ` AND ${inRupees('currency')}` : '';
    const inner = parser.astify(
      `SELECT ${columns} FROM ${dialect.table(table)} WHERE org_id = '${scope.orgId}' AND location_id = '${scope.locationId}'${rupees}`,
      { database },
    ) as unknown as Node;
    return { ast: inner, parentheses: true };
  };

  walk(root, (node) => {
    if (typeof node.type === 'string' && WRITES.has(node.type))
      refuse(`${node.type.toUpperCase()} is not allowed`);
    const fn = functionName(node);
    if (fn !== undefined && !FUNCTIONS.has(fn)) refuse(`function ${fn}() is not allowed`);
    if (!Array.isArray(node.from)) return;
    node.from = (node.from as Node[]).map((entry) => {
      if (typeof entry.table !== 'string' || 'expr' in entry) return entry;
      refs += 1;
      if (entry.db !== null && entry.db !== undefined)
        refuse(`name tables without a schema (${entry.db}.${entry.table})`);
      if (cteNames.has(entry.table)) return entry;
      if (!(SQL_TOOL_TABLES as readonly string[]).includes(entry.table)) {
        refuse(`table ${entry.table} is not readable; use one of ${SQL_TOOL_TABLES.join(', ')}`);
      }
      tables.add(entry.table);
      const { db: _db, table, as, ...join } = entry;
      return { ...join, expr: scoped(table), as: as ?? table };
    });
  });
  if (refs > MAX_TABLE_REFS) refuse(`at most ${MAX_TABLE_REFS} table references`);

  // One more row than allowed tells the caller the result was cut.
  const cap = options.maxRows + 1;
  const limit = root.limit as { value?: { type?: string; value?: unknown }[] } | null | undefined;
  const simple =
    !root._next && (!limit?.value?.length || (limit.value.length === 1 && limit.value[0]?.type === 'number'));
  if (simple) {
    const current = Number(limit?.value?.[0]?.value ?? Number.POSITIVE_INFINITY);
    root.limit = { seperator: '', value: [{ type: 'number', value: Math.min(current, cap) }] };
    return { sql: parser.sqlify(root as never, { database }), tables: [...tables] };
  }
  return {
    sql: `SELECT * FROM (${parser.sqlify(root as never, { database })}) AS result LIMIT ${cap}`,
    tables: [...tables],
  };
}
