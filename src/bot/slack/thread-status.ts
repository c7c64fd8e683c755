// Live progress while the analyst works: assistant.threads.setStatus, or one placeholder message edited in place.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { escapeMrkdwn } from '../render/block-kit.ts';

type WebClient = webApi.WebClient;

export interface ThreadStatus {
  /** Shows the latest progress line; lines arriving while one is being sent collapse into the newest. */
  update(line: string): void;
  /** Waits for the last status to land and stops further updates, so the final answer is never overwritten. */
  settle(): Promise<void>;
  /** The placeholder message to replace with the final answer (placeholder mode only). */
  readonly placeholderTs: string | undefined;
}

/** Sends at most one update at a time and always ends on the newest line. */
function latestWins(
  send: (line: string) => Promise<unknown>,
  logger: Logger,
): Omit<ThreadStatus, 'placeholderTs'> {
  let pending: string | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const pump = async (): Promise<void> => {
    while (pending !== undefined && !closed) {
      const line = pending;
      pending = undefined;
      try {
        await send(line);
      } catch (err) {
        // A lost progress line is not worth failing the answer over; the log keeps it visible.
        logger.warn({ err }, 'slack status update failed');
      }
    }
    running = undefined;
  };

  return {
    update(line) {
      if (closed) return;
      pending = line;
      running ??= pump();
    },
    async settle() {
      closed = true;
      await running;
    },
  };
}

/** Assistant threads: Slack shows the status under the thread ("is scanning 45,210 sales lines…"). */
export function createAssistantStatus(
  client: WebClient,
  channel: string,
  threadTs: string,
  logger: Logger,
): ThreadStatus {
  const status = latestWins(
    (line) => client.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status: line }),
    logger,
  );
  return { ...status, placeholderTs: undefined };
}

export interface PlaceholderTarget {
  channel: string;
  /** Thread to post the placeholder in; undefined posts top-level (a DM, a slash command). */
  threadTs: string | undefined;
  /** First line of the placeholder, e.g. "Working on it…". */
  text: string;
  /** Optional line kept above the status (who asked what). */
  preface?: string;
}

const placeholderBlocks = (line: string, preface: string | undefined) => [
  ...(preface ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: preface }] }] : []),
  {
    type: 'context' as const,
    elements: [{ type: 'mrkdwn' as const, text: `:hourglass_flowing_sand: ${escapeMrkdwn(line)}` }],
  },
];

/** Channels and DMs: posts one placeholder now, then edits that same message as status arrives. */
export async function createPlaceholderStatus(
  client: WebClient,
  target: PlaceholderTarget,
  logger: Logger,
): Promise<ThreadStatus> {
  const posted = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: target.text,
    blocks: placeholderBlocks(target.text, target.preface),
  });
  const ts = posted.ts!;
  const status = latestWins(
    (line) =>
      client.chat.update({
        channel: target.channel,
        ts,
        text: line,
        blocks: placeholderBlocks(line, target.preface),
      }),
    logger,
  );
  return { ...status, placeholderTs: ts };
}
