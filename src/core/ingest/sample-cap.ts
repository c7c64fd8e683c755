// The one place that decides how many rows of a file may reach an LLM (DESIGN.md: at most 50).

/** At most this many data rows of any file are ever shown to an LLM (mapping or vision checks). */
export const MAX_LLM_SAMPLE_ROWS = 50;

/** The first MAX_LLM_SAMPLE_ROWS rows; everything handed to an LLM passes through here. */
export function capSample<T>(rows: readonly T[]): T[] {
  return rows.slice(0, MAX_LLM_SAMPLE_ROWS);
}
