// Raw rows → row text ready to insert: normalised, completed to every target column, checked, hashed. Runs in a worker for big files.
import type { Scope } from '../../model/scope.ts';
import type { Category } from '../../warehouse/tables.ts';
import type { CanonicalValues, RowNormaliser } from '../normalise/normalise-row.ts';
import { targetColumns } from '../normalise/target-columns.ts';
import { currencyCode, HOME_CURRENCY } from '../parse/text/currency.ts';
import { rowHash, scopeHashKey } from './row-hash.ts';
import { FIELD_SEP, rowText } from './row-text.ts';
import type { SeenValues } from './seen-values.ts';

/** A row that could not be read: its place in its batch and why. */
export interface BadRow {
  index: number;
  error: string;
}

/**
 * One batch of a file, built. The good rows travel as one text (see row-text.ts): a worker thread hands
 * over a single string per batch instead of cloning thousands of values one by one.
 */
export interface BuiltBatch {
  /** The good rows' values in RowBuilder.columns order, FIELD_SEP between every value. */
  text: string;
  rows: number;
  /** Source rows this batch covers, good and bad. */
  read: number;
  bad: BadRow[];
  /** Unknown statuses and sites first seen in this batch, for the file's report and the one-site check. */
  seen?: SeenValues;
}

export interface RowBuilder {
  /** The target columns, then `_row_hash`: the order of every row's values. */
  columns: readonly string[];
  /** The row's text, its hash last (no trailing separator), or why the row cannot be stored. */
  build(raw: string[]): { ok: true; text: string } | { ok: false; error: string };
  /** Values worth reporting seen since the last call (see seen-values.ts). */
  drainSeen(): SeenValues | undefined;
}

export interface RowBuilderOptions {
  /**
   * Check each line's qty × rate against its amount: for rows read off a document (a PDF's text, an OCR'd
   * photo), where a lost decimal point turns ₹40.00 into ₹4,000. Exports from a POS or a sheet carry numbers
   * as data, and their amounts may fold in charges, so they are not checked.
   */
  checkLines?: boolean;
}

/**
 * An amount within this factor of qty × rate (less discount) is the line's: room for GST up to 28% and
 * discounts up to half, while a misread decimal (×10, ×100) falls outside.
 */
const LINE_SLACK = { below: 0.5, above: 1.5 };

type Check = (values: CanonicalValues) => string | undefined;

/** The currency column's ISO code: 'INR' when the file names none, a reason when it names one Titan does not know. */
function currencyCheck(at: number): Check {
  return (values) => {
    const written = values[at];
    if (written === null || written === undefined) {
      values[at] = HOME_CURRENCY;
      return undefined;
    }
    const code = currencyCode(String(written));
    if (code !== null) values[at] = code;
    return code === null
      ? `currency: "${written}" is not a currency Titan knows (write an ISO code such as EUR)`
      : undefined;
  };
}

/** Why a line's amount cannot be its qty × rate, or undefined when it can (or the line lacks one of them). */
function lineCheck(at: { qty: number; rate: number; amount: number; discount: number }): Check {
  return (values) => {
    const [qty, rate, amount] = [values[at.qty], values[at.rate], values[at.amount]];
    if (typeof qty !== 'number' || typeof rate !== 'number' || typeof amount !== 'number') return undefined;
    const discount = at.discount < 0 ? null : values[at.discount];
    const expected = qty * rate - (typeof discount === 'number' ? discount : 0);
    const fits =
      expected === 0
        ? amount === 0
        : amount / expected >= LINE_SLACK.below && amount / expected <= LINE_SLACK.above;
    return fits
      ? undefined
      : `amount: "${amount} for ${qty} × ${rate}" is not qty × rate: the line was misread; check it on the bill`;
  };
}

function checksFor(names: readonly string[], category: Category, options: RowBuilderOptions): Check[] {
  const at = (name: string) => names.indexOf(name);
  const checks: Check[] = [];
  if (at('currency') >= 0) checks.push(currencyCheck(at('currency')));
  const rate = at(category === 'sales' ? 'unit_price' : 'unit_cost');
  if (options.checkLines && rate >= 0 && at('qty') >= 0 && at('amount') >= 0) {
    checks.push(lineCheck({ qty: at('qty'), rate, amount: at('amount'), discount: at('discount') }));
  }
  return checks;
}

/** `convert` gives a value per target column, in targetColumns order (the normaliser, or a test's stand-in). */
export function createRowBuilder(
  convert: RowNormaliser,
  category: Category,
  scope: Scope,
  options: RowBuilderOptions = {},
): RowBuilder {
  const scopeKey = scopeHashKey(scope.orgId, scope.locationId);
  const names = targetColumns(category).map((c) => c.name);
  const columns = [...names, '_row_hash'];
  const checks = checksFor(names, category, options);
  return {
    columns,
    drainSeen: () => convert.seen?.drain(),
    build(raw) {
      const converted = convert(raw);
      if (!converted.ok) return converted;
      if (converted.values.length !== columns.length - 1) {
        throw new Error(
          `a converted row has ${converted.values.length} values for ${columns.length - 1} columns`,
        );
      }
      for (const check of checks) {
        const error = check(converted.values);
        if (error !== undefined) return { ok: false, error };
      }
      const text = rowText(converted.values);
      if (text === undefined) return { ok: false, error: 'a cell holds a control character' };
      return { ok: true, text: text + rowHash(scopeKey, text) };
    },
  };
}

/** Builds each raw batch as it streams past. */
export async function* buildBatches(
  batches: AsyncIterable<string[][]>,
  builder: RowBuilder,
): AsyncGenerator<BuiltBatch> {
  for await (const raw of batches) {
    const texts: string[] = [];
    const bad: BadRow[] = [];
    raw.forEach((row, index) => {
      const result = builder.build(row);
      if (result.ok) texts.push(result.text);
      else bad.push({ index, error: result.error });
    });
    const seen = builder.drainSeen();
    const batch: BuiltBatch = { text: texts.join(FIELD_SEP), rows: texts.length, read: raw.length, bad };
    if (seen) batch.seen = seen;
    yield batch;
  }
}
