// Built rows as text: values joined by a separator. It is the row hash's input and how rows cross from the row worker.
import type { SqlValue } from '../../warehouse/port.ts';
import type { ColumnDef } from '../../warehouse/tables.ts';

/**
 * Unit separator. Text values never hold it (cleanText drops control characters and the builder checks),
 * and never are '' (an empty cell is null), so '' between separators means null without ambiguity.
 */
export const FIELD_SEP = '\u001f';

/** A row's values as text, each followed by FIELD_SEP; undefined when a text value holds the separator. */
export function rowText(values: readonly SqlValue[]): string | undefined {
  let text = '';
  for (const v of values) {
    if (v === null) text += FIELD_SEP;
    else if (typeof v === 'string' && (v === '' || v.includes(FIELD_SEP))) return undefined;
    else text += `${v}${FIELD_SEP}`;
  }
  return text;
}

/**
 * Reads the text of many rows (FIELD_SEP between every value) back into flat values, typed by `columns`:
 * '' is null, numeric columns are numbers. A JavaScript number's text reads back to the same number.
 */
export function createRowTextReader(
  columns: readonly Pick<ColumnDef, 'type'>[],
): (text: string) => SqlValue[] {
  const width = columns.length;
  const numeric = columns.map((c) => c.type === 'float' || c.type === 'integer');
  return (text) => {
    const values: SqlValue[] = text.split(FIELD_SEP);
    if (values.length % width !== 0) {
      throw new Error(`row text holds ${values.length} values, not a multiple of ${width} columns`);
    }
    for (let i = 0, col = 0; i < values.length; i += 1) {
      const v = values[i] as string;
      if (v === '') values[i] = null;
      else if (numeric[col]) values[i] = Number(v);
      col = col + 1 === width ? 0 : col + 1;
    }
    return values;
  };
}
