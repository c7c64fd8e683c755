// A bill without a table header (a till receipt): every line that ends in an amount is an item, its qty and rate kept.
import { parseNumber } from '../../normalise/number.ts';
import { SUMMARY_LINE } from './summary-line.ts';
import { lineText, type TextLine } from './text-lines.ts';
import type { TextTable } from './text-tables.ts';

/** A line ending in a money amount with paise ("Milk 1L  54.00", "Idli x2 60,00 A", "Tray 1500.00", "Party order 1,25,000.00"). */
const ITEM_LINE =
  /^(.*\p{L}.*?)[\s:]+(?:rs\.?|₹|inr|\$|€)?\s*(-?(?:\d{1,3}(?:[,.]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)[.,]\d{2})(?:\s+[a-z*]{1,2})?$/iu;
/** A name that ends in a quantity and a rate: "Tea 2 20.00" of "Tea 2 20.00 40.00". */
const QTY_RATE =
  /^(.*\p{L}.*?)\s+(\d+(?:[.,]\d{1,3})?)\s+(?:rs\.?|₹|\$|€)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:[.,]\d{1,2})?)$/iu;
/** Amounts this close are the same figure (sums of paise in binary floating point). */
const SAME = 0.005;

interface ItemLine {
  name: string;
  qty?: string;
  rate?: string;
  amount: string;
  value: number;
  /** Where the line starts and its print size: a breakdown is indented under the line it breaks down. */
  x: number;
  height: number;
}

/** A line starting this many line heights right of the one above it is indented under it. */
const INDENT = 0.5;
const indentedUnder = (line: ItemLine, parent: ItemLine): boolean =>
  line.x > parent.x + INDENT * parent.height;

/** The line as an item, or undefined for a line that is not one (no amount, or a total, tax or payment). */
function readItem(line: TextLine): ItemLine | undefined {
  const m = ITEM_LINE.exec(lineText(line));
  if (!m) return undefined;
  const amount = m[2]!;
  const value = parseNumber(amount) ?? 0;
  const priced = QTY_RATE.exec(m[1]!.trim());
  const qty = priced ? parseNumber(priced[2]!) : null;
  const rate = priced ? parseNumber(priced[3]!) : null;
  // "Grand Thali 1 150.00 150.00" adds up, so it is an item whatever its name says; "Total 3 250.00 262.50" does not.
  const addsUp = qty !== null && rate !== null && Math.abs(qty * rate - value) < SAME;
  if (SUMMARY_LINE.test(priced ? priced[1]! : m[1]!) && !addsUp) return undefined;
  const name = (priced ? priced[1]! : m[1]!).trim();
  const item: ItemLine = { name, amount, value, x: line.cells[0]!.x, height: line.height };
  if (priced) {
    item.qty = priced[2]!;
    item.rate = priced[3]!;
  }
  return item;
}

/**
 * Drops lines that repeat others: a line's breakdown (lines indented under it adding up to it, as "Charges"
 * and "Credits" under each service of a cloud bill), and among broken-down lines the one that is the others'
 * total (the bill's summary above its detail). Indents, not print sizes: OCR gives every word one height.
 */
function withoutRepeats(items: readonly ItemLine[]): ItemLine[] {
  const kept: ItemLine[] = [];
  const brokenDown: ItemLine[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    kept.push(item);
    let j = i + 1;
    let sum = 0;
    while (j < items.length && indentedUnder(items[j]!, item)) sum += items[j++]!.value;
    if (j > i + 1 && Math.abs(sum - item.value) < SAME) {
      brokenDown.push(item);
      i = j - 1;
    }
  }
  const all = brokenDown.reduce((s, l) => s + l.value, 0);
  const total = brokenDown.find((l) => brokenDown.length > 2 && Math.abs(all - l.value - l.value) < SAME);
  return kept.filter((l) => l !== total);
}

/** Item lines as a table (Item, Qty, Rate, Amount when lines print a qty and a rate; else Item, Amount). */
export function findLineItems(lines: readonly TextLine[]): TextTable | undefined {
  const items = withoutRepeats(lines.flatMap((l) => readItem(l) ?? []));
  if (items.length === 0) return undefined;
  if (!items.some((i) => i.qty !== undefined)) {
    return { headers: ['Item', 'Amount'], rows: items.map((i) => [i.name, i.amount]) };
  }
  return {
    headers: ['Item', 'Qty', 'Rate', 'Amount'],
    rows: items.map((i) => [i.name, i.qty ?? '', i.rate ?? '', i.amount]),
  };
}
