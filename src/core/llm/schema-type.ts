// Gemini's schema type names as values, so declaring a tool or a reply schema never loads @google/genai (its import
// is a fifth of a one-shot `titan ask`); typed as the library's enum members, so a rename there fails the build.
import type { Type } from '@google/genai';

export const SchemaType = {
  STRING: 'STRING' as Type.STRING,
  NUMBER: 'NUMBER' as Type.NUMBER,
  INTEGER: 'INTEGER' as Type.INTEGER,
  BOOLEAN: 'BOOLEAN' as Type.BOOLEAN,
  ARRAY: 'ARRAY' as Type.ARRAY,
  OBJECT: 'OBJECT' as Type.OBJECT,
} as const;
