import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { otherPictureFormat } from '../../../../../src/core/ingest/parse/image/image.ts';
import { parseFile } from '../../../../../src/core/ingest/parse/parse-file.ts';
import type { VisionTableExtractor } from '../../../../../src/core/ingest/port.ts';
import { CORPUS, corpus } from '../../../../helpers/corpora.ts';
import { allRows, incoming } from '../fixtures.ts';

const flipkartPng = () => incoming(corpus('invoices/invoice2data/tests/compare/FlipkartInvoice.png'));
const receipt = corpus('receipts/softmatic_german_receipts/rossmann_27022020_01_00195.jpg');

describe('parseImage with offline OCR', CORPUS, () => {
  it('reads the item and amount of a photographed Flipkart bill, dated from its header', async () => {
    const tables = await parseFile(flipkartPng(), { category: 'purchases' });
    const rows = (await Promise.all(tables.map(allRows))).flat();
    const item = rows.find((r) => r.includes('319.00'));
    expect(item).toBeDefined();
    expect(item).toContain('20-10-2015');
  }, 60_000);
});

describe('parseImage with vision', CORPUS, () => {
  it('sends the photo as it is and takes the table back', async () => {
    const calls: Parameters<VisionTableExtractor>[0][] = [];
    const vision: VisionTableExtractor = async (input) => {
      calls.push(input);
      return {
        headers: ['Date', 'Item', 'Amount'],
        rows: [['27.02.2020', 'Zahnpasta', 1.95 as unknown as string]],
      };
    };
    const [table] = await parseFile(incoming(receipt), { category: 'expenses', vision });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.mimeType).toBe('image/jpeg');
    expect(Buffer.from(calls[0]!.bytes).equals(readFileSync(receipt))).toBe(true);
    // Numbers the model returns as JSON numbers become text like every other cell.
    expect(await allRows(table!)).toEqual([['27.02.2020', 'Zahnpasta', '1.95']]);
  });

  it('says so when the model finds no table', async () => {
    const vision: VisionTableExtractor = async () => ({ headers: [], rows: [] });
    await expect(parseFile(incoming(receipt), { category: 'expenses', vision })).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringMatching(
        /^No table could be read from the photo: photograph the whole bill flat, in focus/,
      ),
    });
  });

  it('refuses an answer of the wrong shape as a model failure', async () => {
    const vision = (async () => ({ table: 'none' })) as unknown as VisionTableExtractor;
    await expect(parseFile(incoming(receipt), { category: 'expenses', vision })).rejects.toMatchObject({
      code: 'llm.failed',
    });
  });
});

describe('pictures Titan does not read', () => {
  it.each([
    ['an iPhone HEIC', Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic')]), 'HEIC'],
    ['a HEIF', Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypmif1')]), 'HEIC'],
    ['a GIF', Buffer.from('GIF89a\x01\x00'), 'GIF'],
    ['a scanner TIFF', Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'TIFF'],
    ['a big-endian TIFF', Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), 'TIFF'],
  ])('knows %s by its first bytes', (_, head, format) => {
    expect(otherPictureFormat(head)).toBe(format);
  });

  it('leaves text, PNG and JPEG alone', () => {
    for (const head of ['Date,Item,Amount\n', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0'])
      expect(otherPictureFormat(Buffer.from(head, 'latin1'))).toBeUndefined();
  });
});
