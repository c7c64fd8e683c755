// The one error a read past its deadline fails with, whichever engine stopped it (the SQLite read pool, BigQuery).
import { TitanError } from '../errors.ts';

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

/** `warehouse.timeout`, saying what to ask instead; `detail.deadlineMs` is the limit that was reached. */
export function readTimedOut(ms: number): TitanError {
  return new TitanError(
    'warehouse.timeout',
    `The warehouse query was stopped after ${seconds(ms)}, its time limit. Ask about a shorter period or fewer ` +
      'things at once, or try again when fewer questions are running.',
    { detail: { deadlineMs: ms } },
  );
}
