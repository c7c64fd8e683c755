// A scanner's PDF of a PNG scan for tests: one page, the picture only, no text layer.
import { readFileSync } from 'node:fs';
import { pdfOf } from './text-pdf.ts';

/**
 * The PNG's pixels as the page's picture. PDF's Flate filter with PNG predictors reads a PNG's IDAT data
 * as it is, so only 8-bit RGB or grey PNGs without interlacing (what scanners write) are accepted.
 */
export function scannedPngPdf(pngPath: string): Buffer {
  const png = readFileSync(pngPath);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colour, , , interlace] = png.subarray(24, 29);
  const colours = colour === 2 ? 3 : colour === 0 ? 1 : 0;
  if (depth !== 8 || colours === 0 || interlace !== 0)
    throw new Error(`${pngPath}: not an 8-bit RGB or grey PNG`);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const size = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + size));
    at += 12 + size;
  }
  const data = Buffer.concat(idat);
  // Drawn at 72 dpi of a 200 dpi scan: an A4 page's size for a 1,650-pixel-wide scan.
  const [w, h] = [(width * 72) / 200, (height * 72) / 200];
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${colours === 3 ? 'DeviceRGB' : 'DeviceGray'} /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colours} /BitsPerComponent 8 /Columns ${width} >> /Length ${data.length} >>\nstream\n`,
      ),
      data,
      Buffer.from('\nendstream'),
    ]),
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}
