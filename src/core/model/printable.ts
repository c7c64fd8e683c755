// Data shown as text: control characters in names from owners' files made visible, never obeyed by a terminal or chat.

/**
 * Past C0: DEL, C1, the line and paragraph separators, and the bidi marks, embeddings, overrides and isolates
 * that make "\u202Evsc.exe" read "exe.csv". JSON.stringify escapes C0 itself but leaves these raw.
 */
const BEYOND_C0 = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]`, 'g');
const UNESCAPED_BY_JSON = new RegExp(`[${BEYOND_C0}]`, 'g');

const code = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** C0 and DEL have Unicode pictures (␊ ␍ ␛ ␡); the rest are written as their code (\u202e). */
const visible = (c: string): string => {
  const n = c.charCodeAt(0);
  if (n < 0x20) return String.fromCharCode(0x2400 + n);
  return n === 0x7f ? '\u2421' : code(c);
};

/** The text with every control character replaced by a visible stand-in; the same text again when it has none. */
export const printableText = (text: string): string => text.replace(CONTROL, visible);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * A copy of a value (an Answer, a Task, a file outcome) with `printableText` applied to every string in it,
 * keys included. Renderers draw through this, so no field, present or added later, is shown raw.
 */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return printableText(value) as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [printableText(key), printable(v)])) as T;
}

/** JSON.stringify with the controls it leaves raw escaped too; they occur only inside strings, so it parses back the same. */
export const printableJson = (value: unknown, space?: number): string =>
  JSON.stringify(value, null, space).replace(UNESCAPED_BY_JSON, code);
