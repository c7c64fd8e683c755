// Gemini prices in ₹ per million tokens, the one place they live; the cost log and the monthly cap read them.

/** Rupees per US dollar used to convert Google's USD list prices. Update with the prices. */
export const INR_PER_USD = 88;

interface ModelPrice {
  /** USD per million input tokens (text, image and PDF). */
  inputUsd: number;
  /** USD per million output tokens, thinking tokens included. */
  outputUsd: number;
}

/**
 * Gemini API paid-tier list prices (ai.google.dev/gemini-api/docs/pricing), prompts up to 200k tokens.
 * Matched by longest model-name prefix, so "gemini-2.5-flash-001" is priced as "gemini-2.5-flash".
 */
const PRICES: Record<string, ModelPrice> = {
  'gemini-2.5-pro': { inputUsd: 1.25, outputUsd: 10 },
  'gemini-2.5-flash': { inputUsd: 0.3, outputUsd: 2.5 },
  'gemini-2.5-flash-lite': { inputUsd: 0.1, outputUsd: 0.4 },
  'gemini-2.0-flash': { inputUsd: 0.1, outputUsd: 0.4 },
  'gemini-2.0-flash-lite': { inputUsd: 0.075, outputUsd: 0.3 },
};

// An unknown model is priced as the dearest known one, so the monthly cap errs on the side of stopping.
const DEAREST = Object.values(PRICES).reduce((a, b) => (a.outputUsd >= b.outputUsd ? a : b));

function listedPrice(model: string): ModelPrice | undefined {
  const name = model.replace(/^models\//, '');
  const match = Object.keys(PRICES)
    .filter((prefix) => name.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? undefined : PRICES[match];
}

/** Whether the model has a row in the price table (otherwise it is priced as the dearest one). */
export const hasListedPrice = (model: string): boolean => listedPrice(model) !== undefined;

/** The ₹ cost of one call, rounded to 1/10,000 of a rupee. */
export function costInr(model: string, tokensIn: number, tokensOut: number): number {
  const price = listedPrice(model) ?? DEAREST;
  const usd = (tokensIn * price.inputUsd + tokensOut * price.outputUsd) / 1_000_000;
  return Math.round(usd * INR_PER_USD * 10_000) / 10_000;
}
