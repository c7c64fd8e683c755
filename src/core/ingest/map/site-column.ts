// The column naming each row's site (Outlet, Branch, store_location…): a file loads into one location, so it must name one site.
import { TitanError } from '../../errors.ts';
import type { Category } from '../../warehouse/tables.ts';
import { isBlankish } from '../normalise/number.ts';
import { headerKey, normaliseHeader } from './header-words.ts';

/** Headers that name the owner's site, names before ids (earlier wins). Normalised form. */
const SITE_HEADERS = [
  'outlet',
  'outlet name',
  'branch',
  'branch name',
  'store location',
  'store name',
  'store',
  'location',
  'location name',
  'site',
  'site name',
  'restaurant',
  'restaurant name',
  'outlet id',
  'branch id',
  'location id',
  'store id',
  'site id',
];

/** Where `header` stands in `words` by exact name (with or without unit words), or -1. */
export function exactRank(header: string, words: readonly string[]): number {
  const key = headerKey(header);
  const at = words.indexOf(key);
  return at >= 0 ? at : words.indexOf(normaliseHeader(header));
}

/** The best-named column among `headers` not already used, or undefined. */
export function findNamedColumn(
  headers: readonly string[],
  words: readonly string[],
  used: ReadonlySet<number>,
): number | undefined {
  let best: { col: number; rank: number } | undefined;
  headers.forEach((header, col) => {
    if (used.has(col)) return;
    const rank = exactRank(header, words);
    if (rank >= 0 && (!best || rank < best.rank)) best = { col, rank };
  });
  return best?.col;
}

/** On a purchase or an expense, a "Store" or "Restaurant" is as likely the shop bought from as the owner's own site. */
const SELLER_WORDS = new Set(['store', 'store name', 'store id', 'restaurant', 'restaurant name']);
const BOUGHT_SITE_HEADERS = SITE_HEADERS.filter((h) => !SELLER_WORDS.has(h));

/** The site column of a table, when one is named and not mapped to anything else. */
export function findSiteColumn(
  headers: readonly string[],
  used: ReadonlySet<number>,
  category: Category,
): number | undefined {
  const words = category === 'sales' || category === 'inventory' ? SITE_HEADERS : BOUGHT_SITE_HEADERS;
  return findNamedColumn(headers, words, used);
}

/** Distinct site names, ignoring case and blanks, in first-seen spelling. */
export function distinctSites(values: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    const name = value.trim().replace(/\s+/g, ' ');
    if (isBlankish(name)) continue;
    const key = name.toLowerCase();
    if (!byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()];
}

/** Thrown when a file's rows name more than one site: loading them into one location would merge the sites. */
export function multipleSites(column: string, sites: readonly string[]): TitanError {
  const shown = sites.slice(0, 5).map((s) => `"${s}"`);
  const list = sites.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
  return new TitanError(
    'ingest.unmapped',
    `This file holds ${sites.length} sites in its "${column}" column (${list}), and Titan loads a file into one ` +
      "location, which would merge them: split it by site and load each site's rows with --location <site> " +
      '(location_id on the ingest request).',
    { detail: { column, sites: sites.slice(0, 20) } },
  );
}

/** The report's note for a file whose rows all name one site. */
export function oneSiteNote(column: string, site: string, locationId: string): string {
  return `"${column}" names one site, "${site}": its rows were loaded into location "${locationId}".`;
}
