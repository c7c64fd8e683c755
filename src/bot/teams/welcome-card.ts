// Titan's hello on install (and the reply to an empty @Titan): what it does, and the quick prompts as buttons.
import { type AdaptiveCard, adaptiveCard, type CardAction, text } from '../render/adaptive-card.ts';
import { SUGGESTED_PROMPTS } from '../suggested-prompts.ts';

/** A quick-prompt press arrives as a message whose value carries this verb and the question. */
export const PROMPT_VERB = 'titan.prompt';

/**
 * messageBack posts the prompt as the user's own words in the conversation, so the thread reads naturally,
 * and hands the bot the question in both `text` and `value`.
 */
const promptAction = (question: string, title: string): CardAction => ({
  type: 'Action.Submit',
  title,
  data: {
    verb: PROMPT_VERB,
    question,
    msteams: { type: 'messageBack', text: question, displayText: question },
  },
});

export function renderWelcomeCard(kind: 'install' | 'empty-mention'): AdaptiveCard {
  const intro =
    kind === 'install'
      ? [
          text("Hi, I'm Titan, your AI CFO.", { size: 'Medium', weight: 'Bolder' as const }),
          text(
            'Ask me about your numbers: @mention me in a channel, or chat with me 1:1. ' +
              'Every answer leads with the number, then the root cause and what to do by when.',
          ),
        ]
      : [text('Ask me about your numbers, or pick one:')];
  return adaptiveCard(intro, {
    fallbackText: 'Titan, your AI CFO: ask about profit leaks, the daily brief, revenue or wastage.',
    actions: SUGGESTED_PROMPTS.map((p) => promptAction(p.message, p.title)),
  });
}

/** The same prompts as suggested actions (Teams shows these in 1:1 chats only). */
export function suggestedPromptActions(userId: string) {
  return {
    to: [userId],
    actions: SUGGESTED_PROMPTS.map((p) => ({ type: 'imBack' as const, title: p.title, value: p.message })),
  };
}
