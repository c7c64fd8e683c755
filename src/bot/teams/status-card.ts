// The placeholder card Titan posts at once and edits in place while the analyst works.
import { type AdaptiveCard, adaptiveCard, text } from '../render/adaptive-card.ts';

/** One progress line ("Scanning 45,210 sales lines…") under an optional preface. */
export function renderStatusCard(line: string, preface?: string): AdaptiveCard {
  return adaptiveCard(
    [
      ...(preface ? [text(preface, { isSubtle: true, size: 'Small' as const })] : []),
      text(`⏳ ${line}`, { isSubtle: true }),
    ],
    { fallbackText: line },
  );
}

/** What the placeholder becomes when no answer could be given. */
export function renderFailureCard(line: string): AdaptiveCard {
  return adaptiveCard([text(line, { color: 'Attention' })], { fallbackText: line });
}
