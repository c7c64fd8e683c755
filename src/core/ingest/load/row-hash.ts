// A row's identity: a hash of its scope and canonical values, stored as `_row_hash` for lineage and dedupe checks.
import { hash } from 'node:crypto';
import { FIELD_SEP } from './row-text.ts';

/** 128 bits of sha256 as base64url: ample for row identity, and short enough to keep rows small. */
const HASH_CHARS = 22;

/** The scope's part of every row hash of a file, computed once. */
export const scopeHashKey = (orgId: string, locationId: string): string =>
  `${orgId}${FIELD_SEP}${locationId}${FIELD_SEP}`;

/** sha256 over the scope key and the row's text; one-shot `crypto.hash` is ~4× faster than createHash. */
export function rowHash(scopeKey: string, text: string): string {
  return hash('sha256', scopeKey + text, 'base64url').slice(0, HASH_CHARS);
}
