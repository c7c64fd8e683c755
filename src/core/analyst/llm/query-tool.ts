// query_data, the model's main tool: one semantic query (measures × breakdown × filters × period × comparison) computed by SQL.
import { z } from 'zod';
import type { Period } from '../../model/answer.ts';
import type { SemanticExecutor } from '../../semantic/execute.ts';
import { DIMENSION_LIST, MEASURE_LIST } from '../../semantic/model.ts';
import { type SemanticFilter, type SemanticQuery, semanticQuerySchema } from '../../semantic/query.ts';
import { toGeminiSchema } from './gemini-schema.ts';
import { queryFacts, queryResponse } from './query-result.ts';
import { type AnalystTool, isArgError, parseArgs, type ToolContext, toolError, withTimeout } from './tool.ts';

export const QUERY_TOOL_NAME = 'query_data';

export interface QueryToolOptions {
  /** Groups returned to the model at most (ranked or ordered first). */
  maxGroups?: number;
  /** A query still running after this is abandoned (the model is told so). */
  timeoutMs?: number;
}

const filterable = DIMENSION_LIST.filter((d) => d.kind === 'attribute' || d.filter).map((d) => d.id);

/** What each argument means; the measures' and dimensions' own definitions, so the model picks the right one. */
const DESCRIPTIONS = {
  measures:
    'The figures to compute; the first one ranks and shares. Each is id (unit): definition. ' +
    MEASURE_LIST.map((m) => `${m.id} (${m.unit}): ${m.definition}`).join(' | '),
  groupBy: `Break the figures down by one dimension. ${DIMENSION_LIST.map((d) => `${d.id}: ${d.definition}`).join(' | ')}`,
  filters: `Keep only rows whose dimension has one of the values; dimensions that filter: ${filterable.join(', ')}.`,
  'filters.values':
    'Names as the owner wrote them or as stored ("maida", "Masala Dosa"); matched to the stored names ignoring case.',
  period:
    'The dates the figures cover: the period in the data block, unless the owner asked about another one.',
  'period.label': 'The period in the owner’s words ("last 7 days", "October 2026").',
  compare:
    'Also compute the totals of a second period, with the % change. kind previous: the equal-length period just ' +
    'before; last_week / last_month / last_year: the same dates shifted back (last_week for 7 days or less); ' +
    'period: the dates given in compare.period (only with that kind).',
  rank: 'Only the top (desc) or bottom (asc) groups by the first measure; needs groupBy. limit 1 with groupBy day is the best day.',
  share:
    'Each group’s share of the first measure’s total, in %; needs groupBy and an amount (not a ratio) first.',
};

const sameDates = (a: Period, b: Period): boolean => a.from === b.from && a.to === b.to;

/** Stored names sharing a word with `value` ("Dosa Special" → "Masala Dosa"), for an error the model can correct from. */
function lookalikes(stored: string[], value: string): string {
  const words = value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  const near = stored.filter((s) => words.some((w) => s.toLowerCase().includes(w)));
  const shown = (near.length ? near : stored).slice(0, 12).map((s) => JSON.stringify(s));
  return near.length
    ? `names like it: ${shown.join(', ')}`
    : `${stored.length} are stored, e.g. ${shown.join(', ')}`;
}

/** Each filter value → the stored names it means (exact, else every one equal ignoring case). */
async function resolveFilters(
  executor: SemanticExecutor,
  query: SemanticQuery,
  ctx: ToolContext,
): Promise<SemanticQuery | { error: string }> {
  const filters: SemanticFilter[] = [];
  for (const filter of query.filters) {
    // Time grains cannot filter; the executor says so.
    if (!filterable.includes(filter.dimension)) {
      filters.push(filter);
      continue;
    }
    const stored = await executor.distinctValues(ctx.scope, filter.dimension);
    const values = new Set<string>();
    for (const value of filter.values) {
      const matches = stored.includes(value)
        ? [value]
        : stored.filter((s) => s.toLowerCase() === value.trim().toLowerCase());
      if (!matches.length) {
        const why = stored.length ? lookalikes(stored, value) : 'none is recorded';
        return { error: `no ${filter.dimension} "${value}" in this restaurant's data; ${why}` };
      }
      for (const m of matches) values.add(m);
    }
    filters.push({ ...filter, values: [...values] });
  }
  return { ...query, filters };
}

export function createQueryTool(executor: SemanticExecutor, options: QueryToolOptions = {}): AnalystTool {
  const maxGroups = options.maxGroups ?? 50;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // Built once: an argument Gemini's schema subset cannot say fails here, at start, not mid-answer.
  const parameters = toGeminiSchema(z.toJSONSchema(semanticQuerySchema, { io: 'input' }), DESCRIPTIONS);

  async function run(raw: Record<string, unknown>, ctx: ToolContext) {
    const parsed = parseArgs(semanticQuerySchema, raw);
    if (isArgError(parsed)) return { response: parsed, facts: [] };
    const names = [parsed.groupBy, ...parsed.filters.map((f) => f.dimension)];
    if (ctx.audience === 'public' && names.includes('staff')) {
      return { response: { error: 'figures by staff member are not shown in a public channel' }, facts: [] };
    }
    try {
      const resolved = await withTimeout(resolveFilters(executor, parsed, ctx), timeoutMs);
      if (isArgError(resolved)) return { response: resolved, facts: [] };
      ctx.onStatus?.(`Computing ${resolved.measures.join(', ')} for ${resolved.period.label}…`);
      const result = await withTimeout(executor.run(resolved, ctx.scope), timeoutMs);
      const asked = ctx.period;
      const same = sameDates(resolved.period, asked);
      // The owner's own words name the asked period; any other is named by its dates as well as its label.
      const period = same ? asked : resolved.period;
      const shown = { result, period, maxGroups };
      return {
        response: {
          ...queryResponse(shown),
          ...(same
            ? {}
            : {
                askedPeriod: asked,
                notice: `These figures are for ${period.from} to ${period.to}, not the period the owner asked about (${asked.label}, ${asked.from} to ${asked.to}): say which period each figure is for.`,
              }),
        },
        facts: queryFacts(shown),
        ...(same
          ? {}
          : {
              notes: [
                `Gemini also read ${period.label} (${period.from} to ${period.to}); you asked about ${asked.label} (${asked.from} to ${asked.to}).`,
              ],
            }),
      };
    } catch (err) {
      // request.invalid says what to change (a breakdown a measure lacks, ranking without groupBy …).
      return { response: toolError(err, 'the query failed'), facts: [] };
    }
  }

  return {
    declaration: {
      name: QUERY_TOOL_NAME,
      description:
        'Computes figures of this restaurant (already limited to it) from its data: one or more measures over a ' +
        'period, optionally broken down, filtered, ranked, shared or compared with another period. Read-only. ' +
        'Every number you write should come from here, the facts or another tool.',
      parameters,
    },
    run,
  };
}
