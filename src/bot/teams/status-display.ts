// Where one Teams answer shows while it is worked on and when it lands: a stream (1:1 chats) or a status card edited in place.
import type { Logger } from '../../core/logger.ts';
import type { StatusUpdates } from '../status-updates.ts';
import { createStatusUpdates } from '../status-updates.ts';
import { cardMessage, type MessageActivity } from './answer-message.ts';
import { startStream } from './answer-stream.ts';
import type { TeamsConversation } from './connector.ts';
import { renderFailureCard, renderStatusCard } from './status-card.ts';

export interface AnswerDisplay {
  /** The message that will show the answer, known before it does (Teams' feedback buttons point at it). */
  readonly messageId: string;
  readonly status: StatusUpdates;
  /** Shows the answer; returns the id of the message that shows it (another one when the display broke). */
  show(message: MessageActivity): Promise<string>;
  /** Says why no answer could be given, in place of the progress. */
  fail(line: string): Promise<void>;
  /** Frees what the display holds (the chat's one stream). */
  release(): void;
}

const FIRST_STEP = 'Working on it…';

/** Posts the status card at once; the answer and a failure replace it in place. */
export async function openStatusCard(
  conversation: TeamsConversation,
  logger: Logger,
): Promise<AnswerDisplay> {
  await conversation
    .post({ type: 'typing' })
    .catch((err: unknown) => logger.warn({ err }, 'teams typing failed'));
  const id = await conversation.post(cardMessage(renderStatusCard(FIRST_STEP)));
  return {
    messageId: id,
    status: createStatusUpdates(
      (line) => conversation.update(id, cardMessage(renderStatusCard(line))),
      logger,
    ),
    async show(message) {
      await conversation.update(id, message);
      return id;
    },
    async fail(line) {
      await conversation.update(id, cardMessage(renderFailureCard(line)));
    },
    release: () => {},
  };
}

/**
 * Streams the steps and ends the stream with the answer. A final message Teams did not take (the user pressed Stop,
 * Teams refused it) is posted as a message of its own, so the answer still lands once; one that may have landed
 * (the service or the network failed after sending) is not posted again, and the failure is the caller's.
 */
export async function openStream(
  conversation: TeamsConversation,
  options: { logger: Logger; gapMs: number; release: () => void },
): Promise<AnswerDisplay> {
  const { logger, release } = options;
  const stream = await startStream(conversation, FIRST_STEP, options);
  const close = async (message: MessageActivity): Promise<string> => {
    const id = await stream.close(message);
    if (id) return id;
    logger.info('teams stream did not take its final message; posting the message instead');
    return conversation.post(message);
  };
  return {
    messageId: stream.id,
    status: stream.status,
    show: close,
    async fail(line) {
      await close(cardMessage(renderFailureCard(line)));
    },
    release,
  };
}
