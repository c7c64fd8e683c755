// Positioned text (PDF text runs, OCR words) → lines of cells, each cell a run of nearby words.

/** A run of text on a page; y is the top edge and grows downward, all in page units. */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One visual line: its cells left to right, each the words that sit close together. */
export interface TextLine {
  y: number;
  height: number;
  cells: TextItem[];
}

/**
 * Words closer than this many line-heights belong to one cell; wider gaps separate columns. A till
 * receipt in a monospaced font spaces words 0.6 of its height apart and columns two spaces (1.2) or more.
 */
const CELL_GAP = 0.8;

const middle = (item: TextItem): number => item.y + item.height / 2;

function mergeCells(items: readonly TextItem[]): TextItem[] {
  const cells: TextItem[] = [];
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    const last = cells[cells.length - 1];
    const gap = last ? item.x - (last.x + last.width) : Number.POSITIVE_INFINITY;
    if (last && gap < CELL_GAP * Math.max(last.height, item.height)) {
      // A tiny gap is a kerning split inside a word; anything wider is a space.
      const joiner = gap > 0.15 * item.height ? ' ' : '';
      const right = Math.max(last.x + last.width, item.x + item.width);
      last.text = `${last.text}${joiner}${item.text}`;
      last.width = right - last.x;
      last.height = Math.max(last.height, item.height);
    } else {
      cells.push({ ...item });
    }
  }
  return cells;
}

/** Groups items into lines (by vertical overlap) and each line's items into cells, top to bottom. */
export function groupLines(items: readonly TextItem[]): TextLine[] {
  const sorted = items
    .filter((i) => i.text.trim() !== '' && i.height > 0)
    .map((i) => ({ ...i, text: i.text.replace(/\s+/g, ' ').trim() }))
    .sort((a, b) => middle(a) - middle(b));
  const groups: TextItem[][] = [];
  let centre = Number.NEGATIVE_INFINITY;
  let height = 0;
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    if (current && Math.abs(middle(item) - centre) <= 0.5 * Math.min(height, item.height)) {
      current.push(item);
    } else {
      groups.push([item]);
      centre = middle(item);
      height = item.height;
    }
  }
  return groups.map(toLine);
}

/** One line from the words on it (OCR engines find lines themselves, even on a tilted photo). */
export function toLine(items: readonly TextItem[]): TextLine {
  const cells = mergeCells(
    items.filter((i) => i.text.trim() !== '').map((i) => ({ ...i, text: i.text.trim() })),
  );
  return {
    y: Math.min(...cells.map((c) => c.y)),
    height: Math.max(...cells.map((c) => c.height)),
    cells,
  };
}

/** The line's text, cells separated by spaces. */
export function lineText(line: TextLine): string {
  return line.cells.map((c) => c.text).join(' ');
}

/** Median line height: the unit for "how far apart" on this page. */
export function typicalHeight(lines: readonly TextLine[]): number {
  const heights = lines.map((l) => l.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 1;
}
