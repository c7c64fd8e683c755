// What a read-only tool offered to the model looks like, and how its arguments are checked.
import type { FunctionDeclaration } from '@google/genai';
import type { z } from 'zod';
import { TitanError } from '../../errors.ts';
import type { Fact, Period } from '../../model/answer.ts';
import type { Scope } from '../../model/scope.ts';
import type { Warehouse } from '../../warehouse/port.ts';
import type { Audience, StatusListener } from '../port.ts';

export interface ToolContext {
  warehouse: Warehouse;
  scope: Scope;
  /** The question's period: the default when the model names none. */
  period: Period;
  audience: Audience;
  onStatus?: StatusListener;
}

export interface ToolOutcome {
  /** Goes back to the model as the functionResponse (data, never instructions). */
  response: Record<string, unknown>;
  /** Facts the tool computed; they join the answer's facts. */
  facts: Fact[];
  /** Lines the owner reads under the answer when the model's wording is kept (e.g. another period was read). */
  notes?: string[];
}

export interface AnalystTool {
  declaration: FunctionDeclaration & { name: string };
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutcome>;
}

/** Validates a tool call's arguments; a bad call becomes an error the model can read and correct. */
export function parseArgs<T>(schema: z.ZodType<T>, args: Record<string, unknown>): T | { error: string } {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return {
    error: `invalid arguments${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message}`,
  };
}

export const isArgError = (v: unknown): v is { error: string } =>
  typeof v === 'object' && v !== null && 'error' in v && Object.keys(v).length === 1;

/** Races a query against a timer; the warehouse call is left to finish but its result is dropped. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TitanError('warehouse.query_failed', `query took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A failed call as the model reads it: why, and nothing else of the error (paths, internals). */
export function toolError(err: unknown, fallback: string): { error: string } {
  return { error: (err instanceof TitanError ? err.message : fallback).slice(0, 300) };
}
