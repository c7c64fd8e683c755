// The Llm port: one generate call with purpose, tools and JSON mode; cost and budget handled behind it.
import type { Content, FunctionDeclaration, Schema } from '@google/genai';

/** Why the model was called; each purpose is a row kind in system_cost_log. */
export type LlmPurpose = 'chat' | 'mapping' | 'vision';

/** What /health shows for the LLM. */
export type LlmState = 'ready' | 'not configured';

export interface LlmRequest {
  purpose: LlmPurpose;
  /** Org the call is made for (system_cost_log.org_id); absent for system work. */
  orgId?: string;
  /** Titan's own instructions. Anything that came from a file, a user or a tool goes in `contents`. */
  systemInstruction: string;
  contents: Content[];
  /** Read-only functions the model may ask for. */
  tools?: FunctionDeclaration[];
  /** JSON mode: the reply must be JSON matching this schema (validate it with zod all the same). */
  responseSchema?: Schema;
  temperature?: number;
}

export interface LlmFunctionCall {
  id?: string;
  name: string;
  args: Record<string, unknown>;
}

export interface LlmUsage {
  tokensIn: number;
  tokensOut: number;
  costInr: number;
}

export interface LlmResponse {
  /** The text parts joined (thought parts left out). */
  text: string;
  functionCalls: LlmFunctionCall[];
  /** The model's turn as received, to append to the conversation before answering its function calls. */
  content: Content;
  usage: LlmUsage;
  model: string;
}

export interface Llm {
  /** "ready" when a key is set and Gemini has not rejected it; read at call time, so a PATCHed key counts at once. */
  ready(): LlmState;
  /**
   * One model call, retried on 429/5xx. Throws TitanError: `llm.not_configured` (no key),
   * `llm.key_invalid` (key rejected), `llm.budget_exceeded` (monthly cap reached), `llm.failed`.
   */
  generate(request: LlmRequest): Promise<LlmResponse>;
}
