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
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
