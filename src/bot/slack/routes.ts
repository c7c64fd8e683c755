// Routes what Bolt receives: questions (@titan in a channel, DMs — the agent messaging experience — /titan, legacy
// assistant threads) to answer-question.ts, and button presses to button-press.ts.
import { type App, Assistant } from '@slack/bolt';
import { z } from 'zod';
import { escapeMrkdwn } from '../render/block-kit.ts';
import { SUGGESTED_PROMPTS } from '../suggested-prompts.ts';
import { type AnswerDeps, answerQuestion, slackMention } from './answer-question.ts';
import { registerButtonPresses, venueOf } from './button-press.ts';
import { promptButtons } from './prompt-buttons.ts';

export const SLASH_COMMAND = '/titan';
const PROMPTS_TITLE = 'Try one of these:';

/** A user's message as Titan reads it: plain messages only (no edits, joins, bot posts). */
const userMessage = z.object({
  user: z.string().min(1),
  text: z.string().default(''),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.undefined().optional(),
  bot_id: z.undefined().optional(),
});

/** Removes the bot's own mention ("<@U123> revenue trend" → "revenue trend"). */
export function withoutMention(text: string, botUserId: string | undefined): string {
  const bot = botUserId ? `<@${botUserId}(?:\\|[^>]*)?>` : '^\\s*<@[UW][A-Z0-9]+(?:\\|[^>]*)?>';
  return text.replace(new RegExp(bot, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

function registerAssistant(app: App, deps: AnswerDeps): void {
  app.assistant(
    new Assistant({
      // Titan does not use the channel the user is viewing, so nothing is stored or fetched for it.
      threadContextStore: { get: async () => ({}), save: async () => {} },
      threadStarted: async ({ setSuggestedPrompts }) => {
        await setSuggestedPrompts({ title: PROMPTS_TITLE, prompts: [...SUGGESTED_PROMPTS] });
      },
      threadContextChanged: async () => {},
      userMessage: async ({ message, client }) => {
        const m = userMessage.safeParse(message);
        if (!m.success || !m.data.thread_ts) return;
        await answerQuestion(deps, {
          client,
          channel: m.data.channel,
          threadTs: m.data.thread_ts,
          userId: m.data.user,
          text: m.data.text,
          venue: { kind: 'dm' },
          mode: 'assistant',
        });
      },
    }),
  );
}

export function registerRoutes(app: App, deps: AnswerDeps): void {
  // First: the assistant middleware takes assistant-thread messages and stops them reaching the DM handler.
  registerAssistant(app, deps);

  app.event('app_mention', async ({ event, client, context }) => {
    const m = userMessage.safeParse(event);
    if (!m.success) return;
    const question = {
      client,
      channel: m.data.channel,
      threadTs: m.data.thread_ts ?? m.data.ts,
      userId: m.data.user,
      ...(context.teamId ? { teamId: context.teamId } : {}),
      text: withoutMention(m.data.text, context.botUserId),
      venue: venueOf(m.data.channel, m.data.channel_type),
      mode: 'placeholder' as const,
    };
    if (question.text === '') {
      const buttons = promptButtons();
      await client.chat.postMessage({ channel: question.channel, thread_ts: question.threadTs, ...buttons });
      return;
    }
    await answerQuestion(deps, question);
  });

  // Agent view: opening the DM's Messages tab is the moment to offer the prompts (it replaces assistant_thread_started).
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'messages') return;
    await client.assistant.threads.setSuggestedPrompts({
      channel_id: event.channel,
      title: PROMPTS_TITLE,
      prompts: [...SUGGESTED_PROMPTS],
    });
  });
  // Titan answers from the owner's own data, never from the channel being viewed, so the context is not kept.
  app.event('app_context_changed', async () => {});

  app.event('message', async ({ event, client, context }) => {
    const m = userMessage.safeParse(event);
    if (!m.success || m.data.channel_type !== 'im') return;
    const text = withoutMention(m.data.text, context.botUserId);
    const question = {
      client,
      channel: m.data.channel,
      // In the agent messaging experience each DM message is its own thread root: the answer goes beneath it.
      threadTs: m.data.thread_ts ?? m.data.ts,
      userId: m.data.user,
      ...(context.teamId ? { teamId: context.teamId } : {}),
      text,
      venue: { kind: 'dm' } as const,
      mode: 'placeholder' as const,
    };
    if (text === '') {
      await client.chat.postMessage({
        channel: m.data.channel,
        thread_ts: question.threadTs,
        ...promptButtons(),
      });
      return;
    }
    await answerQuestion(deps, question);
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    if (text === '') {
      await ack({ response_type: 'ephemeral', ...promptButtons() });
      return;
    }
    await ack();
    const question = {
      client,
      channel: command.channel_id,
      threadTs: undefined,
      userId: command.user_id,
      text,
      venue: venueOf(command.channel_id),
      mode: 'placeholder' as const,
      preface: `${slackMention(command.user_id)} asked: _${escapeMrkdwn(text)}_`,
      fallback: async (line: string) => {
        await respond({ response_type: 'ephemeral', text: line });
      },
    };
    await answerQuestion(deps, question);
  });

  registerButtonPresses(app, deps);
}
