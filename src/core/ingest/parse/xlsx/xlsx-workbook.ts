// What a workbook's small parts say: its sheets (names, visibility, charts, pivots), shared strings, which styles are dates, its date system.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TitanError } from '../../../errors.ts';
import { decodeOoxmlEscapes } from './sheet-xml.ts';
import type { ZipEntry } from './zip-directory.ts';
import { entryChunks } from './zip-entry.ts';

export const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export interface SheetInfo {
  /** N of xl/worksheets/sheetN.xml. */
  number: number;
  entry: ZipEntry;
  name?: string;
  /** 'hidden' or 'veryHidden' for sheets the owner does not see. */
  state?: string;
  /** The sheet holds a pivot table: a summary of rows kept elsewhere. */
  pivot?: boolean;
}

export interface WorkbookInfo {
  /** Every worksheet, in the workbook's tab order (those it does not list after, in zip order). */
  sheets: SheetInfo[];
  /** Tabs that are not worksheets: they hold no rows. */
  nonWorksheets: { name: string; kind: 'chart' | 'other' }[];
  sharedStrings: string[];
  /** Per cell style (the `s` attribute): does its number format show a date or time? */
  dateStyles: boolean[];
  /** Serial 0 is 1904-01-01 instead of 1899-12-30 (old Mac workbooks). */
  date1904: boolean;
}

/** XML element names without a namespace prefix: some writers spell <x:row>. */
const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

interface XmlHandlers {
  open?: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/** Parses a whole (small) part through saxes, a full XML parser: entities and CDATA handled, no DTD expanded. */
async function parseEntryXml(path: string, entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.text) parser.on('text', handlers.text);
  const close = handlers.close;
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(path, entry)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** Number formats Excel has built in (ids below 164) that show dates or times, in every locale. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * A custom format shows a date or time when, outside [colours/locales], "literals" and \escaped characters,
 * it has date or time letters (y m d h s, b for Buddhist years) or an AM/PM or A/P marker.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]|AM\/PM|A\/P/i.test(bare);
}

async function readStyles(path: string, entry: ZipEntry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const cellFormats: number[] = [];
  let inCellXfs = false;
  await parseEntryXml(path, entry, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) cellFormats.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return cellFormats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/**
 * The largest shared-string table read (uncompressed). It is held in memory whole, so a bigger one could
 * exhaust it; a million rows with two unique text columns need about 50 MB.
 */
export const MAX_SHARED_STRINGS_BYTES = 128 * 1024 * 1024;

/** Each <si> as its text: a plain <t>, or the runs of rich text joined; phonetic guides (<rPh>) left out. */
async function readSharedStrings(
  path: string,
  entry: ZipEntry | undefined,
  maxBytes: number,
): Promise<string[]> {
  if (!entry) return [];
  if (entry.uncompressedSize > maxBytes) {
    const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
    throw new TitanError(
      'ingest.too_large',
      `The workbook's text table is ${mb(entry.uncompressedSize)} (Titan reads up to ${mb(maxBytes)}): save it as CSV and upload that.`,
    );
  }
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await parseEntryXml(path, entry, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = !tag.isSelfClosing;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(decodeOoxmlEscapes(current));
    },
  });
  return strings;
}

interface Relationship {
  id: string;
  type: string;
  /** The zip entry name it points at. */
  target: string;
}

/** A part's relationships; targets resolved against `base`, the folder of the part they belong to. */
async function readRelationships(
  path: string,
  entry: ZipEntry | undefined,
  base: string,
): Promise<Relationship[]> {
  const found: Relationship[] = [];
  if (!entry) return found;
  await parseEntryXml(path, entry, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const { Id = '', Type = '', Target = '' } = tag.attributes;
      const target = Target.startsWith('/') ? Target.slice(1) : `${base}${Target}`;
      found.push({ id: Id, type: Type, target });
    },
  });
  return found;
}

/** Does this worksheet's relationship part point at a pivot table? */
async function holdsPivot(path: string, byName: Map<string, ZipEntry>, sheet: number): Promise<boolean> {
  const rels = byName.get(`xl/worksheets/_rels/sheet${sheet}.xml.rels`);
  const found = await readRelationships(path, rels, 'xl/worksheets/');
  return found.some((r) => r.type.endsWith('/pivotTable'));
}

/** Reads the workbook's parts (all small next to its sheets) into what the row reader needs. */
export async function readWorkbookInfo(
  path: string,
  entries: readonly ZipEntry[],
  maxSharedStringsBytes = MAX_SHARED_STRINGS_BYTES,
): Promise<WorkbookInfo> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const rels = await readRelationships(path, byName.get('xl/_rels/workbook.xml.rels'), 'xl/');
  const byId = new Map(rels.map((r) => [r.id, r]));
  // Tab order: the order <sheet> elements appear in workbook.xml.
  const named = new Map<string, { name?: string; state?: string }>();
  const nonWorksheets: WorkbookInfo['nonWorksheets'] = [];
  let date1904 = false;
  const workbook = byName.get('xl/workbook.xml');
  if (workbook) {
    await parseEntryXml(path, workbook, {
      open(tag) {
        const name = localName(tag.name);
        if (name === 'workbookPr') {
          const flag = tag.attributes.date1904;
          date1904 = flag === '1' || flag === 'true';
        } else if (name === 'sheet') {
          const rel = byId.get(tag.attributes['r:id'] ?? '');
          const { name: sheetName, state } = tag.attributes;
          if (rel && !SHEET_ENTRY.test(rel.target)) {
            const kind = rel.type.endsWith('/chartsheet') ? 'chart' : 'other';
            if (sheetName) nonWorksheets.push({ name: sheetName, kind });
          } else if (rel) {
            named.set(rel.target, { ...(sheetName ? { name: sheetName } : {}), ...(state ? { state } : {}) });
          }
        }
      },
    });
  }
  const tabOrder = [...named.keys()];
  const position = (entry: string) => {
    const at = tabOrder.indexOf(entry);
    return at < 0 ? tabOrder.length : at;
  };
  const sheets: SheetInfo[] = [];
  for (const entry of entries) {
    const match = SHEET_ENTRY.exec(entry.name);
    if (!match) continue;
    const number = Number(match[1]);
    const pivot = await holdsPivot(path, byName, number);
    sheets.push({ number, entry, ...named.get(entry.name), ...(pivot ? { pivot } : {}) });
  }
  // Stable, so sheets the workbook does not list keep their zip order after the listed ones.
  sheets.sort((a, b) => position(a.entry.name) - position(b.entry.name));
  return {
    sheets,
    nonWorksheets,
    sharedStrings: await readSharedStrings(path, byName.get('xl/sharedStrings.xml'), maxSharedStringsBytes),
    dateStyles: await readStyles(path, byName.get('xl/styles.xml')),
    date1904,
  };
}
