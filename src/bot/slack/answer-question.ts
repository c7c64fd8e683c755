// One question in a Slack thread: access, live steps (a streamed answer, else assistant status or a placeholder), the answer, chart, task cards.
import type { webApi } from '@slack/bolt';
import type { ConfigValues } from '../../core/config/schema.ts';
import type { Logger } from '../../core/logger.ts';
import type { Answer, ChartSpec } from '../../core/model/answer.ts';
import { printableText } from '../../core/model/printable.ts';
import { createAccessPolicy, type Venue } from '../access.ts';
import { type AnswerTurnDeps, answerTurn } from '../answer-turn.ts';
import type { AskQueue } from '../ask-queue.ts';
import {
  type AnswerRenderOptions,
  type RenderedMessage,
  renderAnswer,
  type Snippet,
} from '../render/block-kit.ts';
import { renderStreamedAnswer } from '../render/streamed-answer.ts';
import { type AnswerStream, openAnswerStream } from './answer-stream.ts';
import { failureLine, fromSlackError, isUnreachable } from './slack-errors.ts';
import { createAssistantStatus, createPlaceholderStatus, type ThreadStatus } from './status-display.ts';
import { renderTaskCard } from './task-card.ts';

type WebClient = webApi.WebClient;

export interface AnswerDeps extends AnswerTurnDeps {
  getConfig: () => ConfigValues;
  /** Analyst runs and chart renders wait their turn here, so a burst never delays Slack's ack. */
  queue: AskQueue;
  logger: Logger;
  renderChart: (chart: ChartSpec) => Promise<Buffer>;
}

export interface Question {
  client: WebClient;
  channel: string;
  /** The thread to answer in; undefined answers top-level (a DM, a slash command). */
  threadTs: string | undefined;
  userId: string;
  /** The asker's workspace: Slack needs it to stream an answer into a channel. */
  teamId?: string;
  text: string;
  venue: Venue;
  /**
   * How progress shows when the answer cannot be streamed (no thread, or Slack refuses): assistant threads show
   * status natively; everywhere else one placeholder message is edited in place.
   */
  mode: 'assistant' | 'placeholder';
  /** A line shown above the answer (who asked what), when the question is not visible above it. */
  preface?: string;
  /** Last resort when the channel cannot be posted to (a slash command's response_url). */
  fallback?: (text: string) => Promise<void>;
}

export const slackMention = (userId: string): string => `<@${userId}>`;

/** chat_memory key of a thread: one per Slack thread, one per DM conversation at the top level. */
function threadIdOf(q: Question, placeholderTs: string | undefined): string {
  const ts = q.threadTs ?? (q.venue.kind === 'dm' ? 'dm' : placeholderTs);
  return `slack:${q.channel}:${ts ?? 'top'}`;
}

/** Posts a short text in the question's thread; if the channel is unreachable, through the fallback. */
export async function replyInThread(q: Question, text: string, logger: Logger): Promise<void> {
  try {
    await q.client.chat.postMessage({
      channel: q.channel,
      ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
      text,
    });
  } catch (err) {
    logger.warn({ err: fromSlackError(err, 'chat.postMessage') }, 'slack reply failed');
    if (isUnreachable(err) && q.fallback)
      await q.fallback(failureLine(fromSlackError(err, 'chat.postMessage')));
  }
}

async function postFinal(q: Question, status: ThreadStatus, message: RenderedMessage): Promise<string> {
  if (status.placeholderTs) {
    await q.client.chat.update({
      channel: q.channel,
      ts: status.placeholderTs,
      text: message.text,
      blocks: message.blocks,
    });
    return status.placeholderTs;
  }
  const posted = await q.client.chat.postMessage({
    channel: q.channel,
    ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
  });
  return posted.ts!;
}

/** Chart PNG and any snippet files, uploaded into the answer's thread. */
export async function uploadAnswerFiles(
  client: WebClient,
  target: { channel: string; thread: string },
  answer: Answer,
  message: { snippets: Snippet[] },
  renderChart: (chart: ChartSpec) => Promise<Buffer>,
): Promise<void> {
  const where = { channel_id: target.channel, thread_ts: target.thread };
  if (answer.chart) {
    const png = await renderChart(answer.chart);
    await client.filesUploadV2({
      ...where,
      file: png,
      filename: 'chart.png',
      title: printableText(answer.chart.title),
    });
  }
  for (const s of message.snippets) {
    await client.filesUploadV2({
      ...where,
      content: s.content,
      filename: s.filename,
      title: s.title,
      snippet_type: 'text',
    });
  }
}

