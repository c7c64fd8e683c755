// The worksheet XML scanner: the same events however the text is cut into chunks; entities decoded, nothing expanded.
import { describe, expect, it } from 'vitest';
import {
  decodeOoxmlEscapes,
  decodeXmlText,
  MAX_PENDING_CHARS,
  SheetXmlScanner,
} from '../../../../../src/core/ingest/parse/xlsx/sheet-xml.ts';

type Event = ['open', string, Record<string, string>, boolean] | ['text', string] | ['close', string];

/** Scans `xml` cut into pieces of `size` characters, joining adjacent text events. */
function scan(xml: string, size = xml.length): Event[] {
  const events: Event[] = [];
  const scanner = new SheetXmlScanner(
    {
      open: (name, attributes, selfClosing) => events.push(['open', name, { ...attributes }, selfClosing]),
      text: (text) => {
        const last = events.at(-1);
        if (last?.[0] === 'text') last[1] += text;
        else events.push(['text', text]);
      },
      close: (name) => events.push(['close', name]),
    },
    new Set(['c', 'row']),
  );
  for (let i = 0; i < xml.length; i += size) scanner.write(xml.slice(i, i + size));
  scanner.end();
  return events.filter((e) => e[0] !== 'text' || e[1] !== '');
}

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE worksheet [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;"> ]>
<x:worksheet xmlns:x="urn:x"><!-- a comment with <c> inside -->
<x:sheetData><x:row r="2" spans='1:3'><x:c r="A2" t="inlineStr"><x:is><x:t>Tom &amp; Jerry &#x20B9;5 &#8377;6 &lol2;</x:t></x:is></x:c>
<x:c r='B2' t="str" note="a > b"><x:f>A2&amp;""</x:f><x:v><![CDATA[<raw & text>]]></x:v></x:c><x:c r="C2" s="1"/></x:row></x:sheetData></x:worksheet>`;

describe('SheetXmlScanner', () => {
  it('reports tags without prefixes, the attributes asked for, and decoded text', () => {
    const events = scan(SHEET);
    expect(events.filter((e) => e[0] === 'open').map((e) => e[1])).toEqual([
      'worksheet',
      'sheetData',
      'row',
      'c',
      'is',
      't',
      'c',
      'f',
      'v',
      'c',
    ]);
    expect(events).toContainEqual(['open', 'row', { r: '2', spans: '1:3' }, false]);
    expect(events).toContainEqual(['open', 'c', { r: 'B2', t: 'str', note: 'a > b' }, false]);
    expect(events).toContainEqual(['open', 'c', { r: 'C2', s: '1' }, true]);
    // The DOCTYPE is skipped, so its entities are never defined, let alone expanded.
    expect(events).toContainEqual(['text', 'Tom & Jerry ₹5 ₹6 &lol2;']);
    expect(events).toContainEqual(['text', '<raw & text>']);
    expect(events).toContainEqual(['text', 'A2&""']);
  });

  it('gives the same events whatever size the chunks are', () => {
    const whole = scan(SHEET);
    for (const size of [1, 2, 3, 5, 7, 16, 61]) expect(scan(SHEET, size), `chunks of ${size}`).toEqual(whole);
  });

  it('leaves unknown or malformed entities as written', () => {
    expect(decodeXmlText('a &nbsp; b &#xZZ; &#0; &amp;amp;')).toBe('a &nbsp; b &#xZZ; &#0; &amp;');
  });

  it('decodes Excel’s _xHHHH_ escapes', () => {
    expect(decodeOoxmlEscapes('line_x000D_break and _x005F_x0041_')).toBe('line\rbreak and _x0041_');
  });
});

describe('SheetXmlScanner on crafted XML', () => {
  it('refuses a tag that never ends instead of rescanning it on every chunk', () => {
    const scanner = new SheetXmlScanner({ open() {}, text() {}, close() {} }, new Set(['c']));
    scanner.write('<sheetData><c r="');
    const chunk = 'A'.repeat(64 * 1024);
    expect(() => {
      for (let written = 0; written <= MAX_PENDING_CHARS; written += chunk.length) scanner.write(chunk);
    }).toThrow(expect.objectContaining({ code: 'ingest.unreadable' }));
  });
});
