// Day or month first is decided over the whole file's date column, not its first 50 rows, and a file written both ways fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngestHarness, type IngestHarness } from './ingest-harness.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
/** A date as the file writes it, and as it must be stored. */
interface Written {
  cell: string;
  iso: string;
}
const monthFirst = (m: number, d: number): Written => ({
  cell: `${pad(m)}/${pad(d)}/2026`,
  iso: `2026-${pad(m)}-${pad(d)}`,
});
const dayFirst = (d: number, m: number): Written => ({
  cell: `${pad(d)}/${pad(m)}/2026`,
  iso: `2026-${pad(m)}-${pad(d)}`,
});

const csv = (dates: readonly Written[]): string =>
  `Date,Bill No,Item,Amount\n${dates.map((d, i) => `${d.cell},B${i + 1},Coffee,${100 + i}`).join('\n')}\n`;

describe('date order over the whole file', () => {
  let h: IngestHarness;
  beforeEach(async () => {
    h = await createIngestHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const ingest = (name: string, content: string) => h.ingestFile(name, content);
  const stored = async (): Promise<string[]> => {
    const rows = await h.warehouse.query<{ order_id: string; date: string }>(
      'SELECT order_id, date FROM sales',
    );
    return rows.sort((a, b) => Number(a.order_id.slice(1)) - Number(b.order_id.slice(1))).map((r) => r.date);
  };

  it('reads a US m/d/yyyy file month first when its first day above 12 is at row 56', async () => {
    // Rows 1–55: both parts ≤ 12, shuffled so no reading runs in date order; row 56: 01/13/2026.
    const dates = [
      ...Array.from({ length: 55 }, (_, i) => monthFirst((i % 12) + 1, ((i * 5) % 12) + 1)),
      monthFirst(1, 13),
      ...Array.from({ length: 10 }, (_, i) => monthFirst((i % 12) + 1, (i % 3) + 2)),
    ];
    const outcome = await ingest('vending.csv', csv(dates));
    expect(outcome).toMatchObject({ outcome: 'loaded', rows: dates.length });
    expect(await stored()).toEqual(dates.map((d) => d.iso));
    expect(outcome.report?.dateOrder).toEqual({
      order: 'month-first',
      evidence: 'month first: row 56 has 01/13/2026; no row has a first part above 12',
    });
  });

  it('reads a day-first export whose first 60 rows all fall on the 1st day first, from its row 61', async () => {
    const dates = [
      ...Array.from({ length: 60 }, () => dayFirst(1, 2)),
      dayFirst(13, 2),
      ...Array.from({ length: 5 }, (_, i) => dayFirst(i + 2, 3)),
    ];
    const outcome = await ingest('pos.csv', csv(dates));
    expect(await stored()).toEqual(dates.map((d) => d.iso));
    expect(outcome.report?.dateOrder?.evidence).toBe(
      'day first: row 61 has 13/02/2026; no row has a second part above 12',
    );
  });

  it('fails a file written both ways, naming the rows', async () => {
    const dates = [
      dayFirst(13, 1),
      ...Array.from({ length: 68 }, (_, i) => dayFirst((i % 12) + 1, 2)),
      monthFirst(1, 14),
    ];
    const outcome = await ingest('mixed.csv', csv(dates));
    expect(outcome).toMatchObject({ outcome: 'failed', code: 'ingest.bad_rows' });
    expect(outcome.reason).toBe(
      'Dates in this file are written both ways: row 1 has 13/01/2026, which only reads day first, and row 70 ' +
        'has 01/14/2026, which only reads month first. Fix those rows, or re-export with the month written as a ' +
        'name or as yyyy-mm-dd.',
    );
    expect(await stored()).toEqual([]);
  });

  it('reads month first a file with no part above 12 that only month first puts in date order', async () => {
    const dates = [monthFirst(1, 2), monthFirst(1, 3), monthFirst(2, 1), monthFirst(2, 5), monthFirst(3, 1)];
    const outcome = await ingest('sorted-us.csv', csv(dates));
    expect(await stored()).toEqual(dates.map((d) => d.iso));
    expect(outcome.report?.dateOrder?.order).toBe('month-first');
    expect(outcome.report?.dateOrder?.evidence).toMatch(/run in date order only when read month first/);
  });

  it('leaves a normal Indian file with an early day above 12 as it was: day first', async () => {
    const dates = [dayFirst(15, 3), dayFirst(3, 4), dayFirst(16, 3), dayFirst(4, 5)];
    const outcome = await ingest('day.csv', csv(dates));
    expect(await stored()).toEqual(['2026-03-15', '2026-04-03', '2026-03-16', '2026-05-04']);
    expect(outcome.report?.dateOrder).toEqual({
      order: 'day-first',
      evidence: 'day first: row 1 has 15/03/2026; no row has a second part above 12',
    });
  });
});
