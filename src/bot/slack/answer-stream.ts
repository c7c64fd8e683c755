// An answer streamed into its thread through the SDK's ChatStreamer (chat.startStream / appendStream / stopStream):
// the steps Titan really runs as task_update chunks, then the answer's markdown, then the blocks that close it.
// The thread's status line (assistant.threads.setStatus, which also works in channels) shows the same step.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import type { StreamedMessage } from '../render/streamed-answer.ts';
import { createStatusUpdates } from '../status-updates.ts';
import type { FirstStatus, ThreadStatus } from './status-display.ts';

type WebClient = webApi.WebClient;
type Chunk = NonNullable<webApi.ChatAppendStreamArguments['chunks']>[number];

export interface StreamTarget {
  channel: string;
  threadTs: string;
  /** Who asked, and their workspace: Slack requires both to stream into a channel. */
  userId: string;
  teamId: string | undefined;
}

export interface AnswerStream extends ThreadStatus {
  /** The streamed message, once Slack has started it. */
  readonly ts: string | undefined;
  /** Streams the answer's markdown and stops the stream with its closing blocks; returns the message ts. */
  finish(message: StreamedMessage): Promise<string>;
}

/** Markdown is appended in pieces this long; the streamer sends when its buffer passes one piece (tier 4 allows it). */
const PIECE = 2000;
/** Slack clears a thread status after two minutes without a message, so a long scan re-sends it. */
export const STATUS_REFRESH_MS = 90_000;
const FIRST_STEP = 'Reading your question';

/** Pieces of at most PIECE characters, cut at line ends where there is one. */
function pieces(markdown: string): string[] {
  const out: string[] = [];
  let rest = markdown;
  while (rest.length > PIECE) {
    const cut = rest.lastIndexOf('\n', PIECE);
    const at = cut > 0 ? cut + 1 : PIECE;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/**
 * Starts the stream with its first step. Returns undefined when Slack refuses (streaming not enabled for the
 * workspace, an old client, a failed call): the caller then answers the way it did before streaming.
 */
export async function openAnswerStream(
  client: WebClient,
  target: StreamTarget,
  logger: Logger,
  first: FirstStatus,
): Promise<AnswerStream | undefined> {
  const streamer = client.chatStream({
    channel: target.channel,
    thread_ts: target.threadTs,
    recipient_user_id: target.userId,
    ...(target.teamId ? { recipient_team_id: target.teamId } : {}),
    task_display_mode: 'timeline',
    buffer_size: PIECE,
  });
  const step = (n: number, title: string, status: 'in_progress' | 'complete'): Chunk => ({
    type: 'task_update',
    id: `step-${n}`,
    title: title.slice(0, 256),
    status,
  });
  try {
    await first(streamer.append({ chunks: [step(0, FIRST_STEP, 'in_progress')] }));
  } catch (err) {
    logger.info({ err }, 'slack streaming refused; answering with a placeholder');
    return undefined;
  }

  const setStatus = (status: string) =>
    client.assistant.threads.setStatus({ channel_id: target.channel, thread_ts: target.threadTs, status });
  const statusLine = createStatusUpdates(setStatus, logger);
  let steps = 0;
  let current = FIRST_STEP;
  let pending: Chunk[] = [];
  let sending: Promise<void> | undefined;
  // Steps arriving while an append is in flight go out together in the next one: one call at a time, none lost.
  const pump = async (): Promise<void> => {
    while (pending.length > 0) {
      const chunks = pending;
      pending = [];
      try {
        await streamer.append({ chunks });
      } catch (err) {
        logger.warn({ err }, 'slack stream step failed');
      }
    }
    sending = undefined;
  };
  const refresh = setInterval(() => statusLine.update(current), STATUS_REFRESH_MS);
  refresh.unref();
  let closed = false;

  return {
    placeholderTs: undefined,
    get ts() {
      return streamer.ts;
    },
    update(line) {
      if (closed) return;
      pending.push(step(steps, current, 'complete'), step(++steps, line, 'in_progress'));
      current = line;
      statusLine.update(line);
      sending ??= pump();
    },
    async settle() {
      closed = true;
      clearInterval(refresh);
      await Promise.all([sending, statusLine.settle()]);
    },
    async finish(message) {
      for (const piece of pieces(message.markdown)) await streamer.append({ markdown_text: piece });
      const stopped = await streamer.stop({
        chunks: [step(steps, current, 'complete')],
        blocks: message.blocks,
      });
      // The answer has landed: the thread's status line goes (Slack also clears it when a reply is posted).
      await setStatus('').catch((err: unknown) => logger.warn({ err }, 'slack status clear failed'));
      return stopped.ts ?? streamer.ts!;
    },
  };
}
