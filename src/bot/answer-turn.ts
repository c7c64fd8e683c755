// One question's platform-neutral turn: the analyst under a time limit, the exchange in chat memory, the answer, then the cards of the tasks it created.
import type { Analyst, Audience } from '../core/analyst/port.ts';
import type { ThreadMemory } from '../core/chat/thread-memory.ts';
import type { Clock } from '../core/clock.ts';
import { TitanError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Answer } from '../core/model/answer.ts';
import type { Scope } from '../core/model/scope.ts';
import type { Task, TaskService } from '../core/tasks/port.ts';
import type { AskQueue } from './ask-queue.ts';
import { encodeFeedbackRef } from './feedback-ref.ts';
import type { StatusUpdates } from './status-updates.ts';

/** The core services a door answers with, and the limit it answers under. */
export interface AnswerTurnDeps {
  analyst: Analyst;
  tasks: TaskService;
  memory: ThreadMemory;
  clock: Clock;
  scope: Scope;
  /** Longest an answer may take before the thread is told it timed out. */
  answerTimeoutMs: number;
  /** Bounds how many analyst runs share the event loop at once; without one the analyst runs straight away. */
  queue?: AskQueue;
}

/** One question as the door read it. */
export interface Turn {
  question: string;
  userId: string;
  /** chat_memory key of the thread, and the origin of the tasks the answer creates. */
  threadId: string;
  audience: Audience;
  askedAt: Date;
  /** The question's logger (it names where the question was asked). */
  logger: Logger;
}

/** The platform's part of a turn: where progress shows, and how the answer and task cards are posted. */
export interface TurnDoor {
  status: StatusUpdates;
  /** Renders and posts the final answer; `feedbackRef` is set when the exchange was stored, for 👍/👎. */
  deliver(answer: Answer, feedbackRef: string | undefined): Promise<void>;
  /** Posts the card of a task this answer created, in the answer's thread. */
  postTask(task: Task): Promise<void>;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TitanError(
            'chat.failed',
            `No answer after ${Math.ceil(ms / 1000)} s, so I stopped. Try a narrower question, e.g. "revenue last 7 days".`,
            { detail: { reason: 'timeout' } },
          ),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the turn once the door shows its status; settles the status before anything final is posted.
 * Throws what went wrong: the door says it in its own words (and knows from `deliver` whether the answer went out).
 */
export async function answerTurn(
  deps: AnswerTurnDeps,
  turn: Turn,
  door: TurnDoor,
): Promise<{ answer: Answer; tasks: number }> {
  const { threadId } = turn;
  let answer: Answer;
  try {
    const request = {
      question: turn.question,
      scope: deps.scope,
      threadId,
      userId: turn.userId,
      audience: turn.audience,
    };
    const onStatus = (line: string) => door.status.update(line);
    const ask = () => deps.analyst.ask(request, onStatus);
    const work = deps.queue
      ? deps.queue.run(ask, (ahead) =>
          onStatus(`Queued behind ${ahead} other question${ahead === 1 ? '' : 's'}…`),
        )
      : ask();
    answer = await withTimeout(work, deps.answerTimeoutMs);
  } finally {
    await door.status.settle();
  }

  const turnId = await deps.memory
    .recordExchange({
      threadId,
      scope: deps.scope,
      userId: turn.userId,
      question: turn.question,
      askedAt: turn.askedAt,
      answer,
      answeredAt: deps.clock.now(),
    })
    .catch((err: unknown) => {
      turn.logger.warn({ err }, 'chat memory write failed; answering without feedback buttons');
      return undefined;
    });
  await door.deliver(answer, turnId ? encodeFeedbackRef({ turn: turnId, thread: threadId }) : undefined);

  // Exactly the tasks this answer queued, in the words it shows: a second question in the thread has its own.
  const created = await Promise.all((answer.taskIds ?? []).map((id) => deps.tasks.get(id)));
  const cards = created.filter((t): t is Task => t !== null);
  for (const task of cards) await door.postTask(task);
  return { answer, tasks: cards.length };
}
