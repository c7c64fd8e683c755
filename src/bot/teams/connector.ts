// Outbound to one Teams conversation through the Bot Connector REST API (Teams SDK client), behind the serviceUrl policy.
import { type ChannelData, Client, type ConversationReference, type Entity } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import type { ConversationRef } from '../../core/chat/conversation-refs.ts';
import { TitanError } from '../../core/errors.ts';
import type { AdaptiveCard } from '../render/adaptive-card.ts';
import type { BotTokenSource } from './bot-token.ts';
import { ReportingStream } from './reporting-stream.ts';
import { fromTeamsError } from './teams-errors.ts';

/** A message or typing activity as Titan sends it; the connector adds `from` and `conversation`. */
export type OutboundActivity =
  | { type: 'typing' }
  | {
      type: 'message';
      text?: string;
      attachments?: { contentType: string; content: AdaptiveCard }[];
      suggestedActions?: { to: string[]; actions: { type: 'imBack'; title: string; value: string }[] };
      /** The AI-generated label and citations. */
      entities?: Entity[];
      /** Teams' own feedback buttons (`feedbackLoop`). */
      channelData?: ChannelData;
    };

export interface TeamsConversation {
  /** Posts a new activity; returns its id (for updates in place). */
  post(activity: OutboundActivity): Promise<string>;
  /** Replaces an activity Titan posted earlier (PUT /v3/conversations/{id}/activities/{activityId}). */
  update(activityId: string, activity: OutboundActivity): Promise<void>;
  /** A stream (Teams streaming, 1:1 chats only) through the SDK's HttpStream on the same client. */
  stream(): ReportingStream;
}

export interface ConnectorOptions {
  /** Undefined in emulator mode: requests then carry no Authorization header. */
  token: BotTokenSource | undefined;
  /** Asked before every call: replies never go to a service URL the policy does not permit. */
  permits: (serviceUrl: string) => boolean;
  logger: ILogger;
  timeoutMs?: number;
}

export function openConversation(ref: ConversationRef, options: ConnectorOptions): TeamsConversation {
  const serviceUrl = ref.serviceUrl.replace(/\/+$/, '');
  const token = options.token;
  const client = new Client(serviceUrl, {
    timeout: options.timeoutMs ?? 15_000,
    logger: options.logger,
    ...(token ? { token: () => token() } : {}),
  });
  const envelope = {
    from: ref.bot,
    conversation: {
      id: ref.conversationId,
      ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      ...(ref.conversationType ? { conversationType: ref.conversationType } : {}),
    },
  };
  // What HttpStream addresses; streams exist in 1:1 chats only, so that is the type a bare reference implies.
  const reference: ConversationReference = {
    bot: { ...ref.bot, role: 'bot' },
    conversation: { ...envelope.conversation, conversationType: ref.conversationType ?? 'personal' },
    channelId: 'msteams',
    serviceUrl,
  };

  function guard(op: string): void {
    if (!options.permits(ref.serviceUrl)) {
      throw new TitanError(
        'auth.unauthorized',
        `Not sending to ${new URL(serviceUrl).origin}: that Teams service URL is not trusted. ` +
          'Add it to TEAMS_SERVICE_URL_ALLOWLIST (PATCH /config) if it is yours.',
        { detail: { op } },
      );
    }
  }

  return {
    async post(activity) {
      guard('post');
      try {
        const res = await client.conversations.createActivity(ref.conversationId, {
          ...activity,
          ...envelope,
        });
        return res.id;
      } catch (err) {
        throw fromTeamsError(err, 'post');
      }
    },
    async update(activityId, activity) {
      guard('update');
      try {
        await client.conversations.updateActivity(ref.conversationId, activityId, {
          ...activity,
          ...envelope,
          id: activityId,
        });
      } catch (err) {
        throw fromTeamsError(err, 'update');
      }
    },
    stream() {
      // Checked once: the stream's own requests go through HttpStream, to this conversation only.
      guard('stream');
      return new ReportingStream(client, reference, options.logger);
    },
  };
}
