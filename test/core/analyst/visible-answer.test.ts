// What a channel may see of an answer: findings naming staff, and the facts behind them, stay out of public view.
import { describe, expect, it } from 'vitest';
import { visibleAnswer } from '../../../src/core/analyst/visible-answer.ts';
import type { Answer, Fact, Finding } from '../../../src/core/model/answer.ts';

const period = { from: '2026-01-08', to: '2026-01-14', label: 'last 7 days' };
const fact = (id: string, value: number): Fact => ({ id, label: id, value, unit: 'INR', period, query: 'q' });
const finding = (key: string, factIds: string[], staffLevel?: boolean): Finding => ({
  key,
  headline: key,
  rootCause: 'cause',
  action: { text: `fix ${key}`, deadline: '2026-01-16T04:30:00.000Z', deadlineLabel: 'tomorrow 10 AM' },
  impactPerWeek: 100,
  factIds,
  ...(staffLevel ? { staffLevel } : {}),
});

const answer: Answer = {
  intent: 'leak-scan',
  headline: 'Profit leaks',
  rootCause: '',
  findings: [finding('wastage', ['wastage.inr']), finding('comps-ravi', ['comps.ravi.inr'], true)],
  actions: [],
  tasks: [],
  facts: [fact('wastage.inr', 840), fact('comps.ravi.inr', 2100), fact('sales.rows', 45210)],
  sources: { period, rows: {}, freshness: {}, gaps: [] },
  path: 'offline',
  notes: [],
};

describe('visibleAnswer', () => {
  it('shows a private audience everything', () => {
    expect(visibleAnswer(answer, 'private')).toEqual({
      findings: answer.findings,
      facts: answer.facts,
      hiddenFindings: 0,
    });
  });

  it('leaves staff findings and their facts out of a public channel, and counts what it left out', () => {
    const seen = visibleAnswer(answer, 'public');
    expect(seen.findings.map((f) => f.key)).toEqual(['wastage']);
    expect(seen.facts.map((f) => f.id)).toEqual(['wastage.inr', 'sales.rows']);
    expect(seen.hiddenFindings).toBe(1);
  });

  it('an answer with no staff finding is the same in public', () => {
    const plain = { ...answer, findings: [answer.findings[0]!] };
    expect(visibleAnswer(plain, 'public')).toEqual(visibleAnswer(plain, 'private'));
  });
});
