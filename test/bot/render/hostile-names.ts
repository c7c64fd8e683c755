// Names an owner's files can carry (line breaks, an ANSI colour code, a bidi override, Slack mentions), and how to look for them.
import type { Answer } from '../../../src/core/model/answer.ts';
import type { Task } from '../../../src/core/tasks/port.ts';
import { sampleAnswer, sampleFinding, sampleTask } from './sample-answer.ts';

export const HOSTILE_FILE = 'bad\nname\r\u001b[31m.csv';
/** The same name as Titan shows it. */
export const HOSTILE_FILE_SHOWN = 'bad␊name␍␛[31m.csv';
/** An item whose name reverses what follows it on screen. */
export const HOSTILE_ITEM = 'Maida\u202e wastage';
export const HOSTILE_ITEM_SHOWN = 'Maida\\u202e wastage';

const BIDI_AND_SEPARATORS = new Set([
  0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
]);
const isControl = (n: number) =>
  n < 0x20 || (n >= 0x7f && n <= 0x9f) || BIDI_AND_SEPARATORS.has(n) || (n >= 0x2066 && n <= 0x2069);

/**
 * The characters in `text` a terminal or chat obeys rather than shows (C0, DEL, C1, line and paragraph separators,
 * bidi controls), as code points; `lineFeeds` allows the line feeds Titan itself puts between one text's lines.
 */
export function controlsIn(text: string, o: { lineFeeds?: boolean } = {}): string[] {
  return [...text]
    .map((c) => c.codePointAt(0)!)
    .filter((n) => isControl(n) && !(o.lineFeeds && n === 0x0a))
    .map((n) => `U+${n.toString(16).padStart(4, '0')}`);
}

/** Every string inside a value (a message, a card), keys included. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, v]) => [key, ...stringsIn(v)]);
  return [];
}

/** A leak scan whose failed file, item, fact and note carry those names. */
export function hostileAnswer(): Answer {
  const answer = sampleAnswer({
    headline: `${HOSTILE_ITEM} up 23% <!channel>`,
    findings: [
      sampleFinding(1, { headline: `${HOSTILE_ITEM}: 12 kg (₹840)`, rootCause: 'Over-prepping\r\n' }),
    ],
    notes: [`Read ${HOSTILE_FILE}`],
  });
  answer.facts[0]!.label = `${HOSTILE_ITEM} <@U0BOSS>`;
  answer.sources.gaps = [
    `Failed expenses file ${HOSTILE_FILE}: no data rows`,
    'Failed sales file <!channel>.csv',
  ];
  return answer;
}

/** A task row whose title and finding carry them. */
export const hostileTask = (): Task =>
  sampleTask({ title: `Re-send ${HOSTILE_FILE} <!here>`, finding: `${HOSTILE_ITEM}: 12 kg (₹840)` });
