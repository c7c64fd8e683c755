// The LLM step of ingest mapping: headers + at most 50 sample rows → canonical column → source header.

import { z } from 'zod';
import type { LlmSchemaMapper } from '../ingest/port.ts';
import { capSample } from '../ingest/sample-cap.ts';
import { CANONICAL_COLUMNS } from '../warehouse/tables.ts';
import { DATA_RULE, dataBlock } from './data-block.ts';
import { generateJson } from './json-reply.ts';
import type { Llm } from './port.ts';
import { SchemaType } from './schema-type.ts';

/** Long cells (notes, addresses) add tokens without helping to recognise a column. */
const MAX_CELL_CHARS = 80;

const SYSTEM = [
  'You are the column-mapping step of Titan, a finance assistant for restaurants.',
  'Given the headers and sample rows of a spreadsheet, decide which source column holds each canonical column.',
  'Headers may be English or Hinglish and abbreviated ("Bill Dt", "Particulars", "Amt (Rs)").',
  'Answer null for a canonical column no source column holds; never use one source column twice.',
  'confidence is 0..1: how sure you are that the whole mapping is right.',
  DATA_RULE,
].join('\n');

export interface LlmSchemaMapperOptions {
  llm: Llm;
  /** Org whose file is mapped, for the cost log. */
  orgId?: string;
}

export function createLlmSchemaMapper(options: LlmSchemaMapperOptions): LlmSchemaMapper {
  return async ({ category, headers, sample }) => {
    const columns = CANONICAL_COLUMNS[category];
    const rows = capSample(sample).map((row) => row.map((c) => c.slice(0, MAX_CELL_CHARS)));
    const choices = [...new Set(headers.filter((h) => h.trim() !== ''))];
    if (choices.length === 0) return { mapping: {}, confidence: 0 };
    const header = z.enum(choices as [string, ...string[]]).nullable();
    const reply = z.object({
      mapping: z.object(Object.fromEntries(columns.map((c) => [c.name, header.optional()]))).refine((m) => {
        const used = Object.values(m).filter((v) => typeof v === 'string');
        return new Set(used).size === used.length;
      }, 'a source column used twice'),
      confidence: z.number().min(0).max(1),
    });
    const parsed = await generateJson(options.llm, {
      purpose: 'mapping',
      orgId: options.orgId,
      systemInstruction: SYSTEM,
      parts: [
        {
          text: `Map this ${category} file.\n${dataBlock({
            category,
            canonicalColumns: columns.map((c) => ({ name: c.name, type: c.type, required: c.required })),
            headers,
            sampleRows: rows,
          })}`,
        },
      ],
      responseSchema: {
        type: SchemaType.OBJECT,
        properties: {
          mapping: {
            type: SchemaType.OBJECT,
            properties: Object.fromEntries(
              columns.map((c) => [c.name, { type: SchemaType.STRING, nullable: true, enum: choices }]),
            ),
          },
          confidence: { type: SchemaType.NUMBER },
        },
        required: ['mapping', 'confidence'],
      },
      reply,
      what: 'column mapping',
    });
    const mapping: Record<string, string | null> = {};
    for (const c of columns)
      mapping[c.name] = (parsed.mapping as Record<string, string | null | undefined>)[c.name] ?? null;
    return { mapping, confidence: parsed.confidence };
  };
}
