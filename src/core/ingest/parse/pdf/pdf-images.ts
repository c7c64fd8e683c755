// The scanned image on a PDF page, as PNG bytes for vision (a scan is one large picture per page).
import { extractImages, type getDocumentProxy } from 'unpdf';
import { encodePng } from './png-encode.ts';

/** Smaller pictures are logos and stamps, not a scanned page. */
const MIN_SIDE = 200;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** The page's largest picture as PNG, or undefined when the page has none worth reading. */
export async function pageImage(pdf: PdfDocument, pageNumber: number): Promise<Uint8Array | undefined> {
  const images = (await extractImages(pdf, pageNumber)).filter(
    (i) => i.width >= MIN_SIDE && i.height >= MIN_SIDE,
  );
  const largest = images.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  return largest && encodePng(largest.width, largest.height, largest.channels, largest.data);
}
