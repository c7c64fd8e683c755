// JSON Schema → Gemini's schema subset: unions flattened, nullables kept, bounds in words, the unsayable refused.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toGeminiSchema } from '../../../../src/core/analyst/llm/gemini-schema.ts';

const convert = (schema: z.ZodType, descriptions = {}) =>
  toGeminiSchema(z.toJSONSchema(schema, { io: 'input' }), descriptions);

describe('toGeminiSchema', () => {
  it('flattens a discriminated union into one object: kinds joined, required only where every branch has it', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('previous') }),
      z.object({ kind: z.literal('period'), period: z.object({ from: z.iso.date() }) }),
    ]);
    expect(convert(schema, { kind: 'How to compare.' })).toEqual({
      type: 'OBJECT',
      properties: {
        kind: { type: 'STRING', enum: ['previous', 'period'], description: 'How to compare.' },
        period: {
          type: 'OBJECT',
          properties: { from: { type: 'STRING', description: 'YYYY-MM-DD' } },
          required: ['from'],
        },
      },
      required: ['kind'],
    });
  });

  it('keeps a nullable as nullable, and says bounds Gemini has no field for in words', () => {
    const schema = z.object({
      note: z.string().nullable(),
      tags: z.array(z.string()).min(1).max(6),
      limit: z.number().int().min(1).max(100).optional(),
    });
    expect(convert(schema)).toEqual({
      type: 'OBJECT',
      properties: {
        note: { type: 'STRING', nullable: true },
        tags: { type: 'ARRAY', items: { type: 'STRING' }, description: '1 to 6 items' },
        limit: { type: 'INTEGER', description: '1 to 100' },
      },
      required: ['note', 'tags'],
    });
  });

  it('refuses at construction what the subset cannot say', () => {
    const node: z.ZodType = z.lazy(() => z.object({ child: node.optional() }));
    expect(() => convert(z.object({ tree: node }))).toThrow(/Cannot declare/);
    expect(() => convert(z.union([z.string(), z.number()]))).toThrow(/Cannot declare/);
    const clash = z.union([z.object({ a: z.string() }), z.object({ a: z.number() })]);
    expect(() => convert(clash)).toThrow(
      'Cannot declare a to Gemini: branches disagree on its type (STRING, NUMBER).',
    );
  });
});
