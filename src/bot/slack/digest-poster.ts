// The Slack side of the morning digest: the brief as one Block Kit message in a channel, chart in its thread.
import type { webApi } from '@slack/bolt';
import type { ConfigValues } from '../../core/config/schema.ts';
import { TitanError } from '../../core/errors.ts';
import type { ChartSpec } from '../../core/model/answer.ts';
import type { DigestPoster } from '../../core/schedule/digest.ts';
import { createAccessPolicy } from '../access.ts';
import { renderAnswer } from '../render/block-kit.ts';
import { slackMention, uploadAnswerFiles } from './answer-question.ts';
import { venueOf } from './button-press.ts';
import { failureLine, fromSlackError } from './slack-errors.ts';

/** Slack conversation ids: C… (channel), G… (private channel / group DM), D… (DM). */
const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{6,}$/;

export interface SlackDigestPosterOptions {
  /** The client for the configured bot token, or undefined while none is set. */
  client: () => webApi.WebClient | undefined;
  getConfig: () => ConfigValues;
  renderChart: (chart: ChartSpec) => Promise<Buffer>;
}

export function createSlackDigestPoster(options: SlackDigestPosterOptions): DigestPoster {
  return {
    platform: 'slack',
    accepts: (channel) => SLACK_CHANNEL_ID.test(channel),
    async post(channel, answer) {
      const client = options.client();
      if (!client) {
        throw new TitanError(
          'chat.failed',
          'Slack is not connected: set SLACK_BOT_TOKEN with PATCH /config.',
        );
      }
      const access = createAccessPolicy(options.getConfig(), { mention: slackMention });
      const message = renderAnswer(answer, {
        audience: access.audienceFor(venueOf(channel)),
        preface: ':sunrise: *Morning brief*',
        notes: access.notesFor(answer),
      });
      try {
        const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
        await uploadAnswerFiles(
          client,
          { channel, thread: posted.ts! },
          answer,
          message,
          options.renderChart,
        );
      } catch (err) {
        const failure = fromSlackError(err, 'chat.postMessage');
        throw new TitanError('chat.failed', `${channel}: ${failureLine(failure)}`, {
          cause: err,
          ...(failure.detail ? { detail: failure.detail } : {}),
        });
      }
    },
  };
}
