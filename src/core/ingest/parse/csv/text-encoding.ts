// Which text encoding a file's bytes are in (BOM, UTF-16 without BOM, UTF-8, else Windows-1252), and whether it is text at all.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Share of zero bytes at odd (or even) offsets that marks UTF-16 text without a BOM. */
const UTF16_ZERO_SHARE = 0.3;

function zeroShares(bytes: Uint8Array): { even: number; odd: number } {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

/**
 * Decides the encoding from the first bytes: a BOM wins; then UTF-16 by its zero-byte pattern; then
 * UTF-8 if the bytes are valid UTF-8; else Windows-1252 (a superset of latin1, what Excel writes on Windows).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const zeros = zeroShares(head);
  if (zeros.odd > UTF16_ZERO_SHARE && zeros.even < 0.05) return 'utf-16le';
  if (zeros.even > UTF16_ZERO_SHARE && zeros.odd < 0.05) return 'utf-16be';
  try {
    // stream: true tolerates a character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * True when decoded text reads as text: almost no control characters, and for the Windows-1252 fallback
 * mostly printable ASCII (random bytes decode as Windows-1252 too, but are two-thirds non-ASCII).
 */
export function looksLikeText(text: string, encoding: TextEncodingName): boolean {
  let controls = 0;
  let ascii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127)) ascii++;
    else if (c < 32 || c === 127 || c === 0xfffd) controls++;
  }
  if (controls > Math.max(2, text.length * 0.01)) return false;
  return encoding !== 'windows-1252' || ascii >= text.length * 0.7;
}
