// One source row → one canonical row of its category (CONTRACT.md columns), zod-checked, or the reason it can't be.
import { z } from 'zod';
import type { Category, ColumnDef } from '../../warehouse/tables.ts';
import type { ColumnMapping } from '../contracts.ts';
import { type DateOrder, parseDate, parseTime } from './date.ts';
import { isBlankish, parseNumber, roundMoney } from './number.ts';
import { normaliseStatus } from './status.ts';
import { targetColumns } from './target-columns.ts';
import { cleanText, MAX_TEXT_LENGTH } from './text.ts';
import { normaliseUnit, splitQuantity, type UnitInfo } from './units.ts';

export type CanonicalValue = string | number | null;
/** Every target column of the category, null where the file had nothing. */
export type CanonicalRow = Record<string, CanonicalValue>;
export type NormaliseResult = { ok: true; row: CanonicalRow } | { ok: false; error: string };
export type RowNormaliser = (raw: readonly string[]) => NormaliseResult;

/** What normalising needs from a mapping; a MappingResult fits. */
export interface RowMapping {
  mapping: ColumnMapping;
  /** How this file writes ambiguous dates such as 03/04/2024; day first when absent. */
  dateOrder?: DateOrder;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = new Set(['amount', 'discount']);
const PER_UNIT = new Set(['unit_price', 'unit_cost']);
const isQuantity = (name: string): boolean => name === 'qty' || name.endsWith('_qty');

class RowError extends Error {}

/** Cells repeat a lot within a file (a day's date on 300 bills, a handful of statuses): parse each once. */
const CACHE_LIMIT = 10_000;
function memoise<T>(parse: (cell: string) => T): (cell: string) => T {
  const cache = new Map<string, T>();
  return (cell) => {
    let value = cache.get(cell);
    if (value === undefined && !cache.has(cell)) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      value = parse(cell);
      cache.set(cell, value);
    }
    return value as T;
  };
}

function rowSchema(columns: readonly ColumnDef[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    let field: z.ZodType;
    if (c.name === 'status') field = z.enum(['completed', 'void', 'complimentary']);
    else if (c.type === 'date') field = z.string().regex(ISO_DATE);
    else if (c.type === 'float') field = z.number().finite();
    else if (c.type === 'integer') field = z.number().int();
    else field = z.string().max(MAX_TEXT_LENGTH);
    shape[c.name] = c.required ? field : field.nullable();
  }
  return z.object(shape);
}

const tidy = (n: number): number => Number(n.toPrecision(12));

/** Reads one float cell; quantities may carry their unit ("1.5 kg"), which is returned too. */
function readFloat(name: string, cell: string): { value: number; unit: UnitInfo | null } | null {
  if (isBlankish(cell)) return null;
  const split = isQuantity(name) ? splitQuantity(cell) : null;
  const value = parseNumber(split?.value ?? cell);
  if (value === null) throw new RowError(`${name}: "${cell}" is not a number`);
  return { value, unit: split?.unit ?? null };
}

/** The per-file parsers of repetitive cells, memoised. */
interface CellParsers {
  date: (cell: string) => string | null;
  time: (cell: string) => string | null;
  status: (cell: string) => string | null;
  unit: (cell: string) => UnitInfo | null;
}

function readString(name: string, cell: string, parse: CellParsers): string | null {
  if (name === 'status') {
    if (isBlankish(cell)) return 'completed';
    const status = parse.status(cell);
    if (!status) {
      throw new RowError(
        `status: "${cell}" is not a bill status Titan knows (e.g. Settled, Cancelled, Complimentary)`,
      );
    }
    return status;
  }
  if (name === 'unit') return isBlankish(cell) ? null : (parse.unit(cell)?.unit ?? null);
  if (name === 'order_time') return parse.time(cell);
  return cleanText(cell);
}

/** Fills what a row implies but does not state: amount from qty × price, base units, a bill's time. */
function complete(
  row: CanonicalRow,
  category: Category,
  unit: UnitInfo | null,
  dateCell: string,
  parse: CellParsers,
): void {
  const qty = row.qty;
  const price = row.unit_price ?? row.unit_cost;
  if (row.amount === null && typeof qty === 'number' && typeof price === 'number') {
    const discount = typeof row.discount === 'number' ? row.discount : 0;
    row.amount = roundMoney(qty * price - discount);
  }
  if (unit && unit.factor !== 1) {
    for (const [name, value] of Object.entries(row)) {
      if (typeof value !== 'number') continue;
      if (isQuantity(name)) row[name] = tidy(value * unit.factor);
      else if (PER_UNIT.has(name)) row[name] = tidy(value / unit.factor);
    }
  }
  if (unit && 'unit' in row) row.unit = unit.unit;
  if (category === 'sales' && row.order_time === null) row.order_time = parse.time(dateCell);
}

function checkRequired(row: CanonicalRow, category: Category): void {
  if (row.date === null) throw new RowError('no date');
  if (category === 'inventory') {
    if (row.item === null) throw new RowError('no item');
    if (!Object.entries(row).some(([name, v]) => isQuantity(name) && v !== null)) {
      throw new RowError('no quantity');
    }
  } else if (row.amount === null) {
    throw new RowError('no amount');
  }
}

/** Builds the converter for one mapped file once; call it per row. */
export function createRowNormaliser(mapping: RowMapping, category: Category): RowNormaliser {
  const columns = targetColumns(category);
  const schema = rowSchema(columns);
  const order = mapping.dateOrder ?? 'dmy';
  const plan = columns.map((c) => ({ name: c.name, type: c.type, index: mapping.mapping[c.name] }));
  const parse: CellParsers = {
    date: memoise((cell) => parseDate(cell, order)),
    time: memoise(parseTime),
    status: memoise(normaliseStatus),
    unit: memoise(normaliseUnit),
  };

  return (raw) => {
    try {
      const row: CanonicalRow = {};
      let unit: UnitInfo | null = null;
      let dateCell = '';
      for (const { name, type, index } of plan) {
        const cell = index === undefined ? '' : (raw[index] ?? '');
        if (type === 'date') {
          dateCell = cell;
          const blank = isBlankish(cell);
          const iso = blank ? null : parse.date(cell);
          if (iso === null && !blank) throw new RowError(`${name}: "${cell}" is not a date`);
          row[name] = iso;
        } else if (type === 'float' || type === 'integer') {
          const read = readFloat(name, cell);
          row[name] = read === null ? null : MONEY.has(name) ? roundMoney(read.value) : read.value;
          unit ??= read?.unit ?? null;
        } else {
          row[name] = readString(name, cell, parse);
          if (name === 'unit' && index !== undefined && !isBlankish(cell)) unit = parse.unit(cell);
        }
      }
      complete(row, category, unit, dateCell, parse);
      checkRequired(row, category);
      const checked = schema.safeParse(row);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return { ok: false, error: `${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'invalid'}` };
      }
      return { ok: true, row };
    } catch (err) {
      if (err instanceof RowError) return { ok: false, error: err.message };
      throw err;
    }
  };
}

/** Normalises a single row; for many rows of one file build the converter once with createRowNormaliser. */
export function normaliseRow(
  mapping: RowMapping,
  category: Category,
  raw: readonly string[],
): NormaliseResult {
  return createRowNormaliser(mapping, category)(raw);
}
