// Teams' streaming protocol for one answer in a 1:1 chat: informative updates (the live steps), then the final message.
import type { Logger } from '../../core/logger.ts';
import { createStatusUpdates, type StatusUpdates } from '../status-updates.ts';
import type { MessageActivity } from './answer-message.ts';
import type { OutboundActivity, TeamsConversation } from './connector.ts';

/** Teams' limit on the text of one informative update. */
export const INFORMATIVE_LIMIT = 1000;
/** Teams takes about one streaming request a second; updates closer together are throttled (429). */
export const STREAM_GAP_MS = 1000;

export interface TeamsStream {
  /** The id Teams gave the stream: the final message takes it, so the answer replaces the steps in place. */
  readonly id: string;
  /** Each line becomes an informative update; lines arriving while one is in flight collapse into the newest. */
  readonly status: StatusUpdates;
  /** Ends the stream with `message` as its final message. */
  close(message: MessageActivity): Promise<void>;
}

/**
 * The steps so far, newest last and marked in progress, each earlier one done; the oldest steps give way first
 * so the text never passes INFORMATIVE_LIMIT.
 */
export function stepsText(steps: string[]): string {
  const lines = steps.map((s, i) =>
    `${i === steps.length - 1 ? '⏳' : '✓'} ${s}`.slice(0, INFORMATIVE_LIMIT),
  );
  while (lines.length > 1 && lines.join('\n').length > INFORMATIVE_LIMIT) lines.shift();
  return lines.join('\n');
}

function informative(text: string, sequence: number, id: string | undefined): OutboundActivity {
  const stream = {
    streamType: 'informative' as const,
    streamSequence: sequence,
    ...(id ? { streamId: id } : {}),
  };
  return {
    type: 'typing',
    ...(id ? { id } : {}),
    text,
    channelData: stream,
    entities: [{ type: 'streaminfo', ...stream }],
  };
}

/** The final message of stream `id`: its text, card and entities, marked final (no sequence number). */
export function finalMessage(message: MessageActivity, id: string): MessageActivity {
  return {
    ...message,
    id,
    channelData: { ...message.channelData, streamId: id, streamType: 'final' },
    entities: [...(message.entities ?? []), { type: 'streaminfo', streamId: id, streamType: 'final' }],
  };
}

/**
 * Opens a stream with its first step; throws what the Bot Connector said when the service refuses to stream.
 * Updates go at most one per `gapMs`; steps arriving meanwhile are listed together in the next one.
 */
export async function startStream(
  conversation: TeamsConversation,
  firstStep: string,
  options: { logger: Logger; gapMs: number },
): Promise<TeamsStream> {
  const steps = [firstStep];
  let sequence = 1;
  const id = await conversation.post(informative(stepsText(steps), sequence, undefined));
  let sentAt = performance.now();
  // When the answer is ready, an update still waiting for its gap is dropped rather than delaying the answer.
  let ending = false;
  let wake = () => {};
  const updates = createStatusUpdates(async () => {
    const wait = options.gapMs - (performance.now() - sentAt);
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (ending) return;
    sequence += 1;
    await conversation.post(informative(stepsText(steps), sequence, id));
    sentAt = performance.now();
  }, options.logger);
  return {
    id,
    // Every step is kept as it arrives, so an update that collapses several still lists them all.
    status: {
      update(line) {
        steps.push(line);
        updates.update(line);
      },
      settle() {
        ending = true;
        wake();
        return updates.settle();
      },
    },
    async close(message) {
      await conversation.post(finalMessage(message, id));
    },
  };
}
