// What a workbook's small parts say: its sheets (names, visibility), shared strings, which styles are dates, its date system.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TitanError } from '../../errors.ts';
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
}

export interface WorkbookInfo {
  /** Every worksheet, in the order the zip holds them. */
  sheets: SheetInfo[];
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

/** Relationship id → the part it points at, as a zip entry name. */
async function readRelationships(path: string, entry: ZipEntry | undefined): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (!entry) return targets;
  await parseEntryXml(path, entry, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const target = tag.attributes.Target ?? '';
      // Targets are relative to xl/ unless absolute.
      targets.set(tag.attributes.Id ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  return targets;
}

/** Reads the workbook's parts (all small next to its sheets) into what the row reader needs. */
export async function readWorkbookInfo(
  path: string,
  entries: readonly ZipEntry[],
  maxSharedStringsBytes = MAX_SHARED_STRINGS_BYTES,
): Promise<WorkbookInfo> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const targets = await readRelationships(path, byName.get('xl/_rels/workbook.xml.rels'));
  const named = new Map<string, { name?: string; state?: string }>();
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
          const target = targets.get(tag.attributes['r:id'] ?? '');
          const { name: sheetName, state } = tag.attributes;
          if (target)
            named.set(target, { ...(sheetName ? { name: sheetName } : {}), ...(state ? { state } : {}) });
        }
      },
    });
  }
  const sheets = entries.flatMap((entry): SheetInfo[] => {
    const match = SHEET_ENTRY.exec(entry.name);
    return match ? [{ number: Number(match[1]), entry, ...named.get(entry.name) }] : [];
  });
  return {
    sheets,
    sharedStrings: await readSharedStrings(path, byName.get('xl/sharedStrings.xml'), maxSharedStringsBytes),
    dateStyles: await readStyles(path, byName.get('xl/styles.xml')),
    date1904,
  };
}
