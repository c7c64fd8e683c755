// Maps a parsed table onto its category: a Tally export by its layout; else stored layout (0 LLM calls) → heuristics →
// LLM on ≤50 rows → required check.
import { z } from 'zod';
import { TitanError } from '../../errors.ts';
import type { Category } from '../../warehouse/tables.ts';
import { missingRequired } from '../normalise/target-columns.ts';
import type { LlmSchemaMapper, MappingResult, RawTable } from '../port.ts';
import { recogniseTally } from '../tally/tally-layout.ts';
import { mapTally } from '../tally/tally-mapping.ts';
import type { VoucherPlan } from '../tally/voucher-plan.ts';
import { checkCategory } from './category-fit.ts';
import { tallyDates } from './date-evidence.ts';
import { type DateOrderFields, dateOrderFields } from './date-order.ts';
import { layoutFingerprint } from './fingerprint.ts';
import { mapHeuristically } from './heuristic-mapper.ts';
import { mapWithLlm } from './llm-mapping.ts';
import { findCharges } from './read-report.ts';
import { distinctSites, findSiteColumn, multipleSites } from './site-column.ts';
import { isOtherDay, noStockDate } from './stock-date.ts';
import { profileColumns } from './value-shape.ts';

/** A mapping as kept in schema_mappings (the warehouse implementation lives with the loader). */
export interface StoredMapping extends MappingResult {
  category: Category;
}

/** Where mappings of known layouts are remembered, keyed by layout fingerprint. */
export interface MappingStore {
  get(fingerprint: string): Promise<MappingResult | undefined>;
  put(entry: StoredMapping): Promise<void>;
}

/** A mapping for one file: the layout's mapping plus how this file writes ambiguous dates. */
export interface TableMapping extends MappingResult, DateOrderFields {
  /** The column naming each row's site, watched so a file of several sites fails instead of merging them. */
  site?: number;
  /** Charge columns added to an amount derived from qty × unit price (only when there is no amount column). */
  charges?: number[];
  /** A Tally export's rows are read as vouchers. */
  vouchers?: VoucherPlan;
}

export interface MapTableRequest {
  table: Pick<RawTable, 'headers' | 'sample'>;
  category: Category;
  store?: MappingStore;
  llm?: LlmSchemaMapper;
  /** Heuristic confidence below which the LLM is asked (when given); default DEFAULT_MAPPING_THRESHOLD. */
  threshold?: number;
}

export const DEFAULT_MAPPING_THRESHOLD = 0.7;

const StoredShape = z.object({
  mapping: z.record(z.string(), z.number().int().nonnegative()),
  confidence: z.number(),
});

/** A stored mapping is data from the warehouse: used only when it still fits these headers. */
function usableStored(stored: MappingResult | undefined, width: number): MappingResult | undefined {
  const parsed = StoredShape.safeParse(stored);
  if (!stored || !parsed.success) return undefined;
  return Object.values(parsed.data.mapping).every((col) => col < width) ? stored : undefined;
}

function unmapped(
  headers: readonly string[],
  category: Category,
  missing: string[],
  llm: boolean,
): TitanError {
  if (category === 'inventory' && missing.includes('date') && headers.some(isOtherDay))
    return noStockDate(headers);
  const shown = headers.filter((h) => h.trim() !== '').slice(0, 15);
  const hint = llm
    ? 'Rename those headers (e.g. "Date", "Amount") and re-upload.'
    : 'Rename those headers (e.g. "Date", "Amount"), or set GEMINI_API_KEY so Titan can work out unusual layouts.';
  return new TitanError(
    'ingest.unmapped',
    `Could not find the ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''} for ${category} ` +
      `among this file's columns (${shown.map((h) => `"${h}"`).join(', ')}). ${hint}`,
    { detail: { missing, category } },
  );
}

/**
 * Adds what reading this file needs beyond the layout's mapping: its date order (from the sample, or left open), its site
 * column and derived-amount charges. Throws when the sample already names several sites.
 */
function withReadingAids(
  result: MappingResult,
  table: MapTableRequest['table'],
  category: Category,
): TableMapping {
  const col = result.mapping.date;
  const dates = col === undefined ? [] : table.sample.map((row) => row[col] ?? '');
  // The sample decides when it can; when it cannot (dateOpen), the file's rows are read for it before loading.
  const dateFields = dateOrderFields(col === undefined ? undefined : tallyDates(dates, false));
  const used = new Set(Object.values(result.mapping));
  const site = findSiteColumn(table.headers, used, category);
  if (site !== undefined) {
    const sites = distinctSites(table.sample.map((row) => row[site] ?? ''));
    if (sites.length > 1) throw multipleSites(table.headers[site]!, sites);
  }
  const charges = result.mapping.amount === undefined ? findCharges(table.headers, used) : [];
  return {
    ...result,
    ...dateFields,
    ...(site === undefined ? {} : { site }),
    ...(charges.length === 0 ? {} : { charges }),
  };
}

