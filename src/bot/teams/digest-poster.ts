// The Teams side of the morning digest: the brief as one Adaptive Card posted proactively to a stored conversation.
import type { ConversationStore } from '../../core/chat/conversation-refs.ts';
import type { ConfigValues } from '../../core/config/schema.ts';
import { TitanError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { DigestPoster } from '../../core/schedule/digest.ts';
import type { Venue } from '../access.ts';
import { answerMessages } from './answer-message.ts';
import type { RenderChart } from './chart-image.ts';
import { teamsAccess } from './teams-access.ts';
import type { TeamsConnections } from './teams-connections.ts';

/** Teams conversation ids: channels and group chats "19:…@thread.…", 1:1 chats "a:…" (Slack ids never hold a colon). */
const TEAMS_CONVERSATION_ID = /^(19:[^,\s]+@thread\.[a-z0-9]+|a:[^,\s]+)$/i;

export interface TeamsDigestPosterOptions {
  connections: TeamsConnections;
  conversations: ConversationStore;
  getConfig: () => ConfigValues;
  renderChart: RenderChart;
  logger: Logger;
}

export function createTeamsDigestPoster(options: TeamsDigestPosterOptions): DigestPoster {
  return {
    platform: 'teams',
    accepts: (channel) => TEAMS_CONVERSATION_ID.test(channel),
    async post(channel, answer) {
      const stored = await options.conversations.find(channel);
      if (!stored) {
        throw new TitanError(
          'chat.failed',
          `${channel}: Titan has not been added to that Teams conversation yet. Add the app there ` +
            '(or @mention Titan in it once), then the digest can post.',
          { detail: { channel } },
        );
      }
      const settings = options.connections.current();
      // The service URL a verified token named at capture time still vouches for it.
      const conversation = settings.connect(stored, stored.verified ? stored.serviceUrl : undefined);
      const access = teamsAccess(options.getConfig());
      const venue: Venue =
        stored.conversationType === 'personal' ? { kind: 'dm' } : { kind: 'channel', id: channel };
      const { answer: message, more } = await answerMessages(
        answer,
        {
          audience: access.policy.audienceFor(venue),
          preface: '🌅 Morning brief',
          notes: access.policy.notesFor(answer),
        },
        options.renderChart,
        options.logger,
      );
      await conversation.post(message);
      for (const card of more) await conversation.post(card);
    },
  };
}
