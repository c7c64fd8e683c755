// Live progress while the analyst works: assistant.threads.setStatus, or one placeholder message edited in place.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { escapeMrkdwn } from '../render/block-kit.ts';
import { createStatusUpdates, type StatusUpdates } from '../status-updates.ts';

type WebClient = webApi.WebClient;

export interface ThreadStatus extends StatusUpdates {
  /** The placeholder message to replace with the final answer (placeholder mode only). */
  readonly placeholderTs: string | undefined;
}

/** Lets a question's first status call go out ahead of queued analyst work (the ask queue's statusFirst). */
export type FirstStatus = <T>(post: Promise<T>) => Promise<T>;

/** Assistant threads: Slack shows the status under the thread ("is scanning 45,210 sales lines…"). */
export function createAssistantStatus(
  client: WebClient,
  target: { channel: string; threadTs: string },
  logger: Logger,
  first: FirstStatus,
): ThreadStatus {
  let shown = false;
  const status = createStatusUpdates((line) => {
    const call = client.assistant.threads.setStatus({
      channel_id: target.channel,
      thread_ts: target.threadTs,
      status: line,
    });
    if (shown) return call;
    shown = true;
    return first(call);
  }, logger);
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
  first: FirstStatus,
): Promise<ThreadStatus> {
  const posted = await first(
    client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: target.text,
      blocks: placeholderBlocks(target.text, target.preface),
    }),
  );
  const ts = posted.ts!;
  const status = createStatusUpdates(
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
