// One source row → the values of its category's target columns (CONTRACT.md), each read by a typed parser, or the reason it can't be.
import { hash } from 'node:crypto';
import type { Category, ColumnDef } from '../../warehouse/tables.ts';
import { leftOut } from '../load/bad-rows.ts';
import { ValueWatch } from '../load/seen-values.ts';
import { type DateCell, mixedDateOrders } from '../map/date-evidence.ts';
import type { ColumnMapping } from '../port.ts';
import type { VoucherPlan } from '../tally/voucher-plan.ts';
import { createVoucherReader } from '../tally/voucher-rows.ts';
import { type DateOrder, dateClue, parseDate, parseTime } from './date.ts';
import { isBlankish, parseNumber, roundMoney } from './number.ts';
import { normaliseStatus } from './status.ts';
import { targetColumns } from './target-columns.ts';
import { cleanText } from './text.ts';
import { normaliseUnit, splitQuantity, type UnitInfo } from './units.ts';

export type CanonicalValue = string | number | null;
/**
 * One value per target column, in targetColumns order, null where the file had nothing. Every value comes
 * out of a typed cell parser: an ISO date, a finite number (a whole one for integer columns), a known
 * status, or text cleaned and capped at MAX_TEXT_LENGTH. Checking each row again against a schema cost a
 * third of the normaliser's time on a million-row file, so these parsers are the row's validation.
 */
export type CanonicalValues = CanonicalValue[];
export type NormaliseResult = { ok: true; values: CanonicalValues } | { ok: false; error: string };
export type RowNormaliser = ((raw: readonly string[]) => NormaliseResult) & {
  /** Distinct values worth reporting (unknown statuses, sites) seen so far; the row builder drains it per batch. */
  seen?: ValueWatch;
};

/** What normalising needs from a mapping; a MappingResult fits. */
export interface RowMapping {
  mapping: ColumnMapping;
  /** How this file writes ambiguous dates such as 03/04/2024; day first when absent. */
  dateOrder?: DateOrder;
  /** The row whose date decided dateOrder: a row read only the other way then fails the whole file. */
  dateDecidedBy?: DateCell & { order: DateOrder };
  /** The column naming each row's site (Outlet, Branch…): not stored, but watched so sites never merge silently. */
  site?: number;
  /** Charges added to an amount derived from qty × unit price (delivery, packing, service charges). */
  charges?: number[];
  /** A Tally export: rows are read as vouchers (further lines filled in, other categories' vouchers left out). */
  vouchers?: VoucherPlan;
}

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

const tidy = (n: number): number => Number(n.toPrecision(12));

/** How one target column's cell is read. */
type Reader = 'date' | 'money' | 'quantity' | 'number' | 'integer' | 'status' | 'unit' | 'time' | 'text';

function readerOf(column: ColumnDef): Reader {
  if (column.type === 'date') return 'date';
  if (column.type === 'integer') return 'integer';
  if (column.type === 'float')
    return MONEY.has(column.name) ? 'money' : isQuantity(column.name) ? 'quantity' : 'number';
  if (column.name === 'status') return 'status';
  if (column.name === 'unit') return 'unit';
  if (column.name === 'order_time') return 'time';
  return 'text';
}

/** The per-file parsers of repetitive cells, memoised. */
interface CellParsers {
  /** An ISO date, null when not a date, or AGAINST when only the order the file does not use reads it. */
  date: (cell: string) => string | null | typeof AGAINST;
  time: (cell: string) => string | null;
  status: (cell: string) => string | null;
  unit: (cell: string) => UnitInfo | null;
}

function readNumber(name: string, cell: string): number {
  const value = parseNumber(cell);
  if (value === null) throw new RowError(`${name}: "${cell}" is not a number`);
  return value;
}

