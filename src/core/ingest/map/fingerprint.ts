// A file layout's identity: the same headers in the same order for the same category → the same stored mapping.
import { createHash } from 'node:crypto';
import type { Category } from '../../warehouse/tables.ts';
import { normaliseHeader } from './header-words.ts';

/**
 * Hash of the category and the normalised header names in order. Case, spacing and punctuation do not
 * change it ("Bill Dt" = "bill_dt"); a renamed, added or moved column does, because indices would.
 */
export function layoutFingerprint(headers: readonly string[], category: Category): string {
  const layout = [category, ...headers.map(normaliseHeader)].join('\u001f');
  return createHash('sha256').update(layout).digest('hex').slice(0, 32);
}
