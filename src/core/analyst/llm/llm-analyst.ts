// The Analyst with Gemini's words: offline facts first, then the model (query_data and read-only tools), then the grounding check.
import type { Content, Part } from '@google/genai';
import { type Clock, systemClock } from '../../clock.ts';
import { TitanError, toTitanError } from '../../errors.ts';
import type { Llm, LlmResponse } from '../../llm/port.ts';
import type { Logger } from '../../logger.ts';
import type { Answer, Fact } from '../../model/answer.ts';
import type { Scope } from '../../model/scope.ts';
import { createSemanticExecutor, type SemanticExecutor } from '../../semantic/execute.ts';
import type { Warehouse } from '../../warehouse/port.ts';
import type { Metric } from '../metric.ts';
import type { Analyst, AskRequest, Audience, StatusListener } from '../port.ts';
import { checkGrounding, extractNumbers, numbersIn } from './grounding.ts';
import { wordingFromText } from './llm-wording.ts';
import { createMetricTools } from './metric-tools.ts';
import { contextMessage, PERSONA, type ThreadTurn } from './persona.ts';
import { createQueryTool, type QueryToolOptions } from './query-tool.ts';
import { createSqlTool, type SqlToolOptions } from './sql-tool.ts';
import type { AnalystTool, ToolContext } from './tool.ts';

/** The last turns of a thread, oldest first (chat_memory). */
export interface ThreadMemoryReader {
  recent(threadId: string, limit: number): Promise<ThreadTurn[]>;
}

export interface LlmAnalystOptions {
  offline: Analyst;
  llm: Llm;
  metrics: readonly Metric[];
  warehouse: Warehouse;
  logger: Logger;
  memory?: ThreadMemoryReader;
  clock?: Clock;
  /** TITAN_TZ, for reading deadlines in [TASK:] lines. */
  timeZone?: string;
  /** DAILY_REVENUE_TARGET in ₹, read when a metric tool runs. */
  dailyRevenueTarget?: () => number | undefined;
  /** Model turns that may call tools before it must answer in words. */
  maxToolRounds?: number;
  /** Runs query_data; by default an executor over `warehouse`. */
  semantic?: SemanticExecutor;
  query?: QueryToolOptions;
  sql?: SqlToolOptions;
}

const MEMORY_TURNS = 10;
/**
 * Answers that are lists or static text (rewording adds cost and can lose a task id), and honest declines: a
 * model given a question Titan declined could answer a different one, which is worse than "I can't".
 */
const VERBATIM_INTENTS = new Set(['help', 'open-tasks', 'declined']);

interface Narration {
  question: string;
  scope: Scope;
  audience: Audience;
  threadId?: string;
  onStatus?: StatusListener;
}

/** Why an LLM answer was set aside, as the owner reads it under the offline answer. */
function fallbackNote(err: TitanError): string {
  switch (err.code) {
    case 'llm.ungrounded':
      // The rejected figures go to the log, never the thread: an owner must not read a number Titan refused.
      return "Gemini's wording was set aside: it cited figures not in your data; Titan's own analysis is shown.";
    case 'llm.budget_exceeded':
      return 'Answered offline: this month’s Gemini budget (LLM_MONTHLY_BUDGET_INR) is spent.';
    case 'llm.key_invalid':
      return 'Answered offline: Gemini rejected GEMINI_API_KEY; set a valid key with PATCH /config.';
    default:
      return 'Answered offline: Gemini was unavailable for this answer.';
  }
}

