// A zod schema's JSON Schema → the subset Gemini function declarations read: type, properties, required, enum, items, description.
import type { Schema, Type } from '@google/genai';
import type { z } from 'zod';
import { TitanError } from '../../errors.ts';
import { SchemaType } from '../../llm/schema-type.ts';

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** Extra descriptions by property path ("period.from", "filters.values"); array items and union branches add no step. */
export type SchemaDescriptions = Readonly<Record<string, string>>;

const TYPES: Record<string, Type> = {
  string: SchemaType.STRING,
  number: SchemaType.NUMBER,
  integer: SchemaType.INTEGER,
  boolean: SchemaType.BOOLEAN,
  array: SchemaType.ARRAY,
  object: SchemaType.OBJECT,
};

const unsupported = (path: string, why: string): never => {
  throw new TitanError('internal', `Cannot declare ${path || 'the schema'} to Gemini: ${why}.`);
};

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Bounds and formats Gemini's subset has no field for, said in words (validation stays with zod). */
function hints(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.format === 'date') out.push('YYYY-MM-DD');
  const range = (min: number | undefined, max: number | undefined, what: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min} to ${max}${what}`);
    else if (max !== undefined) out.push(`at most ${max}${what}`);
    else if (min !== undefined && min > 0) out.push(`at least ${min}${what}`);
  };
  if (s.type === 'array') range(s.minItems, s.maxItems, ' items');
  if (s.type === 'integer' || s.type === 'number') range(s.minimum, s.maximum, '');
  return out;
}

function unionEnums(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  return a && b ? [...new Set([...a, ...b])] : undefined;
}

/** Two schemas of one property across union branches: same type, enums joined, objects merged. */
function mergeSchemas(a: Schema, b: Schema, path: string): Schema {
  if (a.type !== b.type) unsupported(path, `branches disagree on its type (${a.type}, ${b.type})`);
  const merged: Schema = { ...a };
  const values = unionEnums(a.enum, b.enum);
  if (values) merged.enum = values;
  else delete merged.enum;
  if (a.properties || b.properties) {
    const properties: Record<string, Schema> = { ...a.properties };
    for (const [key, s] of Object.entries(b.properties ?? {})) {
      const seen = properties[key];
      properties[key] = seen ? mergeSchemas(seen, s, join(path, key)) : s;
    }
    merged.properties = properties;
    // A property is required of the flattened object only when every branch requires it.
    const required = (a.required ?? []).filter((k) => (b.required ?? []).includes(k));
    if (required.length) merged.required = required;
    else delete merged.required;
  }
  if (a.items && b.items) merged.items = mergeSchemas(a.items, b.items, path);
  const words = [...new Set([a.description, b.description].filter(Boolean))];
  if (words.length) merged.description = words.join(' ');
  return merged;
}

/** `own`: whether descriptions[path] belongs here (a union's branches leave it to the union). */
function convert(s: JsonSchema, path: string, descriptions: SchemaDescriptions, own = true): Schema {
  if (s.$ref || s.allOf || s.not) unsupported(path, '$ref, allOf and not have no equivalent');
  const branches = s.oneOf ?? s.anyOf;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== 'null');
    const flat = nonNull
      .map((b) => convert(b, path, descriptions, false))
      .reduce((a, b) => mergeSchemas(a, b, path));
    if (nonNull.length < branches.length) flat.nullable = true;
    return describe(flat, s, own ? descriptions[path] : undefined);
  }
  const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t) => t !== 'null');
  const [type] = types;
  if (types.length !== 1 || !type || !TYPES[type]) unsupported(path, `type ${JSON.stringify(s.type)}`);
  const out: Schema = { type: TYPES[type!]! };
  if (Array.isArray(s.type) && s.type.includes('null')) out.nullable = true;
  const values = s.enum ?? (s.const === undefined ? undefined : [s.const]);
  if (values) out.enum = values.filter((v) => v !== null).map(String);
  if (type === 'array') {
    if (!isSchema(s.items)) unsupported(path, 'an array needs one items schema');
    out.items = convert(s.items as JsonSchema, path, descriptions, false);
  }
  if (type === 'object') {
    out.properties = Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([key, p]) => {
        const at = join(path, key);
        if (!isSchema(p)) unsupported(at, 'a boolean schema');
        return [key, convert(p as JsonSchema, at, descriptions)];
      }),
    );
    if (s.required?.length) out.required = [...s.required];
  }
  return describe(out, s, own ? descriptions[path] : undefined);
}

function describe(out: Schema, s: JsonSchema, extra: string | undefined): Schema {
  const words = [out.description ?? s.description, extra, ...hints(s)].filter(Boolean);
  if (words.length) out.description = words.join(' ');
  return out;
}

/**
 * Converts a JSON Schema (from `z.toJSONSchema`) to Gemini's Schema: unions are flattened into one object
 * (properties merged, enums joined, required only where every branch requires it), bounds and formats become
 * words. Throws at construction on anything with no equivalent; the arguments are validated by zod all the same.
 */
export function toGeminiSchema(schema: JsonSchema, descriptions: SchemaDescriptions = {}): Schema {
  return convert(schema, '', descriptions);
}
