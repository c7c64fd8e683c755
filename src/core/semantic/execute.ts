// The one way callers run the semantic layer: a validated query → SQL on the warehouse → QueryResult.
import type { z } from 'zod';
import { TitanError } from '../errors.ts';
import type { Scope } from '../model/scope.ts';
import type { Row, Warehouse } from '../warehouse/port.ts';
import { CATEGORIES, CATEGORY_TABLE, type Category } from '../warehouse/tables.ts';
import { assembleResult } from './assemble.ts';
import { compileSemanticQuery } from './compile.ts';
import { DIMENSIONS, dimensionColumns } from './dimensions.ts';
import { inScope } from './predicates.ts';
import { type DimensionId, type QueryResult, type SemanticFilter, semanticQuerySchema } from './query.ts';

/** A query as callers write it (filters and share may be left out). */
export type SemanticQueryInput = z.input<typeof semanticQuerySchema>;

/** The dates a table's rows span in scope, and how many there are ("Your sales run 1 Jan–31 Dec 2015"). */
export interface TableCoverage {
  from: string;
  to: string;
  rows: number;
}

/** One stored value of a dimension and the categories holding it. */
export interface StoredName {
  value: string;
  categories: Category[];
}

export interface SemanticExecutor {
  /** Validates the query (request.invalid when it cannot be answered), runs its SQL, assembles the result. */
  run(query: SemanticQueryInput, scope: Scope): Promise<QueryResult>;
  /** Per category, the first and last date and the row count in scope; null when the table has no rows. */
  coverage(scope: Scope): Promise<Record<Category, TableCoverage | null>>;
  /** The stored values of an attribute dimension in scope, each once, sorted: the question reader's vocabulary. */
  distinctValues(scope: Scope, dimension: DimensionId): Promise<string[]>;
  /**
   * The same values, each with the categories whose rows hold it, in the same scan: "BESCOM" is a payee only the
   * expenses register names, so "what did we pay BESCOM" asks about expenses, not purchases.
   */
  storedNames(scope: Scope, dimension: DimensionId): Promise<StoredName[]>;
  /**
   * The first filter naming only values `table` has never held in scope ("BESCOM" is an expense payee, never a
   * purchase vendor): a figure filtered on it would be 0 for a question about another table.
   */
  unheldFilter(
    scope: Scope,
    table: string,
    filters: readonly SemanticFilter[],
  ): Promise<SemanticFilter | undefined>;
  /** The units `table` records `item` in, in scope (at most a few): one is the figure's unit, more cannot be added. */
  itemUnits(scope: Scope, table: string, item: string): Promise<string[]>;
}

export interface SemanticExecutorOptions {
  warehouse: Warehouse;
}

const categoryOf = (table: string): Category => CATEGORIES.find((c) => CATEGORY_TABLE[c] === table)!;

const scopeParams = (scope: Scope) => ({ org_id: scope.orgId, location_id: scope.locationId });

function parseQuery(input: SemanticQueryInput) {
  const parsed = semanticQuerySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
  throw new TitanError('request.invalid', `The question could not be read as a query (${why}).`, {
    cause: parsed.error,
  });
}

export function createSemanticExecutor(options: SemanticExecutorOptions): SemanticExecutor {
  const { warehouse } = options;
  const d = warehouse.dialect;

  async function storedNames(scope: Scope, dimension: DimensionId): Promise<StoredName[]> {
    if (DIMENSIONS[dimension].kind === 'time') {
      throw new TitanError(
        'request.invalid',
        `${DIMENSIONS[dimension].label} has no stored values to list.`,
        {
          detail: { dimension },
        },
      );
    }
    // The category is a constant of the model, never a value from a question.
    // DISTINCT inside each branch: the outer grouping then merges a few hundred names, not every row (half the
    // time of grouping the union of all rows, and this runs for four dimensions before a first answer).
    const selects = dimensionColumns(dimension).map(
      ({ table, column }) =>
        `SELECT DISTINCT ${column} AS v, '${categoryOf(table)}' AS c FROM ${d.table(table)} ` +
        `WHERE ${inScope()} AND ${column} IS NOT NULL AND ${column} <> ''`,
    );
    const sql = `SELECT v, c FROM (\n${selects.join('\nUNION ALL\n')}\n) AS stored GROUP BY v, c`;
    const rows = await warehouse.query(sql, scopeParams(scope));
    const held = new Map<string, Category[]>();
    for (const row of rows) {
      const value = String(row.v);
      held.set(value, [...(held.get(value) ?? []), row.c as Category]);
    }
    return [...held]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([value, categories]) => ({ value, categories: categories.sort() }));
  }

  return {
    async run(input, scope) {
      const compiled = compileSemanticQuery(parseQuery(input), scope, d);
      const results = await Promise.all(
        compiled.statements.map((s) => warehouse.query<Row>(s.sql, s.params)),
      );
      return assembleResult(compiled, results);
    },

    async coverage(scope) {
      const sql = CATEGORIES.map(
        (category) =>
          `SELECT '${category}' AS category, MIN(date) AS first_date, MAX(date) AS last_date, COUNT(*) AS n ` +
          `FROM ${d.table(CATEGORY_TABLE[category])} WHERE ${inScope()}`,
      ).join('\nUNION ALL\n');
      const rows = await warehouse.query(sql, scopeParams(scope));
      return Object.fromEntries(
        CATEGORIES.map((category) => {
          const row = rows.find((r) => r.category === category);
          const n = Number(row?.n ?? 0);
          return [
            category,
            row && n > 0
              ? { from: String(row.first_date).slice(0, 10), to: String(row.last_date).slice(0, 10), rows: n }
              : null,
          ];
        }),
      ) as Record<Category, TableCoverage | null>;
    },

    async distinctValues(scope, dimension) {
      return (await storedNames(scope, dimension)).map((n) => n.value);
    },

    storedNames,

    async unheldFilter(scope, table, filters) {
      for (const filter of filters) {
        const column = dimensionColumns(filter.dimension).find((c) => c.table === table)?.column;
        if (!column || DIMENSIONS[filter.dimension].kind === 'time') continue;
        const names = filter.values.map((_, i) => `@v${i}`).join(', ');
        const rows = await warehouse.query(
          `SELECT 1 AS present FROM ${d.table(table)} WHERE ${inScope()} AND ${column} IN (${names}) LIMIT 1`,
          { ...scopeParams(scope), ...Object.fromEntries(filter.values.map((v, i) => [`v${i}`, v])) },
        );
        if (rows.length === 0) return filter;
      }
      return undefined;
    },

    async itemUnits(scope, table, item) {
      const rows = await warehouse.query(
        `SELECT DISTINCT unit AS unit FROM ${d.table(table)} WHERE ${inScope()} AND item = @item AND unit IS NOT NULL LIMIT 5`,
        { ...scopeParams(scope), item },
      );
      return rows.map((r) => String(r.unit)).sort();
    },
  };
}
