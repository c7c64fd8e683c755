// What every chat door (Slack, Teams) is built from: the live config, the core services and the answer limit.
import type { Analyst } from '../core/analyst/port.ts';
import { createThreadMemory } from '../core/chat/thread-memory.ts';
import type { Clock } from '../core/clock.ts';
import type { ConfigValues } from '../core/config/schema.ts';
import type { Logger } from '../core/logger.ts';
import { DEFAULT_SCOPE, type Scope } from '../core/model/scope.ts';
import type { TaskService } from '../core/tasks/port.ts';
import { answerConcurrencyFor } from '../core/titan.ts';
import type { Warehouse } from '../core/warehouse/port.ts';
import type { AnswerTurnDeps } from './answer-turn.ts';
import { type AskQueue, createAskQueue } from './ask-queue.ts';

export interface ChatDoorDeps {
  /** Read on every request, so PATCHed keys, owners and allowlists apply without a restart. */
  getConfig: () => ConfigValues;
  analyst: Analyst;
  tasks: TaskService;
  warehouse: Warehouse;
  logger: Logger;
  clock: Clock;
  /** Whose numbers the door answers about; DEFAULT_SCOPE unless set. */
  scope?: Scope;
  /** Longest an answer may take before the thread is told it timed out; 2 minutes unless set. */
  answerTimeoutMs?: number;
  /** Analyst runs shared by every door; a door without one makes its own (see defaultAskQueue). */
  queue?: AskQueue;
}

/**
 * Analyst runs at once for a door built alone (tests, one adapter), whose warehouse is read in-process; the served
 * doors share a queue sized by the core (Titan.answerConcurrency).
 */
export const defaultAskQueue = (warehouse: Warehouse): AskQueue =>
  createAskQueue(answerConcurrencyFor(warehouse.kind));

/** The answer-turn deps of a door: its defaults applied, chat memory kept in its warehouse. */
export function answerTurnDeps(deps: ChatDoorDeps): AnswerTurnDeps {
  return {
    analyst: deps.analyst,
    tasks: deps.tasks,
    memory: createThreadMemory({ warehouse: deps.warehouse }),
    clock: deps.clock,
    scope: deps.scope ?? DEFAULT_SCOPE,
    answerTimeoutMs: deps.answerTimeoutMs ?? 120_000,
    ...(deps.queue ? { queue: deps.queue } : {}),
  };
}
