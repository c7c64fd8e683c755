// A row's identity: a hash of its canonical values and scope, stored as `_row_hash` for lineage and dedupe checks.
import { hash } from 'node:crypto';
import type { Row } from '../../warehouse/port.ts';

// Unit separator: cannot appear in a value a spreadsheet cell or CSV field would reasonably hold.
const SEP = '\u001f';

/** 128 bits of sha256 as base64url: ample for row identity, and short enough to keep rows small. */
const HASH_CHARS = 22;

/** sha256 over `columns`' values in order (null → empty); one-shot `crypto.hash` is ~4× faster than createHash. */
export function rowHash(row: Row, columns: readonly string[]): string {
  let text = '';
  for (const column of columns) {
    const v = row[column];
    text += v === null || v === undefined ? SEP : `${v}${SEP}`;
  }
  return hash('sha256', text, 'base64url').slice(0, HASH_CHARS);
}
