// Rows as Adaptive Card 1.5 Table elements (the rows carried once), or as monospace text where a table would be too large.

/** The TextBlock fields a table uses (the card's own TextBlock type accepts these). */
export interface TableText {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  fontType?: 'Monospace';
  size?: 'Small';
  spacing?: 'None';
}

export interface TableCell {
  type: 'TableCell';
  items: TableText[];
}

export interface TableElement {
  type: 'Table';
  columns: { width: number; horizontalCellContentAlignment?: 'Left' | 'Right' }[];
  rows: { type: 'TableRow'; cells: TableCell[]; style?: 'emphasis' }[];
  firstRowAsHeader: boolean;
  showGridLines?: boolean;
  spacing?: 'None' | 'Small';
  /**
   * What a host without Table support (Adaptive Cards before 1.5) shows instead: one line, not the rows again, so
   * the message carries its figures once (Teams counts every byte against its size limit).
   */
  fallback: TableText;
}

/** How a table's columns are laid out: relative width, and right-aligned for figures. */
export interface ColumnSpec {
  header: string;
  width: number;
  align?: 'Right';
}

/** Padding that no renderer collapses, so monospace columns stay aligned. */
const PAD = '\u00a0';

/** A Container of text lines: one TextBlock a line, since a line break would be a control character in the card. */
export interface TextLines {
  type: 'Container';
  items: TableText[];
  spacing?: 'Small';
}

/** The rows as monospace lines, columns padded to the widest cell. */
export function monospaceRows(columns: ColumnSpec[], rows: string[][]): TextLines {
  const all = [columns.map((c) => c.header), ...rows];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) =>
        columns[i]?.align === 'Right' ? cell.padStart(widths[i]!, PAD) : cell.padEnd(widths[i]!, PAD),
      )
      .join(`${PAD}${PAD}`)
      .trimEnd();
  return {
    type: 'Container',
    spacing: 'Small',
    items: all.map((r, i) => ({
      type: 'TextBlock',
      text: line(r),
      wrap: true,
      fontType: 'Monospace',
      size: 'Small',
      spacing: 'None',
      ...(i === 0 ? { weight: 'Bolder' as const } : {}),
    })),
  };
}

const cell = (text: string, bold = false): TableCell => ({
  type: 'TableCell',
  items: [{ type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' as const } : {}) }],
});

/** Said in place of a table by a host that cannot draw one. */
export const TABLE_FALLBACK = 'This table needs a newer version of Teams to show.';

/** One Table: a header row, then the rows. */
export function tableElement(columns: ColumnSpec[], rows: string[][]): TableElement {
  return {
    type: 'Table',
    columns: columns.map((c) => ({
      width: c.width,
      ...(c.align ? { horizontalCellContentAlignment: c.align } : {}),
    })),
    rows: [
      { type: 'TableRow', style: 'emphasis', cells: columns.map((c) => cell(c.header, true)) },
      ...rows.map((r) => ({ type: 'TableRow' as const, cells: r.map((text) => cell(text)) })),
    ],
    firstRowAsHeader: true,
    spacing: 'Small',
    fallback: { type: 'TextBlock', text: TABLE_FALLBACK, wrap: true, size: 'Small' },
  };
}
