// Which stock item a question names ("urad dal wastage"), matched against the items the warehouse knows.
import type { Scope } from '../model/scope.ts';
import type { Warehouse } from '../warehouse/port.ts';

/** Distinct inventory and recipe ingredient names for the scope. */
export async function knownItems(warehouse: Warehouse, scope: Scope): Promise<string[]> {
  const { dialect } = warehouse;
  const rows = await warehouse.query(
    `SELECT DISTINCT item AS name FROM ${dialect.table('inventory_master')}
     WHERE org_id = @org_id AND location_id = @location_id
     UNION ALL
     SELECT DISTINCT ingredient AS name FROM ${dialect.table('recipes')}
     WHERE org_id = @org_id AND location_id = @location_id`,
    { org_id: scope.orgId, location_id: scope.locationId },
  );
  // UNION ALL (BigQuery has no bare UNION); duplicates go here.
  return [...new Set(rows.map((r) => String(r.name)).filter((name) => name.length > 0))];
}

/** The longest known item named in the question as whole words, case-insensitively; undefined when none is. */
export function matchItem(question: string, items: readonly string[]): string | undefined {
  const text = ` ${question.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  return [...items]
    .sort((a, b) => b.length - a.length)
    .find((item) =>
      text.includes(
        ` ${item
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim()} `,
      ),
    );
}
