// Units of measure: the many spellings on Indian bills folded onto kg, l and pcs, with the factor to get there.
import { cleanText } from './text.ts';

/** A unit as stored, and what a quantity in the source unit is multiplied by to be in it. */
export interface UnitInfo {
  unit: string;
  factor: number;
}

const KNOWN: Record<string, UnitInfo> = {};
const define = (unit: string, factor: number, spellings: string[]): void => {
  for (const s of spellings) KNOWN[s] = { unit, factor };
};
define('kg', 1, ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme']);
define('kg', 0.001, ['g', 'gm', 'gms', 'gr', 'grm', 'grms', 'gram', 'grams', 'gramme']);
define('l', 1, ['l', 'lt', 'lts', 'ltr', 'ltrs', 'litre', 'litres', 'liter', 'liters']);
define('l', 0.001, ['ml', 'mls', 'millilitre', 'millilitres', 'milliliter', 'milliliters']);
define('pcs', 1, [
  'pc',
  'pcs',
  'piece',
  'pieces',
  'nos',
  'no',
  'number',
  'numbers',
  'unit',
  'units',
  'ea',
  'each',
]);
define('pcs', 12, ['dz', 'doz', 'dozen', 'dozens']);
define('pkt', 1, ['pkt', 'pkts', 'packet', 'packets', 'pack', 'packs']);
define('btl', 1, ['btl', 'btls', 'bottle', 'bottles']);

/**
 * Folds a unit spelling onto kg, l, pcs, pkt or btl (weights and volumes in their base unit, so
 * 500 g and 1.2 kg add up); an unknown unit (tray, crate) is kept, lower-cased, with factor 1.
 */
export function normaliseUnit(raw: string): UnitInfo | null {
  // Cleaned like any text cell (controls dropped, spaces single, capped), since an unknown unit is kept.
  const key = (cleanText(raw) ?? '').toLowerCase().replace(/[.\s]+$/g, '');
  if (key === '') return null;
  return KNOWN[key] ?? { unit: key, factor: 1 };
}

/** Splits "1.5 kg" or "500gm" into its number and unit; a bare number has no unit. Null when not a quantity. */
export function splitQuantity(raw: string): { value: string; unit: UnitInfo | null } | null {
  const m = /^\s*([-+(]?[\d.,]+\)?)\s*([a-z][a-z. ]*)?\s*$/i.exec(raw);
  if (!m) return null;
  const unitText = m[2];
  if (unitText === undefined) return { value: m[1]!, unit: null };
  const unit = KNOWN[unitText.trim().toLowerCase().replace(/\.$/, '')];
  return unit ? { value: m[1]!, unit } : null;
}
