// Generates the demo café into the warehouse in one transaction and records the leaks it planted.
import { z } from 'zod';
import { TitanError } from '../../errors.ts';
import { DEFAULT_SCOPE, type Scope } from '../../model/scope.ts';
import type { Row, Warehouse } from '../../warehouse/port.ts';
import { addDays } from '../calendar.ts';
import { generateExpenses } from './expenses.ts';
import { computeGroundTruth, type DemoGroundTruth } from './ground-truth.ts';
import { INGREDIENT_BY_NAME } from './ingredients.ts';
import { planLeaks } from './leak-plan.ts';
import { MENU } from './menu.ts';
import { createRandom } from './random.ts';
import type { RowStamp } from './row-stamp.ts';
import { generateSales } from './sales.ts';
import { generateStock } from './stock.ts';

export const DEMO_DEFAULTS = { days: 90, seed: 42, billsPerDay: 300 } as const;

const optionsSchema = z.object({
  days: z.number().int().min(1).max(1_100),
  seed: z.number().int().min(0).max(4_294_967_295),
  billsPerDay: z.number().int().min(1).max(5_000),
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)'),
});

export interface GenerateDemoOptions {
  warehouse: Warehouse;
  scope?: Scope;
  days?: number;
  seed?: number;
  /** The caller's "today" in the business time zone: the last day generated. Leaks sit in the 7 days before it. */
  endDate: string;
  billsPerDay?: number;
  /** When the rows are stamped as loaded (freshness); injected so runs are reproducible. */
  now?: () => Date;
}

export type DemoTable = 'sales' | 'expenses_master' | 'purchases_master' | 'inventory_master' | 'recipes';

export interface DemoSummary {
  scope: Scope;
  from: string;
  to: string;
  rows: Record<DemoTable, number>;
  truth: DemoGroundTruth;
}

/** Every table the demo owns for its scope: cleared before it writes. */
const SCOPED_TABLES = [
  'sales',
  'expenses_master',
  'purchases_master',
  'inventory_master',
  'recipes',
  'demo_ground_truth',
] as const;

function recipeRows(scope: Scope): Row[] {
  return MENU.flatMap((item) =>
    Object.entries(item.recipe).map(([ingredient, qty]) => ({
      org_id: scope.orgId,
      location_id: scope.locationId,
      menu_item: item.name,
      ingredient,
      qty_per_item: qty,
      unit: INGREDIENT_BY_NAME.get(ingredient)!.unit,
    })),
  );
}

/** Clears the scope's business rows and regenerates `days` days of the café ending on `endDate`. */
export async function generateDemo(options: GenerateDemoOptions): Promise<DemoSummary> {
  const parsed = optionsSchema.safeParse({
    days: options.days ?? DEMO_DEFAULTS.days,
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    billsPerDay: options.billsPerDay ?? DEMO_DEFAULTS.billsPerDay,
    endDate: options.endDate,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TitanError(
      'request.invalid',
      `Demo option ${String(issue.path[0])} is invalid: ${issue.message}`,
    );
  }
  const { days, seed, billsPerDay, endDate } = parsed.data;
  const scope = options.scope ?? DEFAULT_SCOPE;
  const generatedAt = (options.now ?? (() => new Date()))().toISOString();
  const stamp: RowStamp = {
    orgId: scope.orgId,
    locationId: scope.locationId,
    sourceFile: `demo:seed=${seed}`,
    ingestedAt: generatedAt,
  };
  const dates = Array.from({ length: days }, (_, i) => addDays(endDate, i - days + 1));

  const random = createRandom(seed);
  const plan = planLeaks(random, endDate);
  const { rows: sales, theoreticalUsage } = generateSales(random, dates, billsPerDay, plan, stamp);
  const { inventory, purchases } = generateStock(random, dates, theoreticalUsage, plan, stamp);
  const expenses = generateExpenses(random, dates, plan, stamp);
  const recipes = recipeRows(scope);
  const truth = computeGroundTruth({ sales, inventory, purchases, expenses }, plan, { seed, endDate, days });

  const w = options.warehouse;
  const tables: Record<DemoTable, Row[]> = {
    sales,
    expenses_master: expenses,
    purchases_master: purchases,
    inventory_master: inventory,
    recipes,
  };
  await w.transaction(async (tx) => {
    const params = { org_id: scope.orgId, location_id: scope.locationId };
    for (const table of SCOPED_TABLES) {
      await tx.execute(
        `DELETE FROM ${w.dialect.table(table)} WHERE org_id = @org_id AND location_id = @location_id`,
        params,
      );
    }
    for (const [table, rows] of Object.entries(tables)) await tx.insertRows(table, rows);
    await tx.insertRows('demo_ground_truth', [
      { ...params, seed, generated_at: generatedAt, truth_json: JSON.stringify(truth) },
    ]);
  });

  const rows = Object.fromEntries(Object.entries(tables).map(([t, r]) => [t, r.length])) as Record<
    DemoTable,
    number
  >;
  return { scope, from: dates[0]!, to: endDate, rows, truth };
}

/** The ground truth of the last demo generated for a scope, or null when the scope holds no demo. */
export async function readDemoGroundTruth(
  warehouse: Warehouse,
  scope: Scope,
): Promise<DemoGroundTruth | null> {
  const [row] = await warehouse.query<{ truth_json: string }>(
    `SELECT truth_json FROM ${warehouse.dialect.table('demo_ground_truth')}
     WHERE org_id = @org_id AND location_id = @location_id`,
    { org_id: scope.orgId, location_id: scope.locationId },
  );
  return row ? (JSON.parse(row.truth_json) as DemoGroundTruth) : null;
}
