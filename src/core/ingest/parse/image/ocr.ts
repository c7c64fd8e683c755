// Offline OCR of a photo with tesseract.js and the English model shipped in @tesseract.js-data/eng: words with positions.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextItem } from '../text/text-lines.ts';

export interface OcrOptions {
  /** Directory holding eng.traineddata.gz; defaults to the one inside node_modules/@tesseract.js-data/eng. */
  langPath?: string;
}

/** Words read with less confidence than this (0–100) are noise: smudges, folds, logos. */
const MIN_CONFIDENCE = 10;

function defaultLangPath(): string {
  const pkg = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json');
  return join(dirname(pkg), '4.0.0_best_int');
}

/** Reads the words of an image with their boxes; a fresh worker per image, always terminated. */
export async function ocrWords(image: string | Uint8Array, options: OcrOptions = {}): Promise<TextItem[]> {
  // Loaded when a photo or scan is first read: no other command pays for the OCR engine's start-up.
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: options.langPath ?? defaultLangPath(),
    gzip: true,
    // Never writes a cache or fetches a model: the data ships with the package.
    cacheMethod: 'none',
  });
  try {
    const { data } = await worker.recognize(
      typeof image === 'string' ? image : Buffer.from(image),
      {},
      { blocks: true },
    );
    const words = (data.blocks ?? [])
      .flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)))
      .filter((w) => w.confidence >= MIN_CONFIDENCE && w.text.trim() !== '');
    // Word boxes swell with specks and smudges; one page-wide height (that of a word with capitals or
    // ascenders, the upper quartile) keeps rows apart and words of a cell together.
    const heights = words.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b);
    const height = heights[Math.floor(heights.length * 0.75)] ?? 1;
    return words.map((w) => ({
      text: w.text,
      x: w.bbox.x0,
      y: (w.bbox.y0 + w.bbox.y1) / 2 - height / 2,
      width: w.bbox.x1 - w.bbox.x0,
      height,
    }));
  } finally {
    await worker.terminate();
  }
}
