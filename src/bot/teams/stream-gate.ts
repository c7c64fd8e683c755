// One stream per Teams chat at a time (Teams allows no second): a question asked while one streams is answered on a status card.

export interface StreamGate {
  /** Takes the chat's stream; returns how to give it back, or undefined while another answer holds it. */
  claim(conversationId: string): (() => void) | undefined;
}

export function createStreamGate(): StreamGate {
  const streaming = new Set<string>();
  return {
    claim(conversationId) {
      if (streaming.has(conversationId)) return undefined;
      streaming.add(conversationId);
      return () => streaming.delete(conversationId);
    },
  };
}
