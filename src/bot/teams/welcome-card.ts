// Titan's hello on install (and the reply to an empty @Titan): what it does, and the quick prompts as buttons.
import { type AdaptiveCard, adaptiveCard, promptAction, text } from '../render/adaptive-card.ts';
import { SUGGESTED_PROMPTS } from '../suggested-prompts.ts';

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
