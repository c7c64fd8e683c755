// One question in Teams, start to finish: access, typing, a status card edited in place, the analyst, one final answer card, task cards.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Analyst } from '../../core/analyst/port.ts';
import type { Clock } from '../../core/clock.ts';
import type { ConfigValues } from '../../core/config/schema.ts';
import { TitanError, toTitanError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { Scope } from '../../core/model/scope.ts';
import type { TaskService } from '../../core/tasks/port.ts';
import type { ThreadMemory } from '../thread-memory.ts';
import { displayName, type InboundActivity, threadKey, userIds, venueOf } from './activity.ts';
import { answerMessage, cardMessage } from './answer-message.ts';
import { encodeFeedbackRef } from './card-press.ts';
import type { RenderChart } from './chart-image.ts';
import type { TeamsConversation } from './connector.ts';
import { renderFailureCard, renderStatusCard } from './status-card.ts';
import { createStatusUpdates } from './status-updates.ts';
import { renderTaskCard } from './task-card.ts';
import { teamsAccess } from './teams-access.ts';
import { failureLine } from './teams-errors.ts';

export interface AnswerDeps {
  getConfig: () => ConfigValues;
  analyst: Analyst;
  tasks: TaskService;
  memory: ThreadMemory;
  logger: Logger;
  clock: Clock;
  scope: Scope;
  answerTimeoutMs: number;
  renderChart: RenderChart;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timer = new AbortController();
  const expired = sleep(ms, undefined, { signal: timer.signal }).then(() => {
    throw new TitanError(
      'chat.failed',
      `No answer after ${Math.round(ms / 1000)} s, so I stopped. Try a narrower question, e.g. "revenue last 7 days".`,
      { detail: { reason: 'timeout' } },
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    timer.abort();
    expired.catch(() => undefined);
  }
}

async function taskIdsOfThread(deps: AnswerDeps, threadId: string): Promise<Set<string>> {
  const tasks = await deps.tasks.list({ scope: deps.scope });
  return new Set(tasks.filter((t) => t.threadRef === threadId).map((t) => t.taskId));
}

export async function answerInTeams(
  deps: AnswerDeps,
  activity: InboundActivity,
  conversation: TeamsConversation,
  question: string,
): Promise<void> {
  const log = deps.logger.child({ conversation: activity.conversation.id });
  const access = teamsAccess(deps.getConfig());
  if (!access.canAsk(activity.from)) {
    await conversation.post({ type: 'message', text: access.policy.refusal('ask') });
    return;
  }
  await conversation
    .post({ type: 'typing' })
    .catch((err: unknown) => log.warn({ err }, 'teams typing failed'));

  const askedAt = deps.clock.now();
  const threadId = threadKey(activity);
  const userId = userIds(activity.from)[0]!;
  let statusId: string | undefined;
  let delivered = false;
  try {
    statusId = await conversation.post(cardMessage(renderStatusCard('Working on it…')));
    const placeholder = statusId;
    const status = createStatusUpdates(
      (line) => conversation.update(placeholder, cardMessage(renderStatusCard(line))),
      log,
    );
    const before = await taskIdsOfThread(deps, threadId);
    const audience = access.policy.audienceFor(venueOf(activity));
    const answer = await withTimeout(
      deps.analyst.ask({ question, scope: deps.scope, threadId, userId, audience }, (line) =>
        status.push(line),
      ),
      deps.answerTimeoutMs,
    ).finally(() => status.close());

    const turnId = await deps.memory
      .recordExchange({
        threadId,
        scope: deps.scope,
        userId,
        question,
        askedAt,
        answer,
        answeredAt: deps.clock.now(),
      })
      .catch((err: unknown) => {
        log.warn({ err }, 'chat memory write failed; answering without feedback buttons');
        return undefined;
      });
    const message = await answerMessage(
      answer,
      {
        audience,
        notes: access.notesFor(answer),
        ...(turnId ? { feedbackRef: encodeFeedbackRef({ turn: turnId, thread: threadId }) } : {}),
      },
      deps.renderChart,
      log,
    );
    await conversation.update(placeholder, message);
    delivered = true;

    const created = (await deps.tasks.list({ scope: deps.scope })).filter(
      (t) => t.threadRef === threadId && !before.has(t.taskId),
    );
    for (const task of created) {
      await conversation.post(
        cardMessage(renderTaskCard(task, { refreshFor: access.refreshUsers(activity.from) })),
      );
    }
    log.info({ intent: answer.intent, path: answer.path, tasks: created.length }, 'teams answer posted');
  } catch (err) {
    const failure = toTitanError(err, 'chat.failed');
    log.warn({ err: failure, code: failure.code, by: displayName(activity.from) }, 'teams answer failed');
    const line = failureLine(failure);
    const fallback = () => conversation.post({ type: 'message', text: line });
    await (statusId && !delivered
      ? conversation.update(statusId, cardMessage(renderFailureCard(line))).catch(fallback)
      : fallback()
    ).catch((e: unknown) => log.warn({ err: e }, 'teams failure notice not delivered'));
  }
}
