// Guards for the identifiers Titan splices into SQL (table and column names never come from users unchecked).
import { TitanError } from '../errors.ts';
import type { Row } from './port.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Returns `name` if it is a plain SQL identifier, else throws: it is about to be spliced into SQL. */
export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new TitanError('warehouse.query_failed', `"${name}" is not a valid table or column name`);
  }
  return name;
}

/** The union of the rows' keys, in first-seen order; every one checked as an identifier. */
export function collectColumns(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen].map(assertIdentifier);
}
