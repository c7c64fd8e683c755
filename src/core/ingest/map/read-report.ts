// The report's first half, known before a row is stored: which column went where, what was left out, and why.
import type { Category } from '../../warehouse/tables.ts';
import { isBlankish } from '../normalise/number.ts';
import type { IngestReport } from '../outcome.ts';
import type { ColumnMapping } from '../port.ts';
import { recogniseTally } from '../tally/tally-layout.ts';
import { tallyAmountSource, tallyColumnsRead, tallyNotes } from '../tally/tally-notes.ts';
import { exactRank } from './site-column.ts';
import { synonymsFor } from './synonyms.ts';

/** Everything but what only loading the rows tells (skipped rows, unknown values). */
export type ReadReport = Omit<IngestReport, 'skipped' | 'unknownValues'>;

/** Charges an amount derived from qty × unit price adds (a POS line's delivery or packing charge). */
const CHARGES_HEADERS = [
  'charges',
  'delivery charge',
  'delivery charges',
  'packing charge',
  'packing charges',
  'packaging charge',
  'packaging charges',
  'service charge',
  'service charges',
  'container charge',
  'container charges',
];

/** The charge columns to add to a derived amount. */
export function findCharges(headers: readonly string[], used: ReadonlySet<number>): number[] {
  return headers.flatMap((h, col) => (!used.has(col) && exactRank(h, CHARGES_HEADERS) >= 0 ? [col] : []));
}

export interface ReadReportInput {
  headers: readonly string[];
  sample: readonly (readonly string[])[];
  category: Category;
  mapping: ColumnMapping;
  site?: number;
  charges?: readonly number[];
  dateOrder?: IngestReport['dateOrder'];
  sheetsSkipped?: IngestReport['sheetsSkipped'];
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

function sampleValues(sample: ReadReportInput['sample'], col: number): string[] {
  const values = new Set<string>();
  for (const row of sample) {
    const v = (row[col] ?? '').trim();
    if (!isBlankish(v)) values.add(v);
    if (values.size === 3) break;
  }
  return [...values];
}

/** How the amount was found: derived from its sources, or which of several amount-like columns was taken. */
function amountEntry(input: ReadReportInput, notes: string[]): IngestReport['mapping'][number] | undefined {
  const { headers, mapping } = input;
  const name = (target: string) => (mapping[target] === undefined ? undefined : headers[mapping[target]!]);
  if (mapping.amount === undefined) {
    const qty = name('qty');
    const perUnit = mapping.unit_price === undefined ? 'unit_cost' : 'unit_price';
    const price = name(perUnit);
    if (qty === undefined || price === undefined) return undefined;
    const discount = name('discount');
    const charges = (input.charges ?? []).map((c) => headers[c]!);
    const source = `${qty} × ${price}${discount ? ` − ${discount}` : ''}${charges.map((c) => ` + ${c}`).join('')}`;
    const formula = `qty × ${perUnit}${discount ? ' − discount' : ''}${charges.length > 0 ? ' + charges' : ''}`;
    notes.push(`amount ← ${formula}: the file has no amount column.`);
    return { source, column: 'amount' };
  }
  const words = synonymsFor(input.category, ['amount']).get('amount') ?? [];
  const taken = headers[mapping.amount]!;
  const others = headers.filter(
    (h, col) => col !== mapping.amount && !Object.values(mapping).includes(col) && exactRank(h, words) >= 0,
  );
  if (others.length > 0) {
    notes.push(
      `amount: took "${taken}" over ${quoted(others)} (a net or line total before a gross or bill total).`,
    );
  }
  return undefined;
}

/** The mapping in the file's order, the columns left out, and notes on choices an owner may want to check. */
export function describeRead(input: ReadReportInput): ReadReport {
  const { headers, mapping, category } = input;
  const notes: string[] = [];
  const used = new Set<number>([...Object.values(mapping), ...(input.charges ?? [])]);
  if (input.site !== undefined) used.add(input.site);
  // Recognised again here (mapTable read it the same way): a Tally amount may come from further columns.
  const tally = recogniseTally(headers, input.sample);
  for (const col of tally ? tallyColumnsRead(tally, category) : []) used.add(col);
  const entries: IngestReport['mapping'] = [];
  headers.forEach((source, col) => {
    for (const [column, at] of Object.entries(mapping)) {
      if (at !== col) continue;
      const tallyAmount = tally !== undefined && column === 'amount';
      entries.push({ source: tallyAmount ? tallyAmountSource(tally, headers) : source, column });
    }
    if (col === input.site) entries.push({ source, column: 'location_id' });
  });
  if (tally) notes.push(...tallyNotes(tally, headers, category));
  const derived = tally ? undefined : amountEntry(input, notes);
  if (derived) entries.push(derived);

  const unmapped = headers.filter((h, col) => {
    if (used.has(col)) return false;
    // A blank header over an empty column ("Column 7") is spreadsheet padding, not a column left out.
    return !(/^Column \d+$/.test(h) && sampleValues(input.sample, col).length === 0);
  });
  return {
    mapping: entries,
    unmapped,
    ...(input.dateOrder === undefined ? {} : { dateOrder: input.dateOrder }),
    ...(input.sheetsSkipped && input.sheetsSkipped.length > 0 ? { sheetsSkipped: input.sheetsSkipped } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
