// What of an Answer an audience may see: public channels never see findings that name staff, nor the facts behind them.
import type { Answer, Fact, Finding } from '../model/answer.ts';
import type { Audience } from './port.ts';

export interface VisibleAnswer {
  findings: Finding[];
  facts: Fact[];
  /** How many findings were left out, so the renderer can say where to ask to see them. */
  hiddenFindings: number;
}

/** Every renderer draws an answer through this, so no platform decides on its own what a channel may see. */
export function visibleAnswer(answer: Answer, audience: Audience): VisibleAnswer {
  if (audience === 'private') return { findings: answer.findings, facts: answer.facts, hiddenFindings: 0 };
  const findings = answer.findings.filter((f) => !f.staffLevel);
  const hiddenFacts = new Set(answer.findings.filter((f) => f.staffLevel).flatMap((f) => f.factIds));
  return {
    findings,
    facts: answer.facts.filter((f) => !hiddenFacts.has(f.id)),
    hiddenFindings: answer.findings.length - findings.length,
  };
}
