// What the normaliser promises instead of a per-row schema check: every row it accepts fits the canonical schema.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRowNormaliser } from '../../../../src/core/ingest/normalise/normalise-row.ts';
import { targetColumns } from '../../../../src/core/ingest/normalise/target-columns.ts';
import { MAX_TEXT_LENGTH } from '../../../../src/core/ingest/normalise/text.ts';
import { CATEGORIES, type Category } from '../../../../src/core/warehouse/tables.ts';

/** The canonical row of a category, as the warehouse and the analyst rely on it. */
function canonicalRow(category: Category) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of targetColumns(category)) {
    let field: z.ZodType;
    // A known status folds onto one of three; an unknown one is kept as written (the analyst counts it as a sale).
    if (c.name === 'status')
      field = z.union([z.enum(['completed', 'void', 'complimentary']), z.string().min(1).max(500)]);
    else if (c.type === 'date') field = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    else if (c.type === 'float') field = z.number().finite();
    else if (c.type === 'integer') field = z.number().int();
    else
      field = z
        .string()
        .min(1)
        .max(MAX_TEXT_LENGTH)
        .regex(/^[^\p{Cc}]*$/u);
    shape[c.name] = c.required ? field : field.nullable();
  }
  return z.strictObject(shape);
}

/** Cells a date or number column usually holds, so that many generated rows are accepted and checked. */
const DATES = ['05/01/2024', '05-Jan-24', '2024-03-05T00:00:00', '45292', '1/2/24 13:45', '20240105'];
const NUMBERS = [
  '0',
  '12',
  '12.5',
  '-3',
  '(500)',
  '₹1,23,456.50',
  'Rs. 40/-',
  '1,7',
  '500 gm',
  '1.5 kg',
  '2 dozen',
  '250 ml',
];

/** Cells as exports write them, and as they go wrong. */
const CELLS = [
  ...NUMBERS,
  ...DATES,
  '',
  ' ',
  '-',
  'N/A',
  'nil',
  '1e308',
  '9'.repeat(400),
  'abc',
  '2024-13-01',
  '31/02/2024',
  '13:45',
  '1:45 PM',
  'Settled',
  'Cancelled',
  'NC',
  'Running',
  'tray',
  '=HYPERLINK("http://x.example","Tea")',
  'a\u0000b\u0007c',
  ' spaced   text ',
  'x'.repeat(600),
  '\u00a0',
  '2.5',
  'Total',
  'Masala Dosa',
  'UPI',
  '\tTab\nNewline',
];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('normalised rows', () => {
  for (const category of CATEGORIES) {
    it(`always fit the canonical ${category} row, whatever the cells`, () => {
      const columns = targetColumns(category);
      const schema = canonicalRow(category);
      const next = random(category.length);
      let accepted = 0;
      for (let file = 0; file < 40; file += 1) {
        // Each "file" maps a random subset of the columns, in a random order, dates day or month first.
        const mapping: Record<string, number> = {};
        columns.forEach((c, i) => {
          if (c.required || next() < 0.7) mapping[c.name] = (i * 7 + file) % columns.length;
        });
        const convert = createRowNormaliser({ mapping, dateOrder: next() < 0.5 ? 'dmy' : 'mdy' }, category);
        for (let row = 0; row < 500; row += 1) {
          const pick = (pool: readonly string[]) => pool[Math.floor(next() * pool.length)]!;
          // Each cell lands in some column of the raw row; the mapping decides which canonical column reads it.
          const raw = columns.map((_, at) => {
            const reader = columns.find((c) => mapping[c.name] === at);
            if (next() < 0.25 || !reader) return pick(CELLS);
            return reader.type === 'date'
              ? pick(DATES)
              : reader.type === 'string'
                ? pick(CELLS)
                : pick(NUMBERS);
          });
          const result = convert(raw);
          if (!result.ok) continue;
          accepted += 1;
          const named = Object.fromEntries(columns.map((c, i) => [c.name, result.values[i]]));
          const checked = schema.safeParse(named);
          expect(checked.success, `${JSON.stringify(raw)} → ${JSON.stringify(named)}`).toBe(true);
        }
      }
      // Not vacuous: plenty of rows were accepted and checked.
      expect(accepted).toBeGreaterThan(800);
    });
  }
});
