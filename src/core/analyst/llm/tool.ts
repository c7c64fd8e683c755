// What a read-only tool offered to the model looks like, and how its arguments are checked.
import type { FunctionDeclaration } from '@google/genai';
import type { z } from 'zod';
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