/** Live steps: the streamed answer where Slack allows it, else the assistant status or a placeholder. */
async function openStatus(
  q: Question,
  log: Logger,
  first: AskQueue['statusFirst'],
): Promise<ThreadStatus | AnswerStream> {
  const stream =
    q.threadTs &&
    (await openAnswerStream(
      q.client,
      { channel: q.channel, threadTs: q.threadTs, userId: q.userId, teamId: q.teamId },
      log,
      first,
    ));
  if (stream) return stream;
  return q.mode === 'assistant' && q.threadTs
    ? createAssistantStatus(q.client, { channel: q.channel, threadTs: q.threadTs }, log, first)
    : await createPlaceholderStatus(
        q.client,
        {
          channel: q.channel,
          threadTs: q.threadTs,
          text: 'Working on it…',
          ...(q.preface ? { preface: q.preface } : {}),
        },
        log,
        first,
      );
}

const isStream = (status: ThreadStatus | AnswerStream): status is AnswerStream => 'finish' in status;

/**
 * Streams the answer; when the stream breaks part-way, the whole answer replaces the streamed message (or, if
 * that fails too, is posted beneath it), so the thread always ends with one complete answer.
 */
async function finishStream(
  q: Question,
  stream: AnswerStream,
  reply: Answer,
  options: AnswerRenderOptions,
  log: Logger,
): Promise<{ ts: string; snippets: Snippet[] }> {
  const streamed = renderStreamedAnswer(reply, options);
  try {
    return { ts: await stream.finish(streamed), snippets: streamed.snippets };
  } catch (err) {
    log.warn({ err: fromSlackError(err, 'chat.stopStream') }, 'slack stream broke; posting the answer whole');
    const message = renderAnswer(reply, options);
    const whole = { channel: q.channel, text: message.text, blocks: message.blocks };
    const ts = stream.ts
      ? await q.client.chat
          .update({ ...whole, ts: stream.ts })
          .then(() => stream.ts!)
          .catch(() => undefined)
      : undefined;
    return {
      ts: ts ?? (await postFinal(q, { placeholderTs: undefined, update() {}, async settle() {} }, message)),
      snippets: message.snippets,
    };
  }
}

export async function answerQuestion(deps: AnswerDeps, q: Question): Promise<void> {
  const log = deps.logger.child({ channel: q.channel, user: q.userId });
  const access = createAccessPolicy(deps.getConfig(), { mention: slackMention });
  if (!access.canAsk(q.userId)) return replyInThread(q, access.refusal('ask'), log);

  const askedAt = deps.clock.now();
  const audience = access.audienceFor(q.venue);
  let status: ThreadStatus | AnswerStream | undefined;
  let delivered = false;
  try {
    // A burst's first status lines go out before any analyst run holds the event loop.
    status = await openStatus(q, log, deps.queue.statusFirst);
    const shown = status;
    const threadId = threadIdOf(q, shown.placeholderTs);
    // A top-level question's thread starts at the answer.
    let thread = q.threadTs;
    const { answer, tasks } = await answerTurn(
      deps,
      { question: q.text, userId: q.userId, threadId, audience, askedAt, logger: log },
      {
        status: shown,
        deliver: async (reply, feedbackRef) => {
          const options: AnswerRenderOptions = {
            audience,
            notes: access.notesFor(reply),
            ...(feedbackRef ? { feedbackRef } : {}),
            ...(q.preface ? { preface: q.preface } : {}),
          };
          let sent: { ts: string; snippets: Snippet[] };
          if (isStream(shown)) sent = await finishStream(q, shown, reply, options, log);
          else {
            const message = renderAnswer(reply, options);
            sent = { ts: await postFinal(q, shown, message), snippets: message.snippets };
          }
          delivered = true;
          thread ??= sent.ts;
          // Rasterising is CPU work too, so it waits its turn like an analyst run.
          const renderChart = (chart: ChartSpec) => deps.queue.run(() => deps.renderChart(chart));
          await uploadAnswerFiles(q.client, { channel: q.channel, thread }, reply, sent, renderChart);
        },
        postTask: async (task) => {
          await q.client.chat.postMessage({ channel: q.channel, thread_ts: thread, ...renderTaskCard(task) });
        },
      },
    );
    log.info(
      { intent: answer.intent, path: answer.path, tasks, streamed: isStream(shown) },
      'slack answer posted',
    );
  } catch (err) {
    await status?.settle();
    const failure = fromSlackError(err, 'Web API');
    log.warn(
      { err: failure, code: failure.code, slackError: failure.detail?.slackError },
      'slack answer failed',
    );
    const line = failureLine(failure);
    if (status && isStream(status) && !delivered) {
      // The stream is open beneath the question: it ends with the failure, not with a second message.
      await status
        .finish({ text: line, markdown: line, blocks: [], snippets: [] })
        .catch(() => replyInThread(q, line, log));
    } else if (status?.placeholderTs && !delivered && !isUnreachable(err)) {
      await q.client.chat
        .update({ channel: q.channel, ts: status.placeholderTs, text: line, blocks: [] })
        .catch(() => replyInThread(q, line, log));
    } else {
      await replyInThread(q, line, log);
    }
  }
}
