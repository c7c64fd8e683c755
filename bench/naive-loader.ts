// The naive loader #16 measures Titan against: papaparse streams the file, each row's date is split and its
// amount's commas stripped, and better-sqlite3 inserts it with one prepared statement in 10k-row transactions.
// No mapping, no checks, no hashes, no dedupe: the floor a loader of this file cannot go under.
import { createReadStream } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';

/** The layouts the bench writes, each with the table and columns its rows go to. */
export const NAIVE_LAYOUTS = {
  sales: {
    table: 'sales',
    columns: [
      'date',
      'order_id',
      'item',
      'category',
      'qty',
      'unit_price',
      'discount',
      'amount',
      'payment_mode',
      'status',
      'staff',
    ],
    numbers: [4, 5, 6, 7],
  },
  expenses: {
    table: 'expenses_master',
    columns: ['date', 'description', 'category', 'vendor', 'amount', 'payment_mode'],
    numbers: [4],
  },
} as const;

export type NaiveLayout = keyof typeof NAIVE_LAYOUTS;

const BATCH = 10_000;

/** dd/mm/yyyy → yyyy-mm-dd. */
const isoDate = (text: string): string => {
  const [d, m, y] = text.split('/');
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
};

/** Loads `file` into `dbPath`'s table (already created by Titan's migrations); returns the rows stored. */
export async function loadNaively(file: string, layout: NaiveLayout, dbPath: string): Promise<number> {
  const { table, columns, numbers } = NAIVE_LAYOUTS[layout];
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  const all = ['org_id', 'location_id', ...columns];
  const insert = db.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
  );
  const numeric = new Set<number>(numbers);
  const insertMany = db.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(row);
  });
  let batch: unknown[][] = [];
  let stored = 0;
  let header = true;
  const take = (data: string[]): void => {
    if (header) {
      header = false;
      return;
    }
    if (data.length < columns.length) return;
    const values: unknown[] = ['bench', 'bench'];
    for (let i = 0; i < columns.length; i += 1) {
      const cell = data[i]!;
      values.push(i === 0 ? isoDate(cell) : numeric.has(i) ? Number(cell.replaceAll(',', '')) : cell);
    }
    batch.push(values);
    if (batch.length === BATCH) {
      insertMany(batch);
      stored += batch.length;
      batch = [];
    }
  };
  // Chunks, not a callback per row: papaparse's fastest streaming mode, so the floor is not set too low.
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(file), {
      chunk: ({ data }) => {
        for (const row of data) take(row);
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  insertMany(batch);
  stored += batch.length;
  db.close();
  return stored;
}