/** Positions of the columns the row-level rules look at; -1 when the category has no such column. */
function positionsOf(columns: readonly ColumnDef[]) {
  const at = (name: string): number => columns.findIndex((c) => c.name === name);
  const where = (test: (name: string) => boolean): number[] =>
    columns.flatMap((c, i) => (test(c.name) ? [i] : []));
  return {
    date: at('date'),
    item: at('item'),
    amount: at('amount'),
    qty: at('qty'),
    unitPrice: at('unit_price'),
    unitCost: at('unit_cost'),
    discount: at('discount'),
    unit: at('unit'),
    orderTime: at('order_time'),
    wastage: at('wastage_qty'),
    quantities: where(isQuantity),
    perUnit: where((name) => PER_UNIT.has(name)),
  };
}

const AGAINST = Symbol('against the file’s date order');

/** Builds the converter for one mapped file once; call it per row, in the file's order (rows are counted). */
export function createRowNormaliser(mapping: RowMapping, category: Category): RowNormaliser {
  const columns = targetColumns(category);
  const order = mapping.dateOrder ?? 'dmy';
  const plan = columns.map((c) => ({ name: c.name, reader: readerOf(c), index: mapping.mapping[c.name] }));
  const at = positionsOf(columns);
  const seen = new ValueWatch();
  // An unknown status is kept as written (the semantic layer counts it as a sale) and reported; memoised,
  // so the watch hears each distinct word once, not once per row.
  const keepStatus = (cell: string): string | null => {
    const known = normaliseStatus(cell);
    if (known !== null) return known;
    const kept = cleanText(cell);
    if (kept !== null) seen.unknownStatus(kept);
    return kept;
  };
  const decidedBy = mapping.dateDecidedBy;
  const against = decidedBy === undefined ? undefined : decidedBy.order === 'dmy' ? 'mdy' : 'dmy';
  const parse: CellParsers = {
    date: memoise((cell) =>
      against !== undefined && dateClue(cell) === against ? AGAINST : parseDate(cell, order),
    ),
    time: memoise(parseTime),
    status: memoise(keepStatus),
    unit: memoise(normaliseUnit),
  };
  const vouchers = mapping.vouchers === undefined ? undefined : createVoucherReader(mapping.vouchers);
  // A stock sheet's row repeated cell for cell at the same site is one count pasted twice: stored once, the copy
  // reported. Each row is kept as a fixed-size digest, not its text, so a wide sheet costs no more than a narrow one.
  const stockRows = category === 'inventory' ? new Set<string>() : undefined;
  const siteAt = mapping.site;
  const charges = mapping.charges ?? [];
  let lastSite: string | undefined;
  /** The site a row counts at: its own site cell, or the last one named above it (a sheet names it once per block). */
  let rowSite = '';
  let row = 0;
  const value = (values: CanonicalValues, i: number): CanonicalValue => (i < 0 ? null : values[i]!);

  /** Fills what a row implies but does not state: amount from qty × price, base units, a bill's time. */
  function complete(
    values: CanonicalValues,
    unit: UnitInfo | null,
    dateCell: string,
    raw: readonly string[],
  ): void {
    const qty = value(values, at.qty);
    const price = value(values, at.unitPrice) ?? value(values, at.unitCost);
    if (
      at.amount >= 0 &&
      values[at.amount] === null &&
      typeof qty === 'number' &&
      typeof price === 'number'
    ) {
      const discount = value(values, at.discount);
      let extra = 0;
      for (const i of charges) {
        const cell = raw[i] ?? '';
        if (!isBlankish(cell)) extra += readNumber('charges', cell);
      }
      values[at.amount] = roundMoney(qty * price - (typeof discount === 'number' ? discount : 0) + extra);
    }
    if (unit && unit.factor !== 1) {
      for (const i of at.quantities) {
        const v = values[i];
        if (typeof v === 'number') values[i] = tidy(v * unit.factor);
      }
      for (const i of at.perUnit) {
        const v = values[i];
        if (typeof v === 'number') values[i] = tidy(v / unit.factor);
      }
    }
    if (unit && at.unit >= 0) values[at.unit] = unit.unit;
    if (category === 'sales' && at.orderTime >= 0 && values[at.orderTime] === null) {
      values[at.orderTime] = parse.time(dateCell);
    }
  }

  function checkRequired(values: CanonicalValues): void {
    // A 400-digit "amount" reads as Infinity, and so can a product of two huge ones: no row holds that.
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i];
      if (typeof v === 'number' && !Number.isFinite(v))
        throw new RowError(`${plan[i]!.name}: the number is too large`);
    }
    if (value(values, at.date) === null) throw new RowError('no date');
    if (category === 'inventory') {
      if (value(values, at.item) === null) throw new RowError('no item');
      if (!at.quantities.some((i) => values[i] !== null)) throw new RowError('no quantity');
      const wastage = value(values, at.wastage);
      if (typeof wastage === 'number' && wastage < 0) {
        // Bad data, not a row of another kind: it counts against the file's allowance like any unreadable row.
        throw new RowError(
          `wastage_qty: "${wastage}" is below zero: wastage is stock thrown away, so the row was not stored; ` +
            'correct it (stock returned is received_qty) and drop the file in again',
        );
      }
    } else if (value(values, at.amount) === null) {
      throw new RowError('no amount');
    }
  }

  const normalise: RowNormaliser = (input) => {
    row += 1;
    let raw = input;
    if (vouchers) {
      const read = vouchers(input);
      if ('error' in read) return { ok: false, error: read.error };
      raw = read.cells;
    }
    try {
      if (siteAt !== undefined) {
        // Rows of one site repeat its name: one comparison per row, the watch only on a change.
        const site = raw[siteAt] ?? '';
        if (site !== lastSite) {
          lastSite = site;
          const named = cleanText(site);
          if (named !== null) {
            seen.site(named);
            rowSite = named;
          }
        }
      }
      const values: CanonicalValues = [];
      let unit: UnitInfo | null = null;
      let dateCell = '';
      for (const { name, reader, index } of plan) {
        const cell = index === undefined ? '' : (raw[index] ?? '');
        const blank = isBlankish(cell);
        switch (reader) {
          case 'date': {
            dateCell = cell;
            const iso = blank ? null : parse.date(cell);
            if (iso === AGAINST) throw mixedDateOrders(decidedBy!, { row, value: cell.trim() });
            if (iso === null && !blank) throw new RowError(`${name}: "${cell}" is not a date`);
            values.push(iso);
            break;
          }
          case 'money':
            values.push(blank ? null : roundMoney(readNumber(name, cell)));
            break;
          case 'quantity': {
            if (blank) {
              values.push(null);
              break;
            }
            // Quantities may carry their unit ("1.5 kg"); the first unit seen scales the row.
            const split = splitQuantity(cell);
            values.push(readNumber(name, split?.value ?? cell));
            unit ??= split?.unit ?? null;
            break;
          }
          case 'number':
            values.push(blank ? null : readNumber(name, cell));
            break;
          case 'integer': {
            const n = blank ? null : readNumber(name, cell);
            if (n !== null && !Number.isSafeInteger(n))
              throw new RowError(`${name}: "${cell}" is not a whole number`);
            values.push(n);
            break;
          }
          case 'status':
            values.push(blank ? 'completed' : (parse.status(cell) ?? 'completed'));
            break;
          case 'unit': {
            const read = blank ? null : parse.unit(cell);
            if (read) unit = read;
            values.push(read?.unit ?? null);
            break;
          }
          case 'time':
            values.push(parse.time(cell));
            break;
          case 'text':
            values.push(cleanText(cell));
            break;
        }
      }
      complete(values, unit, dateCell, raw);
      checkRequired(values);
      if (stockRows) {
        const key = hash('sha1', `${rowSite}\u0000${raw.join('\u0000')}`, 'base64');
        if (stockRows.has(key))
          throw new RowError(leftOut('a repeat of an earlier row, cell for cell, so not stored twice'));
        stockRows.add(key);
      }
      return { ok: true, values };
    } catch (err) {
      if (err instanceof RowError) return { ok: false, error: err.message };
      throw err;
    }
  };
  normalise.seen = seen;
  return normalise;
}
