import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../../../src/core/ingest/parse/parse-file.ts';
import { DEFAULT_ZIP_LIMITS } from '../../../../../src/core/ingest/parse/xlsx/zip-directory.ts';
import { buildZip, type ZipInput } from '../../zip-writer.ts';
import { declareSize, incoming, salesWorkbook, tempDir, xlsxParts } from '../fixtures.ts';

const tmp = tempDir();
let parts: ZipInput[] = [];
const SHEET = 'xl/worksheets/sheet1.xml';

beforeAll(async () => {
  const file = tmp.file('sales.xlsx', '');
  await salesWorkbook().xlsx.writeFile(file);
  parts = await xlsxParts(file);
});
afterAll(() => tmp.cleanup());

const withSheet = (change: Partial<ZipInput>): ZipInput[] =>
  parts.map((p) => (p.name === SHEET ? { ...p, ...change } : p));
const parse = (name: string, bytes: Uint8Array, limits = DEFAULT_ZIP_LIMITS) =>
  parseFile(incoming(tmp.file(name, bytes)), { category: 'sales', zipLimits: limits });

describe('the xlsx zip-bomb guard', () => {
  it('accepts the honest workbook it is compared against', async () => {
    await expect(parse('honest.xlsx', buildZip(parts))).resolves.toHaveLength(1);
  });

  it('refuses a workbook that declares a huge uncompressed size, before inflating anything', async () => {
    const bomb = declareSize(buildZip(parts), SHEET, 3 * 1024 ** 3);
    expect(bomb.length).toBeLessThan(50_000);
    await expect(parse('declared.xlsx', bomb)).rejects.toMatchObject({
      code: 'ingest.too_large',
      message: expect.stringMatching(/would expand to 3,072 MB \(limit 1,024 MB\).*zip bomb/),
    });
  });

  it('refuses an entry that compresses too well to be a real sheet', async () => {
    const zeros = Buffer.alloc(8 * 1024 ** 2);
    await expect(parse('ratio.xlsx', buildZip(withSheet({ data: zeros })))).rejects.toMatchObject({
      code: 'ingest.too_large',
      message: expect.stringContaining(`"${SHEET}" would expand`),
    });
  });

  it('refuses an entry that inflates past the size it declares (a lying header)', async () => {
    const sheet = parts.find((p) => p.name === SHEET)!;
    const liar = declareSize(buildZip(parts), SHEET, Math.floor(sheet.data.length / 4));
    await expect(parse('liar.xlsx', liar)).rejects.toMatchObject({
      code: 'ingest.too_large',
      message: expect.stringContaining('expands beyond the size it declares'),
    });
  });

  it('refuses an archive with more entries than allowed', async () => {
    await expect(
      parse('entries.xlsx', buildZip(parts), { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 }),
    ).rejects.toMatchObject({
      code: 'ingest.too_large',
      message: expect.stringMatching(/holds \d+ files \(limit 3\)/),
    });
  });

  it('refuses bytes hidden between entries, which a streaming unzip would read', async () => {
    const honest = buildZip(parts);
    const firstEnd = 30 + parts[0]!.name.length;
    const smuggled = Buffer.concat([
      honest.subarray(0, firstEnd + 1),
      Buffer.from('PK\u0003\u0004 hidden'),
      honest.subarray(firstEnd + 1),
    ]);
    await expect(parse('smuggled.xlsx', smuggled)).rejects.toMatchObject({ code: 'ingest.unreadable' });
  });

  it('says a truncated workbook is incomplete', async () => {
    const whole = readFileSync(tmp.file('whole.xlsx', buildZip(parts)));
    await expect(
      parse('truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2))),
    ).rejects.toMatchObject({
      code: 'ingest.unreadable',
      message: expect.stringContaining('damaged or incomplete'),
    });
  });
});