/** A stock sheet's mapping dating its rows by an expiry or purchase date (an LLM's or an older stored guess). */
function datesByOtherDay(
  result: MappingResult | undefined,
  headers: readonly string[],
  category: Category,
): boolean {
  const col = result?.mapping.date;
  return category === 'inventory' && col !== undefined && isOtherDay(headers[col] ?? '');
}

/**
 * Maps one table. Throws 'ingest.unmapped' naming the missing required columns, 'ingest.wrong_category'
 * when the columns fit another category much better, or the LLM's error when it failed and the
 * heuristics alone cannot map the file (a transient failure: retry later).
 */
export async function mapTable(req: MapTableRequest): Promise<TableMapping> {
  const { table, category } = req;
  const threshold = req.threshold ?? DEFAULT_MAPPING_THRESHOLD;
  const fingerprint = layoutFingerprint(table.headers, category);
  // Tally's layout is known: read the same way every time, never by a guess (its Particulars is no item).
  const tally = recogniseTally(table.headers, table.sample);
  if (tally) {
    const { mapping, vouchers } = mapTally(tally, category);
    const read = { mapping, confidence: 1, source: 'heuristic' as const, fingerprint };
    return { ...withReadingAids(read, table, category), vouchers };
  }
  const stored = usableStored(await req.store?.get(fingerprint), table.headers.length);
  if (stored && !datesByOtherDay(stored, table.headers, category))
    return withReadingAids({ ...stored, source: 'stored', fingerprint }, table, category);

  const profiles = profileColumns(table.headers.length, table.sample);
  const heuristic = mapHeuristically(table.headers, table.sample, category, profiles);
  checkCategory(table.headers, table.sample, category, heuristic, profiles);

  let result: MappingResult = {
    mapping: heuristic.mapping,
    confidence: heuristic.confidence,
    source: 'heuristic',
    fingerprint,
  };
  if (heuristic.confidence < threshold && req.llm) {
    try {
      const answer = await mapWithLlm({
        llm: req.llm,
        category,
        headers: table.headers,
        sample: table.sample,
        profiles,
        fallback: heuristic.mapping,
      });
      result = { ...answer, source: 'llm', fingerprint };
      // The required check below then names the missing stock date.
      if (datesByOtherDay(result, table.headers, category)) delete result.mapping.date;
    } catch (err) {
      // The heuristics' answer still stands when it has every required column.
      if (heuristic.missing.length > 0) throw err;
    }
  }
  const missing = missingRequired(category, new Set(Object.keys(result.mapping)));
  if (missing.length > 0) throw unmapped(table.headers, category, missing, req.llm !== undefined);
  // A weak heuristic guess is not remembered, so a later run with an LLM configured can do better.
  if (result.source === 'llm' || result.confidence >= threshold)
    await req.store?.put({ ...result, category });
  return withReadingAids(result, table, category);
}

/** Picks the table of a multi-table file (sheets, PDF tables) that best fits the category, then maps it. */
export async function mapBestTable<T extends Pick<RawTable, 'headers' | 'sample'>>(
  req: Omit<MapTableRequest, 'table'> & { tables: readonly T[] },
): Promise<{ table: T; mapping: TableMapping }> {
  const [first, ...rest] = req.tables;
  if (!first) throw new TitanError('ingest.unreadable', 'The file has no table to read.');
  let best = first;
  if (rest.length > 0) {
    const ranked = await Promise.all(
      req.tables.map(async (table) => {
        const known = usableStored(
          await req.store?.get(layoutFingerprint(table.headers, req.category)),
          table.headers.length,
        );
        const h = mapHeuristically(table.headers, table.sample, req.category);
        return { table, known: known ? 1 : 0, complete: h.missing.length === 0 ? 1 : 0, fit: h.fit };
      }),
    );
    // Known layouts first, then tables with every required column, then the one the category explains most.
    ranked.sort((a, b) => b.known - a.known || b.complete - a.complete || b.fit - a.fit);
    best = ranked[0]!.table;
  }
  return { table: best, mapping: await mapTable({ ...req, table: best }) };
}
