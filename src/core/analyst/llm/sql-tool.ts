// run_sql: a read-only SELECT the model writes when query_data cannot express the question; parsed, scoped, LIMITed and stopped at its deadline.
//
// Why it stays beside query_data: a semantic query is measures summed over groups of one dimension, so it cannot
// say row-level or cross-sheet questions — one bill, bills above ₹2,000, items bought but never sold, what one
// vendor charged on which date. For those the model writes SQL under the guard (SELECT only, the org's own rows,
// a row cap, a timeout, no staff columns in public). Its figures are still SQL over the warehouse, but not by
// Titan's measure definitions, so the persona and this description keep it last: never for a figure query_data has.

import { z } from 'zod';
import { SchemaType } from '../../llm/schema-type.ts';
import { SQL_TOOL_TABLES, toolTable } from './sql-tool-tables.ts';
import { type AnalystTool, isArgError, parseArgs, toolError, withTimeout } from './tool.ts';

export const SQL_TOOL_NAME = 'run_sql';

export interface SqlToolOptions {
  /** Rows returned at most. */
  maxRows?: number;
  /** A query still running after this is stopped, where the warehouse can stop one, else abandoned (the model is told so). */
  timeoutMs?: number;
}

/** The race below is only for warehouses that cannot stop a query: one that can reports its own timeout first. */
const ABANDON_GRACE_MS = 250;

const args = z.object({ sql: z.string().min(1).max(4000) });

function schemaText(dialect: string): string {
  const tables = SQL_TOOL_TABLES.map((name) => {
    const def = toolTable(name);
    return `${name}(${def.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
  });
  return `${tables.join('; ')}. Dialect: ${dialect}. Dates are ISO strings (YYYY-MM-DD); money is INR (rows billed in another currency are not in these tables).`;
}

export function createSqlTool(dialect: 'sqlite' | 'bigquery', options: SqlToolOptions = {}): AnalystTool {
  const maxRows = options.maxRows ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    declaration: {
      name: SQL_TOOL_NAME,
      description:
        'Runs one read-only SELECT over the business tables of this restaurant (already limited to it) and ' +
        `returns at most ${maxRows} rows. Use only for what query_data cannot express (single bills, bills over an ` +
        `amount, joins across sheets); never for a figure query_data computes. Tables: ${schemaText(dialect)}`,
      parameters: {
        type: SchemaType.OBJECT,
        properties: { sql: { type: SchemaType.STRING, description: 'One SELECT statement.' } },
        required: ['sql'],
      },
    },
    async run(raw, ctx) {
      const parsed = parseArgs(args, raw);
      if (isArgError(parsed)) return { response: parsed, facts: [] };
      try {
        // node-sql-parser takes a fifth of a one-shot `titan ask` to load: only a model writing SQL pays for it.
        const { guardSql } = await import('./sql-guard.ts');
        const guarded = guardSql(parsed.sql, {
          dialect: ctx.warehouse.dialect,
          scope: ctx.scope,
          maxRows,
          hideStaff: ctx.audience === 'public',
        });
        ctx.onStatus?.(`Running a read-only query on ${guarded.tables.join(', ') || 'the warehouse'}…`);
        const rows = await withTimeout(
          ctx.warehouse.query(guarded.sql, undefined, { deadlineMs: timeoutMs }),
          timeoutMs + ABANDON_GRACE_MS,
        );
        return {
          response: {
            rows: rows.slice(0, maxRows),
            rowCount: Math.min(rows.length, maxRows),
            truncated: rows.length > maxRows,
          },
          facts: [],
        };
      } catch (err) {
        // The model reads why and may try again.
        return { response: toolError(err, 'the query failed'), facts: [] };
      }
    },
  };
}
