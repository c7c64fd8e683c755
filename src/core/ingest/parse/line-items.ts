// A bill without a table header (a till receipt): every line that ends in an amount is an item.
import { lineText, type TextLine } from './text-lines.ts';
import type { TextTable } from './text-tables.ts';

/** A line ending in a money amount with paise ("Milk 1L  54.00", "Idli x2 60,00 A"). */
const ITEM_LINE =
  /^(.*\p{L}.*?)[\s:]+(?:rs\.?|₹|inr|\$|€)?\s*(-?\d{1,3}(?:[,.]\d{3})*[.,]\d{2})(?:\s+[a-z*]{1,2})?$/iu;
/** Summary, tax and payment lines, in English and the German of the receipts in the test corpus. */
export const SUMMARY_LINE =
  /\b(?:total|sub\s*total|grand|net\s+amount|amount\s+payable|round(?:ing)?\s*off|cgst|sgst|igst|gst|vat|tax|cash|change|card|upi|paid|balance|tender|summe|gesamt|zu\s+zahlen|mwst|bar|r[üu]ckgeld|ec-?karte|netto|brutto)\b/i;

/** Item lines as a two-column table (Item, Amount), or undefined when no line qualifies. */
export function findLineItems(lines: readonly TextLine[]): TextTable | undefined {
  const rows: string[][] = [];
  for (const line of lines) {
    const m = ITEM_LINE.exec(lineText(line));
    if (!m || SUMMARY_LINE.test(m[1]!)) continue;
    rows.push([m[1]!.trim(), m[2]!]);
  }
  return rows.length > 0 ? { headers: ['Item', 'Amount'], rows } : undefined;
}
