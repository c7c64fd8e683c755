// Gemini vision for scanned PDFs and photos of bills: the page's table as headers + string rows.

import { z } from 'zod';
import { TitanError } from '../errors.ts';
import type { VisionTableExtractor } from '../ingest/port.ts';
import { CANONICAL_COLUMNS } from '../warehouse/tables.ts';
import { DATA_RULE, dataBlock } from './data-block.ts';
import { generateJson } from './json-reply.ts';
import type { Llm } from './port.ts';
import { SchemaType } from './schema-type.ts';

/** Inline request data is limited to 20 MB by Gemini; base64 grows bytes by a third. */
export const MAX_VISION_BYTES = 14 * 1024 * 1024;

const VISION_MIME_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/heic',
  'image/heif',
]);

const SYSTEM = [
  'You are the table-reading step of Titan, a finance assistant for restaurants.',
  'Transcribe the main table in the attached scan or photo exactly as printed or written: the header row,',
  'then one array per data row with one string per column, cells in the same order as the headers.',
  'Copy numbers and dates digit for digit; never compute, total, correct or invent a value.',
  'Leave out totals, subtotals and blank rows. Use "" for an empty or unreadable cell.',
  'If there is no table, answer {"headers": [], "rows": []}.',
  DATA_RULE,
].join('\n');

const reply = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

export interface VisionExtractorOptions {
  llm: Llm;
  orgId?: string;
}

export function createVisionTableExtractor(options: VisionExtractorOptions): VisionTableExtractor {
  return async ({ category, bytes, mimeType }) => {
    if (!VISION_MIME_TYPES.has(mimeType)) {
      throw new TitanError(
        'ingest.unreadable',
        `Gemini cannot read ${mimeType} files; send a PDF, PNG, JPEG or WebP.`,
      );
    }
    if (bytes.byteLength > MAX_VISION_BYTES) {
      throw new TitanError(
        'ingest.too_large',
        `The scan is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; Gemini reads at most ${MAX_VISION_BYTES / 1024 / 1024} MB inline. Split or compress it.`,
      );
    }
    const table = await generateJson(options.llm, {
      purpose: 'vision',
      orgId: options.orgId,
      systemInstruction: SYSTEM,
      parts: [
        {
          text: `Read the ${category} table in this file. Columns Titan will look for:\n${dataBlock(
            CANONICAL_COLUMNS[category].map((c) => c.name),
          )}`,
        },
        { inlineData: { mimeType, data: Buffer.from(bytes).toString('base64') } },
      ],
      responseSchema: {
        type: SchemaType.OBJECT,
        properties: {
          headers: { type: SchemaType.ARRAY, items: { type: SchemaType.STRING } },
          rows: {
            type: SchemaType.ARRAY,
            items: { type: SchemaType.ARRAY, items: { type: SchemaType.STRING } },
          },
        },
        required: ['headers', 'rows'],
      },
      reply,
      what: 'table transcription',
    });
    const width = table.headers.length;
    if (table.rows.some((row) => row.length > width)) {
      throw new TitanError(
        'llm.failed',
        "Gemini's table transcription has rows wider than its header; Titan cannot trust its columns.",
      );
    }
    // A short row is a row whose trailing cells were blank on the page.
    return {
      headers: table.headers,
      rows: table.rows.map((row) => [...row, ...Array(width - row.length).fill('')]),
    };
  };
}
