// A lean scanner for worksheet XML: tags, attributes of the tags asked for, and text, from chunks of any size.
//
// A 100,000-row sheet is ~5 million tags; a general XML parser (saxes) spent ~0.65 s on them, this ~0.2 s.
// It expands nothing: the five XML entities and character references are decoded, a DOCTYPE is skipped
// (never read), comments and processing instructions are skipped, CDATA is text.
import { unreadable } from '../unreadable.ts';

/**
 * The most text the scanner holds while waiting for a tag or text run to end. Excel caps a cell at 32,767
 * characters and a formula at 8,192, so anything near this is a crafted file; without a cap, rescanning an
 * endless tag on every chunk would take quadratic time.
 */
export const MAX_PENDING_CHARS = 4 * 1024 * 1024;

export interface SheetXmlHandlers {
  /** `attributes` is filled only for the tag names in `withAttributes`; otherwise it is empty. */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  text(text: string): void;
  close(name: string): void;
}

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities and character references in text or an attribute value; unknown ones stay as written. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(
    ENTITY,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

const ESCAPED = /_x([0-9a-f]{4})_/gi;

/**
 * Decodes OOXML's own escape for characters XML cannot hold, `_xHHHH_` (Excel writes a carriage return in
 * a cell as _x000D_, and a literal "_x" as _x005F_x).
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The element name without a namespace prefix (<x:row> is a row). */
const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/** Parses `name="value"` pairs of a tag's inside (after its name). */
function parseAttributes(tag: string, from: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  let i = from;
  while (i < tag.length) {
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i += 1;
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < tag.length && isSpace(tag.charCodeAt(q))) q += 1;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") break;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) break;
    attributes[localName(name)] = decodeXmlText(tag.slice(q + 1, end));
    i = end + 1;
  }
  return attributes;
}

/** Where the tag opened at `lt` ends ('>' outside quoted attribute values), or -1 if the text stops first. */
function tagEnd(text: string, lt: number): number {
  for (let i = lt + 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 62 /* > */) return i;
    if (code === 34 /* " */ || code === 39 /* ' */) {
      const closing = text.indexOf(code === 34 ? '"' : "'", i + 1);
      if (closing < 0) return -1;
      i = closing;
    }
  }
  return -1;
}

/**
 * Scans XML fed in chunks. Text is reported in pieces between tags (entities decoded); a tag or an
 * entity cut by a chunk's end waits for the next chunk.
 */
export class SheetXmlScanner {
  private carry = '';

  constructor(
    private readonly handlers: SheetXmlHandlers,
    private readonly withAttributes: ReadonlySet<string>,
  ) {}

  write(chunk: string): void {
    const text = this.carry + chunk;
    let pos = 0;
    for (;;) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) break;
      if (lt > pos) this.handlers.text(decodeXmlText(text.slice(pos, lt)));
      const next = this.markup(text, lt);
      if (next < 0) {
        pos = lt;
        break;
      }
      pos = next;
    }
    // Text after the last tag may end in a cut entity; it is reported once its closing tag has arrived.
    this.carry = text.slice(pos);
    if (this.carry.length > MAX_PENDING_CHARS) {
      throw unreadable(
        'The worksheet holds a tag or text run longer than Excel ever writes: the file is damaged or was not made by a spreadsheet program. Open it in Excel, save it again and re-upload it.',
      );
    }
  }

  /** Call after the last chunk: what is left must be text outside the document. */
  end(): void {
    this.carry = '';
  }

  /** Handles the markup at `lt`; returns where scanning resumes, or -1 when the chunk cuts it short. */
  private markup(text: string, lt: number): number {
    const second = text.charCodeAt(lt + 1);
    if (second === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) return after(text, '-->', lt + 4);
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        this.handlers.text(text.slice(lt + 9, end));
        return end + 3;
      }
      // A DOCTYPE (with or without an internal subset) is skipped whole, never interpreted.
      const subset = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      if (close < 0) return -1;
      return subset >= 0 && subset < close ? after(text, ']>', subset) : close + 1;
    }
    if (second === 63 /* ? */) return after(text, '?>', lt + 2);
    const gt = tagEnd(text, lt);
    if (gt < 0) return -1;
    if (second === 47 /* / */) {
      this.handlers.close(localName(text.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
    let nameEnd = 0;
    while (nameEnd < inner.length && !isSpace(inner.charCodeAt(nameEnd))) nameEnd += 1;
    const name = localName(inner.slice(0, nameEnd));
    const attributes = this.withAttributes.has(name) ? parseAttributes(inner, nameEnd) : NO_ATTRIBUTES;
    this.handlers.open(name, attributes, selfClosing);
    if (selfClosing) this.handlers.close(name);
    return gt + 1;
  }
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** The index just past `marker` found from `from`, or -1 when the text ends first. */
function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}
