// What an answer rests on: rows per category in the period, last load per category, days without data, failed files.
import type { Fact, Period, Sources } from '../model/answer.ts';
import type { Scope } from '../model/scope.ts';
import type { SqlParams, Warehouse } from '../warehouse/port.ts';
import { CATEGORIES, CATEGORY_TABLE, type Category } from '../warehouse/tables.ts';
import { addDays, daysBetween, monthShort } from './calendar.ts';

/** How many failed files an answer names before it stops listing them. */
const MAX_FAILED_FILES = 3;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const scopeParams = (scope: Scope): SqlParams => ({ org_id: scope.orgId, location_id: scope.locationId });

/** Rows each category holds in the period: cheap COUNTs on the (org, location, date) index. */
export async function countRows(
  warehouse: Warehouse,
  scope: Scope,
  period: Period,
): Promise<Record<Category, number>> {
  const { dialect } = warehouse;
  const counts = await Promise.all(
    CATEGORIES.map(async (category) => {
      const rows = await warehouse.query(
        `SELECT COUNT(*) AS n FROM ${dialect.table(CATEGORY_TABLE[category])}
         WHERE org_id = @org_id AND location_id = @location_id
           AND date BETWEEN ${dialect.dateParam('from')} AND ${dialect.dateParam('to')}`,
        { ...scopeParams(scope), from: period.from, to: period.to },
      );
      return [category, num(rows[0]?.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<Category, number>;
}

/**
 * Last load per category: the newest `_ingested_at` on the latest business date (an index seek, not a scan of a
 * year of rows), or the newest successful ingest file when that is later.
 */
export async function readFreshness(
  warehouse: Warehouse,
  scope: Scope,
): Promise<Record<string, string | null>> {
  const { dialect } = warehouse;
  const files = await warehouse.query(
    `SELECT category, MAX(ingested_at) AS at FROM ${dialect.table('ingest_files')}
     WHERE outcome <> 'failed' AND (org_id IS NULL OR org_id = @org_id)
       AND (location_id IS NULL OR location_id = @location_id)
     GROUP BY category`,
    scopeParams(scope),
  );
  const fromFiles = new Map(files.map((r) => [String(r.category), str(r.at)]));
  const entries = await Promise.all(
    CATEGORIES.map(async (category) => {
      const table = dialect.table(CATEGORY_TABLE[category]);
      const rows = await warehouse.query(
        `SELECT MAX(_ingested_at) AS at FROM ${table}
         WHERE org_id = @org_id AND location_id = @location_id
           AND date = (SELECT MAX(date) FROM ${table} WHERE org_id = @org_id AND location_id = @location_id)`,
        scopeParams(scope),
      );
      const candidates = [str(rows[0]?.at), fromFiles.get(category) ?? null].filter(
        (v): v is string => v !== null,
      );
      return [category, candidates.length ? candidates.sort().at(-1)! : null] as const;
    }),
  );
  return Object.fromEntries(entries);
}

const shortDate = (iso: string): string => `${Number(iso.slice(8))} ${monthShort(iso)}`;

/** Consecutive dates collapse into ranges: ["3 Nov–5 Nov", "9 Nov"]. */
function dateRanges(dates: string[]): string[] {
  const ranges: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  const flush = () => {
    if (start && prev)
      ranges.push(start === prev ? shortDate(start) : `${shortDate(start)}–${shortDate(prev)}`);
  };
  for (const date of dates) {
    if (prev && daysBetween(prev, date) === 1) {
      prev = date;
      continue;
    }
    flush();
    start = date;
    prev = date;
  }
  flush();
  return ranges;
}

/** Days of the period without a single sales line (a missing POS export shows up here first). */
async function missingSalesDays(warehouse: Warehouse, scope: Scope, period: Period): Promise<string[]> {
  const { dialect } = warehouse;
  const rows = await warehouse.query(
    `SELECT DISTINCT date AS d FROM ${dialect.table('sales')}
     WHERE org_id = @org_id AND location_id = @location_id
       AND date BETWEEN ${dialect.dateParam('from')} AND ${dialect.dateParam('to')}`,
    { ...scopeParams(scope), from: period.from, to: period.to },
  );
  const present = new Set(rows.map((r) => String(r.d).slice(0, 10)));
  const missing: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) if (!present.has(d)) missing.push(d);
  return missing;
}

/** Files whose latest attempt in the period failed: a file fixed and loaded again, or failed twice, is told once. */
async function failedFiles(warehouse: Warehouse, scope: Scope, period: Period): Promise<string[]> {
  const { dialect } = warehouse;
  const rows = await warehouse.query(
    `SELECT category, file_name, outcome, reason FROM ${dialect.table('ingest_files')}
     WHERE (org_id IS NULL OR org_id = @org_id)
       AND (location_id IS NULL OR location_id = @location_id)
       AND DATE(ingested_at) >= ${dialect.dateParam('from')}
     ORDER BY ingested_at DESC`,
    { ...scopeParams(scope), from: period.from },
  );
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.category}/${r.file_name}`;
    if (!latest.has(key)) latest.set(key, r);
  }
  const failed = [...latest.values()].filter((r) => r.outcome === 'failed');
  const named = failed
    .slice(0, MAX_FAILED_FILES)
    .map((r) => `Failed ${r.category} file ${r.file_name}${r.reason ? `: ${r.reason}` : ''}`);
  if (failed.length > MAX_FAILED_FILES)
    named.push(`…and ${failed.length - MAX_FAILED_FILES} more failed files`);
  return named;
}

export interface SourcesReport {
  sources: Sources;
  /** The row counts as facts, so text may cite them ("45,210 sales lines"). */
  facts: Fact[];
}

/** Reads everything an answer's footer states about its data. */
export async function readSources(
  warehouse: Warehouse,
  scope: Scope,
  period: Period,
  counts?: Record<Category, number>,
): Promise<SourcesReport> {
  const [rows, freshness, missing, failed] = await Promise.all([
    counts ?? countRows(warehouse, scope, period),
    readFreshness(warehouse, scope),
    missingSalesDays(warehouse, scope, period),
    failedFiles(warehouse, scope, period),
  ]);
  const gaps = [...(missing.length ? [`No sales data on ${dateRanges(missing).join(', ')}`] : []), ...failed];
  const facts: Fact[] = CATEGORIES.map((category) => ({
    id: `rows.${category}`,
    label: `${category} rows`,
    value: rows[category],
    unit: 'rows',
    period,
    query: 'row-counts',
  }));
  return { sources: { period, rows, freshness, gaps }, facts };
}

/** What a metric checks, in the owner's words, and the tables it cannot check without (the most telling first). */
export interface SourceCheck {
  checks: string;
  tables: readonly Category[];
  /** Its findings name staff: a public answer neither claims it found nothing nor lists it. */
  staffLevel?: boolean;
}

/** Which checks an answer's data let it make, and which not for want of which table. */
export interface Coverage {
  /** Checks whose tables all hold rows in the period. */
  checked: string[];
  /** The rest, each under the first of its tables with no rows, and why ("no stock sheets loaded"). */
  unchecked: { table: Category; reason: string; checks: string[] }[];
}

/** How a table is named when it is missing. */
const TABLE_NOUN: Record<Category, string> = {
  sales: 'sales',
  expenses: 'expenses',
  purchases: 'purchases',
  inventory: 'stock sheets',
};

/** "a", "a and b", "a, b and c". */
export function wordList(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Sorts checks by whether the period has rows in every table they need; a table never loaded says so. */
export function checkCoverage(checks: readonly SourceCheck[], sources: Sources): Coverage {
  const coverage: Coverage = { checked: [], unchecked: [] };
  for (const check of checks) {
    const table = check.tables.find((t) => (sources.rows[t] ?? 0) === 0);
    if (table === undefined) {
      if (!coverage.checked.includes(check.checks)) coverage.checked.push(check.checks);
      continue;
    }
    let group = coverage.unchecked.find((g) => g.table === table);
    if (!group) {
      const loaded = Boolean(sources.freshness[table]);
      const reason = `no ${TABLE_NOUN[table]} ${loaded ? `for ${sources.period.label}` : 'loaded'}`;
      group = { table, reason, checks: [] };
      coverage.unchecked.push(group);
    }
    if (!group.checks.includes(check.checks)) group.checks.push(check.checks);
  }
  return coverage;
}

/** "food cost and wastage (no stock sheets loaded); vendor prices (no purchases loaded)", or null. */
export function notCheckedText(coverage: Coverage): string | null {
  if (coverage.unchecked.length === 0) return null;
  return coverage.unchecked.map((g) => `${wordList(g.checks)} (${g.reason})`).join('; ');
}

/** The unchecked checks' names, in order. */
export const uncheckedNames = (coverage: Coverage): string[] => coverage.unchecked.flatMap((g) => g.checks);
