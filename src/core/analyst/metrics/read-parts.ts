// The model's aggregates for a metric: one compiled statement per table, read as the period's totals or per group.
import type { Period } from '../../model/answer.ts';
import type { Scope } from '../../model/scope.ts';
import { aggregateColumn, compileStatement } from '../../semantic/compile.ts';
import { keyText } from '../../semantic/dimensions.ts';
import { AGGREGATES, type AggregateId, type PartReader, type SourceId } from '../../semantic/model.ts';
import type { DimensionId } from '../../semantic/query.ts';
import type { Row, SqlValue, Warehouse } from '../../warehouse/port.ts';

export interface PartsSpec {
  period: Period;
  parts: readonly AggregateId[];
  /** One row per key of this dimension instead of the period's totals. */
  groupBy?: DimensionId;
}

export interface PartGroup {
  /** null for the rows that do not record the dimension (no staff on the line …). */
  key: string | null;
  part: PartReader;
}

export interface PartRows {
  /** The period's totals (without groupBy), or every part null. */
  total: PartReader;
  /** One per key (with groupBy), in no particular order. */
  groups: PartGroup[];
  rowsScanned: number;
}

const toNumber = (value: SqlValue | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** A part is null where its table had no rows in the group, as in a semantic query's result. */
function partsOf(row: Row, ids: readonly AggregateId[], into: Map<AggregateId, number | null>): void {
  const empty = (toNumber(row.n) ?? 0) === 0;
  for (const id of ids) into.set(id, empty ? null : toNumber(row[aggregateColumn(id)]));
}

const readerOf =
  (values: Map<AggregateId, number | null>): PartReader =>
  (id) =>
    values.get(id) ?? null;

export async function readParts(
  ctx: { warehouse: Warehouse; scope: Scope },
  spec: PartsSpec,
): Promise<PartRows> {
  const d = ctx.warehouse.dialect;
  const bySource = new Map<SourceId, AggregateId[]>();
  for (const id of new Set(spec.parts)) {
    const source = AGGREGATES[id].source;
    bySource.set(source, [...(bySource.get(source) ?? []), id]);
  }
  const statements = [...bySource].map(([source, aggregates]) =>
    compileStatement(d, ctx.scope, {
      role: spec.groupBy ? 'groups' : 'totals',
      source,
      aggregates,
      period: spec.period,
      filters: [],
      ...(spec.groupBy ? { groupBy: spec.groupBy } : {}),
    }),
  );
  const results = await Promise.all(statements.map((s) => ctx.warehouse.query<Row>(s.sql, s.params)));

  const totals = new Map<AggregateId, number | null>();
  const groups = new Map<string | null, Map<AggregateId, number | null>>();
  let rowsScanned = 0;
  statements.forEach((statement, i) => {
    for (const row of results[i] ?? []) {
      rowsScanned += toNumber(row.n) ?? 0;
      if (!spec.groupBy) {
        partsOf(row, statement.aggregates, totals);
        continue;
      }
      const key = keyText(spec.groupBy, row.k);
      const values = groups.get(key) ?? new Map();
      partsOf(row, statement.aggregates, values);
      groups.set(key, values);
    }
  });
  return {
    total: readerOf(totals),
    groups: [...groups].map(([key, values]) => ({ key, part: readerOf(values) })),
    rowsScanned,
  };
}
