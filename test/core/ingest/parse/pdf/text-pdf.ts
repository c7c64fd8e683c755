// Writes small text-layer PDFs for tests: words placed on A4 pages, as a billing program or a POS prints a bill.

/** One run of text: its left edge and baseline from the page's top-left, in points. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  /** Font size in points (10 unless given). */
  size?: number;
}

const PAGE = { width: 595, height: 842 };

/** A PDF string in WinAnsiEncoding: escapes what PDF strings reserve, and writes € as its WinAnsi byte. */
function pdfString(text: string): string {
  const escaped = text.replace(/[\\()]/g, '\\$&').replace(/€/g, '\\200');
  if (/[^\x20-\x7e]/.test(escaped.replace(/\\200/g, ''))) {
    throw new Error(`textPdf writes ASCII and € only, not "${text}"`);
  }
  return `(${escaped})`;
}

/** Lines laid out as a table: each row's cells at the given column edges, one line height apart. */
export function tableAt(
  rows: readonly (readonly string[])[],
  columns: readonly number[],
  top: number,
  size = 10,
) {
  return rows.flatMap((row, r) =>
    row.flatMap((text, c) => (text === '' ? [] : [{ text, x: columns[c]!, y: top + r * size * 1.6, size }])),
  );
}

/**
 * A PDF with one page per entry, each page's text where it is placed: in Helvetica, as an accounting
 * program prints, or in Courier, as a POS prints a till receipt (columns lined up with spaces).
 */
export function textPdf(
  pages: readonly (readonly PlacedText[])[],
  font: 'Helvetica' | 'Courier' = 'Helvetica',
): Buffer {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`,
  ];
  for (const [i, page] of pages.entries()) {
    const content = page
      .map((t) => `BT /F1 ${t.size ?? 10} Tf ${t.x} ${PAGE.height - t.y} Td ${pdfString(t.text)} Tj ET`)
      .join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  }
  return pdfOf(objects);
}

/** A PDF file of numbered objects (1 0 obj …), the first the catalog: its cross-reference table computed. */
export function pdfOf(objects: readonly (string | Buffer)[]): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const body = typeof object === 'string' ? Buffer.from(object, 'latin1') : object;
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ];
  return Buffer.concat([...chunks, Buffer.from(xref.join(''), 'latin1')]);
}
