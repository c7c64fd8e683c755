// run_sql: a read-only SELECT the model writes when no metric fits; parsed, scoped, LIMITed and timed out.
import { Type } from '@google/genai';
import { z } from 'zod';
import { TitanError } from '../../errors.ts';
import { TABLES_V1 } from '../../warehouse/tables.ts';
import { guardSql, SQL_TOOL_TABLES } from './sql-guard.ts';
import { type AnalystTool, isArgError, parseArgs } from './tool.ts';

export const SQL_TOOL_NAME = 'run_sql';

export interface SqlToolOptions {
  /** Rows returned at most. */
  maxRows?: number;
  /** A query still running after this is abandoned (the model is told so). */
  timeoutMs?: number;
}

const args = z.object({ sql: z.string().min(1).max(4000) });

function schemaText(dialect: string): string {
  const tables = SQL_TOOL_TABLES.map((name) => {
    const def = TABLES_V1.find((t) => t.name === name)!;
    return `${name}(${def.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
  });
  return `${tables.join('; ')}. Dialect: ${dialect}. Dates are ISO strings (YYYY-MM-DD); money is INR.`;
}

/** Races a query against a timer; the warehouse call is left to finish but its result is dropped. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TitanError('warehouse.query_failed', `query took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createSqlTool(dialect: 'sqlite' | 'bigquery', options: SqlToolOptions = {}): AnalystTool {
  const maxRows = options.maxRows ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    declaration: {
      name: SQL_TOOL_NAME,
      description:
        'Runs one read-only SELECT over the business tables of this restaurant (already limited to it) and ' +
        `returns at most ${maxRows} rows. Use only when no metric_* tool answers the question. Tables: ${schemaText(dialect)}`,
      parameters: {
        type: Type.OBJECT,
        properties: { sql: { type: Type.STRING, description: 'One SELECT statement.' } },
        required: ['sql'],
      },
    },
    async run(raw, ctx) {
      const parsed = parseArgs(args, raw);
      if (isArgError(parsed)) return { response: parsed, facts: [] };
      try {
        const guarded = guardSql(parsed.sql, {
          dialect: ctx.warehouse.dialect,
          scope: ctx.scope,
          maxRows,
          hideStaff: ctx.audience === 'public',
        });
        ctx.onStatus?.(`Running a read-only query on ${guarded.tables.join(', ') || 'the warehouse'}…`);
        const rows = await withTimeout(ctx.warehouse.query(guarded.sql), timeoutMs);
        return {
          response: {
            rows: rows.slice(0, maxRows),
            rowCount: Math.min(rows.length, maxRows),
            truncated: rows.length > maxRows,
          },
          facts: [],
        };
      } catch (err) {
        // The model reads why and may try again; nothing else of the error (paths, internals) goes back.
        const message = err instanceof TitanError ? err.message : 'the query failed';
        return { response: { error: message.slice(0, 300) }, facts: [] };
      }
    },
  };
}
