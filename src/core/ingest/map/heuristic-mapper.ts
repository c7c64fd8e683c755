// Headers and sample values → a column mapping with a confidence, without an LLM.
import type { Category } from '../../warehouse/tables.ts';
import {
  amountDerivable,
  missingRequired,
  requiredColumns,
  targetColumns,
} from '../normalise/target-columns.ts';
import type { ColumnMapping } from '../port.ts';
import { headerKey, normaliseHeader } from './header-words.ts';
import { isOtherDay } from './stock-date.ts';
import { synonymsFor } from './synonyms.ts';
import { type ColumnProfile, profileColumns, shapeFit } from './value-shape.ts';

export interface HeuristicMapping {
  mapping: ColumnMapping;
  /** 0..1: how sure the heuristics are (required columns weigh most). */
  confidence: number;
  /** How much of the file this category explains: the summed scores of columns mapped by name. */
  fit: number;
  /** Required columns not found, in words. */
  missing: string[];
  /** Score per mapped target, 0..1. */
  scores: Record<string, number>;
}

/** Below this a header/value pairing is a guess not worth making. */
const MIN_SCORE = 0.45;
/** A column found only because its values are all dates. */
const DATE_BY_VALUE_SCORE = 0.55;

/**
 * How well a header names a target: 1 for an exact synonym (slightly less the further down the list),
 * about 0.5–0.75 when a synonym is a phrase inside the header ("Bill Amount incl GST"), else 0.
 */
export function nameScore(header: string, synonyms: readonly string[]): number {
  const key = headerKey(header);
  const full = normaliseHeader(header);
  if (key === '') return 0;
  const words = key.split(' ').length;
  let best = 0;
  synonyms.forEach((syn, rank) => {
    const penalty = 0.004 * rank;
    if (key === syn || full === syn) best = Math.max(best, 1 - penalty);
    else if (` ${key} `.includes(` ${syn} `)) {
      best = Math.max(best, 0.5 + (0.25 * syn.split(' ').length) / words - penalty);
    }
  });
  return best;
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;

function confidenceOf(category: Category, scores: Record<string, number>): number {
  const { all, oneOf } = requiredColumns(category);
  const required = all.map((t) => scores[t] ?? 0);
  if (oneOf.length > 0) required.push(Math.max(0, ...oneOf.map((t) => scores[t] ?? 0)));
  const requiredNames = new Set([...all, ...oneOf]);
  const optional = Object.entries(scores)
    .filter(([t]) => !requiredNames.has(t))
    .map(([, s]) => s);
  const requiredShare = mean(required);
  return optional.length === 0 ? requiredShare : 0.8 * requiredShare + 0.2 * mean(optional);
}

/** Maps headers onto a category's columns by synonyms, confirmed by the sample's value shapes. */
export function mapHeuristically(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
  category: Category,
  profiles: readonly ColumnProfile[] = profileColumns(headers.length, sample),
): HeuristicMapping {
  const targets = targetColumns(category);
  const synonyms = synonymsFor(
    category,
    targets.map((t) => t.name),
  );
  const required = new Set([...requiredColumns(category).all, ...requiredColumns(category).oneOf]);
  // A stock sheet's expiry or purchase date is never its date, by name or by values.
  const barred = (target: string, col: number) =>
    category === 'inventory' && target === 'date' && isOtherDay(headers[col] ?? '');
  const candidates: { target: string; col: number; score: number }[] = [];
  for (const target of targets) {
    const words = synonyms.get(target.name);
    if (!words) continue;
    headers.forEach((header, col) => {
      if (barred(target.name, col)) return;
      const profile = profiles[col];
      const score = profile ? nameScore(header, words) * shapeFit(target, profile) : 0;
      if (score >= MIN_SCORE) candidates.push({ target: target.name, col, score });
    });
  }
  // Best pairs first; on a tie a required column chooses before an optional one, then left to right.
  candidates.sort(
    (a, b) =>
      b.score - a.score || Number(required.has(b.target)) - Number(required.has(a.target)) || a.col - b.col,
  );
  const mapping: ColumnMapping = {};
  const scores: Record<string, number> = {};
  const usedCols = new Set<number>();
  for (const { target, col, score } of candidates) {
    if (target in mapping || usedCols.has(col)) continue;
    mapping[target] = col;
    scores[target] = score;
    usedCols.add(col);
  }
  const fit = Object.values(scores).reduce((a, b) => a + b, 0);
  if (mapping.date === undefined) {
    const col = profiles.findIndex(
      (p, i) => !usedCols.has(i) && !barred('date', i) && p.filled > 0 && p.date >= 0.9 && p.number < 0.9,
    );
    if (col >= 0) {
      mapping.date = col;
      scores.date = DATE_BY_VALUE_SCORE;
    }
  }
  const mapped = new Set(Object.keys(mapping));
  // An amount derived from qty × price is as sure as the weaker of the two.
  const judged =
    scores.amount === undefined && amountDerivable(category, mapped)
      ? { ...scores, amount: Math.min(scores.qty ?? 0, scores.unit_price ?? scores.unit_cost ?? 0) }
      : scores;
  return {
    mapping,
    confidence: confidenceOf(category, judged),
    fit,
    missing: missingRequired(category, mapped),
    scores,
  };
}