/** One fact per id and period: a second query_data call for the same figure adds nothing. */
function uniqueFacts(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.id}|${f.period.from}..${f.period.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function createLlmAnalyst(options: LlmAnalystOptions): Analyst {
  const { offline, llm, warehouse, logger } = options;
  const clock = options.clock ?? systemClock;
  const tz = options.timeZone ?? 'Asia/Kolkata';
  const maxRounds = options.maxToolRounds ?? 4;
  // query_data first: the model's main tool; the analyses and run_sql are for what one query cannot say.
  const tools: AnalystTool[] = [
    createQueryTool(options.semantic ?? createSemanticExecutor({ warehouse }), options.query),
    ...createMetricTools({
      metrics: options.metrics,
      ...(options.dailyRevenueTarget ? { dailyRevenueTarget: options.dailyRevenueTarget } : {}),
    }),
    createSqlTool(warehouse.dialect.name, options.sql),
  ];
  const byName = new Map(tools.map((t) => [t.declaration.name, t]));

  async function narrate(base: Answer, n: Narration): Promise<Answer> {
    const cost = { inr: 0, calls: 0 };
    const known: number[] = [
      ...base.facts.map((f) => f.value),
      ...base.findings.map((f) => f.impactPerWeek),
      ...extractNumbers(`${n.question}\n${base.sources.period.label}`).flatMap((m) =>
        m.readings.map((r) => r.value),
      ),
    ];
    const toolFacts: Fact[] = [];
    const toolNotes: string[] = [];
    try {
      const memory =
        n.threadId && options.memory ? await options.memory.recent(n.threadId, MEMORY_TURNS) : [];
      const contents: Content[] = [
        {
          role: 'user',
          parts: [
            { text: contextMessage({ question: n.question, offline: base, memory, audience: n.audience }) },
          ],
        },
      ];
      const ctx: ToolContext = {
        warehouse,
        scope: n.scope,
        period: base.sources.period,
        audience: n.audience,
      };
      if (n.onStatus) ctx.onStatus = n.onStatus;
      n.onStatus?.('Writing it up with Gemini…');
      let reply: LlmResponse | undefined;
      for (let round = 1; round <= maxRounds; round++) {
        // The last round offers no tools, so the model has to answer in words.
        const offer = round < maxRounds ? tools.map((t) => t.declaration) : [];
        reply = await llm.generate({
          purpose: 'chat',
          orgId: n.scope.orgId,
          systemInstruction: PERSONA,
          contents,
          tools: offer,
          temperature: 0.2,
        });
        cost.inr += reply.usage.costInr;
        cost.calls += 1;
        if (reply.functionCalls.length === 0 || offer.length === 0) break;
        contents.push(reply.content);
        const parts: Part[] = [];
        for (const call of reply.functionCalls) {
          const tool = byName.get(call.name);
          const outcome = tool
            ? await tool.run(call.args, ctx)
            : { response: { error: `no tool named ${call.name}` }, facts: [] };
          known.push(...numbersIn(outcome.response));
          toolFacts.push(...outcome.facts);
          toolNotes.push(...(outcome.notes ?? []));
          parts.push({
            functionResponse: {
              name: call.name,
              ...(call.id ? { id: call.id } : {}),
              response: outcome.response,
            },
          });
        }
        contents.push({ role: 'user', parts });
      }
      const wording = wordingFromText(reply?.text ?? '', base, clock.now(), tz);
      if (!wording.headline) throw new TitanError('llm.failed', 'Gemini answered without any words.');
      if (wording.droppedTasks.length) {
        logger.warn({ dropped: wording.droppedTasks }, 'llm [TASK:] lines without a finding dropped');
      }
      const shown = [wording.headline, ...wording.details].join('\n');
      const grounding = checkGrounding(shown, known);
      if (!grounding.ok) {
        const figures = grounding.unsupported.map((u) => u.text);
        logger.warn(
          { question: n.question, figures, text: shown },
          'llm answer rejected: ungrounded figures',
        );
        throw new TitanError(
          'llm.ungrounded',
          `Gemini cited figures not in the data: ${figures.join(', ')}`,
          {
            detail: { figures: figures.join(', ') },
          },
        );
      }
      const facts = uniqueFacts([...base.facts, ...toolFacts]);
      return {
        ...base,
        headline: wording.headline,
        rootCause: wording.rootCause || base.rootCause,
        // The model's lines are the answer's text; findings stay behind it as tasks and facts.
        findings: [],
        details: wording.details,
        actions: wording.actions,
        tasks: wording.tasks,
        facts,
        notes: [...new Set([...base.notes, ...toolNotes])],
        path: 'llm',
        cost,
      };
    } catch (err) {
      const error = toTitanError(err, 'llm.failed');
      if (error.code !== 'llm.ungrounded')
        logger.warn({ code: error.code, message: error.message }, 'llm path failed; answering offline');
      return {
        ...base,
        path: 'offline',
        notes: [...base.notes, fallbackNote(error)],
        ...(cost.calls ? { cost } : {}),
      };
    }
  }

  const ready = (): boolean => llm.ready() === 'ready';

  return {
    async ask(request: AskRequest, onStatus?: StatusListener): Promise<Answer> {
      const base = await offline.ask(request, onStatus);
      if (!ready() || VERBATIM_INTENTS.has(base.intent)) return base;
      return narrate(base, {
        question: request.question,
        scope: request.scope,
        // The same default as the offline analyst, whose facts (staff-level or not) the model is shown.
        audience: request.audience ?? 'private',
        ...(request.threadId ? { threadId: request.threadId } : {}),
        ...(onStatus ? { onStatus } : {}),
      });
    },
    async dailyBrief(scope: Scope, onStatus?: StatusListener): Promise<Answer> {
      const base = await offline.dailyBrief(scope, onStatus);
      if (!ready()) return base;
      return narrate(base, {
        question:
          'Write the morning brief: the biggest leaks in ₹ per week, yesterday against target, overdue tasks.',
        scope,
        audience: 'public',
        ...(onStatus ? { onStatus } : {}),
      });
    },
  };
}
