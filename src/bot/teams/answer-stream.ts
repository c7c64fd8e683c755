// One answer streamed in a Teams 1:1 chat through the SDK's HttpStream: Titan's live steps as its informative
// updates, paced; the answer as its final message.
import { MessageActivityInput } from '@microsoft/teams.api';
import { StreamCancelledError, TerminalStreamError } from '@microsoft/teams.apps';
import type { Logger } from '../../core/logger.ts';
import { createStatusUpdates, type StatusUpdates } from '../status-updates.ts';
import type { MessageActivity } from './answer-message.ts';
import type { TeamsConversation } from './connector.ts';

/** Teams' limit on the text of one informative update. */
export const INFORMATIVE_LIMIT = 1000;
/** Teams takes about one streaming request a second; updates closer together are throttled (429). */
export const STREAM_GAP_MS = 1000;

export interface TeamsStream {
  /** The id Teams gave the stream: the final message takes it, so the answer replaces the steps in place. */
  readonly id: string;
  /** Each line becomes an informative update; lines arriving within the gap are listed together in the next. */
  readonly status: StatusUpdates;
  /**
   * Ends the stream with `message`; returns the id of the message that shows it, or undefined when Teams did not
   * take it (the user pressed Stop, Teams refused it), so the caller posts it on its own. Throws when it cannot
   * be known whether Teams took it (the service or the network failed): posting it again could show it twice.
   */
  close(message: MessageActivity): Promise<string | undefined>;
}

/**
 * A final message HttpStream retried after Teams had taken it (the reply was lost) is refused as one to a completed
 * stream: the first try landed. HttpStream reads Teams' message the same way.
 */
const alreadyFinal = (err: unknown): boolean =>
  err instanceof TerminalStreamError && err.message.toLowerCase().includes('completed streamed message');

/** Teams turned the message down and showed nothing: Stop, streaming refused, or any other 4xx. */
function refused(err: unknown): boolean {
  if (err instanceof StreamCancelledError || err instanceof TerminalStreamError) return true;
  const status = (err as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
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

/**
 * Opens a stream with its first step; throws what Teams said when it refuses to stream.
 * HttpStream sends every update it is handed, one request each, so Titan hands it at most one per `gapMs`
 * (Teams throttles faster ones), listing the steps that arrived meanwhile.
 */
export async function startStream(
  conversation: TeamsConversation,
  firstStep: string,
  options: { logger: Logger; gapMs: number },
): Promise<TeamsStream> {
  const stream = conversation.stream();
  const steps = [firstStep];
  stream.update(stepsText(steps));
  const id = await stream.opened;
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
    // A stream the user stopped takes nothing more (HttpStream throws on it).
    if (ending || stream.canceled) return;
    stream.update(stepsText(steps));
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
      if (stream.canceled) return undefined;
      const { type: _, text, ...fields } = message;
      stream.emit(new MessageActivityInput(text, fields));
      try {
        // HttpStream ends a stream Teams timed out (2 minutes) by editing its message in place: still an id.
        return (await stream.close())?.id;
      } catch (err) {
        if (alreadyFinal(err)) return id;
        if (refused(err)) return undefined;
        throw err;
      }
    },
  };
}
