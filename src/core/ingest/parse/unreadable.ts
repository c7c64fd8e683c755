// The error every parser throws for a file it cannot read: a reason the owner can act on.
import { TitanError } from '../../errors.ts';

export function unreadable(reason: string, cause?: unknown): TitanError {
  return new TitanError('ingest.unreadable', reason, cause === undefined ? {} : { cause });
}
