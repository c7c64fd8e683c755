// Collects a metric's facts: each figure is stored rounded and shown exactly as the format module writes it.
import type { Fact, Period } from '../../model/answer.ts';
import { formatFact } from '../format.ts';

export interface FactSheet {
  readonly facts: Fact[];
  /** Adds a fact and returns it; put `show(fact)` in headlines so text and fact agree. */
  add(id: string, label: string, value: number, unit: string): Fact;
  /** Moves `fact` first: the figure an answer about this metric leads with (the %, not its ingredients). */
  lead(fact: Fact): Fact;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function createFactSheet(metricId: string, period: Period): FactSheet {
  const facts: Fact[] = [];
  return {
    facts,
    add(id, label, value, unit) {
      const fact: Fact = { id, label, value: round2(value), unit, period, query: metricId };
      const existing = facts.findIndex((f) => f.id === id);
      if (existing >= 0) facts[existing] = fact;
      else facts.push(fact);
      return fact;
    },
    lead(fact) {
      const at = facts.indexOf(fact);
      if (at > 0) facts.unshift(...facts.splice(at, 1));
      return fact;
    },
  };
}

/** A fact as the headline shows it ("₹1,176", "12.5 kg", "23.4%"). */
export const show = (fact: Fact): string => formatFact(fact);
