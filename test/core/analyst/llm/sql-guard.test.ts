import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardSql } from '../../../../src/core/analyst/llm/sql-guard.ts';
import type { Warehouse } from '../../../../src/core/warehouse/port.ts';
import { createSqliteWarehouse } from '../../../../src/core/warehouse/sqlite.ts';

let warehouse: Warehouse;
const scope = { orgId: 'cafe_001', locationId: 'tiruppur_main' };

beforeAll(async () => {
  warehouse = createSqliteWarehouse({ path: ':memory:' });
  await warehouse.migrate();
  const sale = (org: string, item: string, amount: number, staff: string) => ({
    org_id: org,
    location_id: 'tiruppur_main',
    date: '2026-11-10',
    item,
    amount,
    staff,
  });
  await warehouse.insertRows('sales', [
    sale('cafe_001', 'Masala Dosa', 120, 'Ravi'),
    sale('cafe_001', 'Filter Coffee', 40, 'Anu'),
    sale('cafe_001', 'Filter Coffee', 40, 'Anu'),
    sale('other_org', 'Filter Coffee', 99_999, 'Zed'),
    { ...sale('cafe_001', 'Masala Dosa', 7, 'Ravi'), currency: 'EUR' },
  ]);
});
afterAll(async () => {
  await warehouse.close();
});

const guard = (sql: string, hideStaff = false, maxRows = 100) =>
  guardSql(sql, { dialect: warehouse.dialect, scope, maxRows, hideStaff });
const run = (sql: string, hideStaff = false, maxRows = 100) =>
  warehouse.query(guard(sql, hideStaff, maxRows).sql);

describe('read-only SQL tool guard', () => {
  it('runs a SELECT and sees only the asking org and location, in rupees', async () => {
    const rows = await run('SELECT item, SUM(amount) AS total FROM sales GROUP BY item ORDER BY total DESC');
    expect(rows).toEqual([
      { item: 'Masala Dosa', total: 120 },
      { item: 'Filter Coffee', total: 80 },
    ]);
  });

  it('scopes every table reference: joins, aliases, subqueries, CTEs and unions', async () => {
    expect(await run('SELECT COUNT(*) AS n FROM sales s JOIN sales t ON s.item = t.item')).toEqual([
      { n: 5 },
    ]);
    expect(await run('SELECT MAX(amount) AS m FROM sales WHERE item IN (SELECT item FROM sales)')).toEqual([
      { m: 120 },
    ]);
    expect(await run('WITH x AS (SELECT amount FROM sales) SELECT SUM(amount) AS s FROM x')).toEqual([
      { s: 200 },
    ]);
    expect(await run('SELECT amount FROM sales UNION SELECT amount FROM sales ORDER BY amount')).toEqual([
      { amount: 40 },
      { amount: 120 },
    ]);
  });

  it('forces a LIMIT one above the cap so truncation shows, and lowers a larger one', async () => {
    expect(await run('SELECT item FROM sales', false, 1)).toHaveLength(2);
    expect(guard('SELECT item FROM sales LIMIT 5000').sql).toMatch(/LIMIT 101$/);
    expect(guard('SELECT item FROM sales LIMIT 3').sql).toMatch(/LIMIT 3$/);
    expect(await run('SELECT amount FROM sales UNION ALL SELECT amount FROM sales', false, 2)).toHaveLength(
      3,
    );
  });

  it('leaves staff names out for a public channel', async () => {
    await expect(run('SELECT staff FROM sales', true)).rejects.toThrow(/staff/);
    expect(await run('SELECT COUNT(*) AS n FROM sales', true)).toEqual([{ n: 3 }]);
  });

  it.each([
    ['DELETE FROM sales', /only SELECT/],
    ['SELECT 1; DELETE FROM sales', /exactly one statement/],
    ['UPDATE sales SET amount = 0', /only SELECT/],
    ['SELECT * FROM system_cost_log', /table system_cost_log is not readable/],
    ['SELECT * FROM chat_memory', /not readable/],
    ['SELECT * FROM sqlite_master', /not readable/],
    ['SELECT * FROM main.sales', /without a schema/],
    ["SELECT load_extension('x')", /function load_extension\(\) is not allowed/],
    ['WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t', /recursive/],
    ['WITH sales AS (SELECT 1 AS amount) SELECT amount FROM sales', /CTE may not be named sales/],
    ['PRAGMA table_info(sales)', /does not parse/],
    ["SELECT * FROM sales WHERE item = 'x' OR 1=1 --", null],
  ])('%s', (sql, reason) => {
    if (reason === null) expect(() => guard(sql)).not.toThrow();
    else expect(() => guard(sql)).toThrow(reason);
  });

  it('keeps an OR 1=1 inside the scope', async () => {
    expect(await run("SELECT COUNT(*) AS n FROM sales WHERE item = 'x' OR 1=1")).toEqual([{ n: 3 }]);
  });
});
