// The judge: asks Titan each question and calls its answer RIGHT, DECLINED or WRONG against the oracle.
//
// RIGHT     the reading's period is the expected one and the figures match the oracle (₹0.5 on money, 0.05
//           points on shares, 0.05% on kilos and litres, exact on counts); a ranking's keys come in order.
//           For a question Titan must decline: intent "declined" and no figure at all.
// DECLINED  intent "declined" with no figures, on a question that has an answer.
// WRONG     anything else: a figure for another period, measure or filter, a wrong value, a figure where
//           there must be none, an answer outside the query path, or an error.
//
// Figures are read by their fact ids (src/core/semantic/fact-ids.ts); group facts are read in the order the
// answer lists them, which for a ranking is the rank order. Besides the figures asked for, every other `q.` figure
// the answer shows is checked too, where the oracle models it.
import type { Analyst } from '../../src/core/analyst/port.ts';
import type { Answer, Fact } from '../../src/core/model/answer.ts';
import { DEFAULT_SCOPE } from '../../src/core/model/scope.ts';
import { comparisonFactId, groupFactId, shareFactId, totalFactId } from '../../src/core/semantic/fact-ids.ts';
import { MEASURE_IDS, type MeasureId, type SemanticQuery } from '../../src/core/semantic/query.ts';
import type { Group, Oracle } from './oracle.ts';
import type { Expectation, ExpectedFilter, Question, Range } from './question-spec.ts';

export type Verdict = 'right' | 'declined' | 'wrong';

export interface Judgement {
  question: Question;
  verdict: Verdict;
  /** Why, in a few words (what differed, for WRONG). */
  reason: string;
  ms: number;
}

/** The fact a long breakdown carries for the groups it does not list. */
const MORE_GROUPS_FACT = 'q.groups.more';
const COUNTS = new Set<MeasureId>(['bills', 'items_sold', 'covers', 'void_count', 'comp_count']);
const QUANTITIES = new Set<MeasureId>(['purchase_qty', 'wastage_qty', 'stock_on_hand']);

/** True when Titan's figure is the oracle's, within the measure's tolerance. */
export function sameFigure(measure: MeasureId | 'share', actual: number, expected: number): boolean {
  const diff = Math.abs(actual - expected);
  if (measure === 'share') return diff <= 0.05;
  if (COUNTS.has(measure)) return diff < 1e-9;
  if (QUANTITIES.has(measure)) return diff <= Math.max(0.001, 0.0005 * Math.abs(expected));
  return diff <= 0.5;
}

/** Row counts say what was read, not what was asked: every other fact is a figure. */
const figuresOf = (answer: Answer): Fact[] => answer.facts.filter((f) => f.unit !== 'rows');
const span = (r: Range): string => (r.from === r.to ? r.from : `${r.from}..${r.to}`);
const norm = (s: string): string => s.trim().toLowerCase();
const filterKey = (f: ExpectedFilter): string => `${f.dimension}=${[...f.values].map(norm).sort().join('|')}`;
const filtersKey = (filters: readonly ExpectedFilter[]): string => filters.map(filterKey).sort().join(' & ');

class Mismatch extends Error {}
function check(ok: boolean, reason: () => string): asserts ok {
  if (!ok) throw new Mismatch(reason());
}

/** The expected reading the query is (the expectation, or one of its equivalents), or why none. */
function matchReading(e: Expectation, q: SemanticQuery): Expectation {
  const readings = [{ measures: e.measures, filters: e.filters }, ...(e.alsoAccept ?? [])];
  const actual = filtersKey(q.filters);
  const match = readings.find(
    (r) =>
      r.measures.every((m) => q.measures.includes(m)) &&
      (!(e.rank || e.shareOf || e.compare) || q.measures[0] === r.measures[0]) &&
      filtersKey(r.filters) === actual,
  );
  check(
    match !== undefined,
    () =>
      `read ${q.measures.join('+')} [${actual || 'no filter'}], expected ${e.measures.join('+')} [${filtersKey(e.filters) || 'no filter'}]`,
  );
  return { ...e, ...match };
}

function checkPeriod(e: Expectation, q: SemanticQuery, oracle: Oracle): void {
  if (e.snapshot) {
    const earliest = oracle.lastDay(e) ?? e.period.to;
    check(
      q.period.to >= earliest && q.period.to <= e.period.to,
      () => `as of ${q.period.to}, expected as of ${span({ from: earliest, to: e.period.to })}`,
    );
    return;
  }
  check(
    q.period.from === e.period.from && q.period.to === e.period.to,
    () => `period ${span(q.period)}, expected ${span(e.period)}`,
  );
}

function factValue(byId: Map<string, Fact>, id: string): number {
  const fact = byId.get(id);
  check(fact !== undefined, () => `no fact ${id}`);
  return fact.value;
}

function checkValue(
  measure: MeasureId | 'share',
  label: string,
  actual: number,
  expected: number | null,
): void {
  check(expected !== null, () => `${label}: Titan gave ${actual} where the rows have nothing`);
  check(sameFigure(measure, actual, expected), () => `${label} = ${actual}, expected ${expected}`);
}

/** A ranking: the answer's groups, in its order, carry the oracle's top-N values (ties may swap keys). */
function checkRanking(answer: Answer, measure: MeasureId, expected: Group[], all: Group[]): void {
  const prefix = groupFactId(measure, '');
  const listed = answer.facts.filter((f) => f.id.startsWith(prefix));
  const keys = listed.map((f) => f.id.slice(prefix.length));
  check(
    listed.length === expected.length,
    () => `ranked ${keys.join(', ')}; expected ${expected.map((g) => g.key).join(', ')}`,
  );
  const byKey = new Map(all.map((g) => [norm(g.key), g.value]));
  listed.forEach((fact, i) => {
    const key = keys[i]!;
    const truth = byKey.get(norm(key)) ?? null;
    checkValue(measure, `${measure}@${key}`, fact.value, truth);
    check(
      sameFigure(measure, fact.value, expected[i]!.value),
      () => `ranked ${keys.join(', ')}; expected ${expected.map((g) => g.key).join(', ')}`,
    );
  });
}

/** A breakdown: every group, each with its figure; a long one may list the first groups and count the rest. */
function checkGroups(answer: Answer, measure: MeasureId, expected: Group[]): void {
  const prefix = groupFactId(measure, '');
  const listed = answer.facts.filter((f) => f.id.startsWith(prefix));
  const more = answer.facts.find((f) => f.id === MORE_GROUPS_FACT)?.value ?? 0;
  const got = listed.map((f) => norm(f.id.slice(prefix.length))).sort();
  const want = expected.map((g) => norm(g.key)).sort();
  const complete =
    more === 0
      ? got.join('|') === want.join('|')
      : got.length + more === want.length && got.every((k) => want.includes(k));
  check(
    complete,
    () => `groups ${got.join(', ')}${more ? ` and ${more} more` : ''}; expected ${want.join(', ')}`,
  );
  const byKey = new Map(expected.map((g) => [norm(g.key), g.value]));
  for (const fact of listed) {
    const key = fact.id.slice(prefix.length);
    checkValue(measure, `${measure}@${key}`, fact.value, byKey.get(norm(key)) ?? null);
  }
}

/** The oracle's value for one `q.` fact of the answer and how close it must be, or undefined when not modelled. */
function truthOf(
  fact: Fact,
  e: Expectation,
  q: SemanticQuery,
  oracle: Oracle,
): { truth: number | null; kind: MeasureId | 'share' } | undefined {
  const m = /^q\.([a-z_]+)(?:@(.+)|~compare(%?))?$/.exec(fact.id);
  if (!m) return undefined;
  const [, name, key, change] = m;
  const compared = fact.id.includes('~compare');
  const grouped = { ...e, ...(q.groupBy ? { groupBy: q.groupBy } : {}), rank: undefined };
  try {
    if (name === 'share') {
      return key === undefined
        ? undefined
        : { truth: oracle.answer({ ...grouped, shareOf: key }).share, kind: 'share' };
    }
    if (!MEASURE_IDS.includes(name as MeasureId)) return undefined;
    const measure = name as MeasureId;
    if (compared) {
      // Judged over the period the fact says it covers, asked for or not.
      const before = oracle.answer({ ...e, compare: fact.period }, measure).compare;
      if (!change) return { truth: before, kind: measure };
      const now = oracle.answer(e, measure).total;
      return { truth: now === null || !before ? null : ((now - before) / before) * 100, kind: 'share' };
    }
    if (key === undefined) return { truth: oracle.answer(e, measure).total, kind: measure };
    const group = oracle.answer(grouped, measure).groups.find((g) => norm(g.key) === norm(key));
    return { truth: group?.value ?? null, kind: measure };
  } catch {
    // A dimension or measure the oracle does not model (hour, COGS): that figure is not judged here.
    return undefined;
  }
}

/** Every other figure the answer shows must be right too (the ₹ beside a share, a second measure, the change). */
function checkEveryFigure(e: Expectation, q: SemanticQuery, answer: Answer, oracle: Oracle): void {
  for (const fact of answer.facts) {
    const judged = truthOf(fact, e, q, oracle);
    if (judged) checkValue(judged.kind, fact.id.slice(2), fact.value, judged.truth);
  }
}

function checkFigures(e: Expectation, q: SemanticQuery, answer: Answer, oracle: Oracle): void {
  checkPrimaryFigures(e, q, answer, oracle);
  checkEveryFigure(e, q, answer, oracle);
}

function checkPrimaryFigures(e: Expectation, q: SemanticQuery, answer: Answer, oracle: Oracle): void {
  const byId = new Map(answer.facts.map((f) => [f.id, f]));
  const first = e.measures[0]!;
  if (e.groupBy) {
    check(q.groupBy === e.groupBy, () => `grouped by ${q.groupBy ?? 'nothing'}, expected ${e.groupBy}`);
  }
  // A ranking answers with its top groups, not the total asked for.
  check(
    e.rank !== undefined || q.rank === undefined,
    () => `ranked ${q.rank!.order} ${q.rank!.limit}, asked for no ranking`,
  );
  if (e.rank) {
    check(
      q.rank?.order === e.rank.order && q.rank.limit === e.rank.limit,
      () =>
        `rank ${q.rank ? `${q.rank.order} ${q.rank.limit}` : 'none'}, expected ${e.rank!.order} ${e.rank!.limit}`,
    );
    const truth = oracle.answer(e);
    checkRanking(answer, first, truth.ranked, truth.groups);
    return;
  }
  if (e.shareOf !== undefined) {
    check(q.share === true, () => 'no shares in the reading');
    const truth = oracle.answer(e);
    checkValue('share', `share@${e.shareOf}`, factValue(byId, shareFactId(e.shareOf)), truth.share);
    return;
  }
  if (e.groupBy) {
    checkGroups(answer, first, oracle.answer(e).groups);
    return;
  }
  for (const measure of e.measures) {
    const truth = oracle.answer(e, measure);
    checkValue(measure, measure, factValue(byId, totalFactId(measure)), truth.total);
  }
  if (e.compare) {
    check(q.compare !== undefined, () => 'no comparison in the reading');
    const fact = byId.get(comparisonFactId(first));
    check(fact !== undefined, () => `no fact ${comparisonFactId(first)}`);
    check(
      fact.period.from === e.compare.from && fact.period.to === e.compare.to,
      () => `compared with ${span(fact.period)}, expected ${span(e.compare!)}`,
    );
    checkValue(first, `${first} (compared)`, fact.value, oracle.answer(e).compare);
  }
}

function judgeDecline(
  question: Extract<Question, { decline: unknown }>,
  answer: Answer,
  oracle: Oracle,
): [Verdict, string] {
  const figures = figuresOf(answer);
  if (figures.length > 0) {
    return ['wrong', `gave ${figures.map((f) => `${f.id}=${f.value}`).join(', ')} where it must give none`];
  }
  if (answer.intent === 'declined') return ['right', 'declined'];
  // "I have no sales for June 2020" is as honest as a decline, if it read the period asked about.
  const query = answer.reading?.query;
  if (question.decline === 'no-data' && question.probe && answer.intent === 'query' && query) {
    try {
      checkPeriod(question.probe, query, oracle);
      return ['right', 'no rows'];
    } catch (err) {
      if (err instanceof Mismatch) return ['wrong', err.message];
      throw err;
    }
  }
  return ['wrong', `neither declined nor answered as a query (intent ${answer.intent})`];
}

/** The verdict on one answer. */
export function judgeAnswer(question: Question, answer: Answer, oracle: Oracle): [Verdict, string] {
  if ('decline' in question) return judgeDecline(question, answer, oracle);
  const figures = figuresOf(answer);
  if (answer.intent === 'declined' && figures.length === 0) return ['declined', 'declined'];
  const query = answer.reading?.query;
  if (answer.intent !== 'query' || !query) {
    return ['wrong', `not a query answer (intent ${answer.intent}, ${figures.length} figures)`];
  }
  try {
    const reading = matchReading(question.expect, query);
    checkPeriod(reading, query, oracle);
    checkFigures(reading, query, answer, oracle);
    return ['right', 'matches'];
  } catch (err) {
    if (err instanceof Mismatch) return ['wrong', err.message];
    throw err;
  }
}

/** Asks every question in turn (as the owner, in a DM) and judges each answer. */
export async function runQuestions(
  analyst: Analyst,
  questions: readonly Question[],
  oracle: Oracle,
): Promise<Judgement[]> {
  const out: Judgement[] = [];
  for (const question of questions) {
    const started = performance.now();
    try {
      const answer = await analyst.ask({ question: question.text, scope: DEFAULT_SCOPE });
      const ms = performance.now() - started;
      const [verdict, reason] = judgeAnswer(question, answer, oracle);
      out.push({ question, verdict, reason, ms });
    } catch (err) {
      const ms = performance.now() - started;
      out.push({ question, verdict: 'wrong', reason: `threw: ${(err as Error).message}`, ms });
    }
  }
  return out;
}

export interface Tally {
  total: number;
  right: number;
  declined: number;
  wrong: number;
}

export function tally(judgements: readonly Judgement[]): Tally {
  const count = (v: Verdict) => judgements.filter((j) => j.verdict === v).length;
  return {
    total: judgements.length,
    right: count('right'),
    declined: count('declined'),
    wrong: count('wrong'),
  };
}

const pct = (n: number, of: number): string => `${of === 0 ? 0 : Math.round((n / of) * 1000) / 10}%`;

/** A compact table per family, the totals, then the wrong answers (at most `wrongLines`). */
export function report(title: string, judgements: readonly Judgement[], wrongLines = 25): string {
  const families = [...new Set(judgements.map((j) => j.question.family))];
  const row = (name: string, t: Tally) =>
    `  ${name.padEnd(16)}${String(t.total).padStart(5)}${String(t.right).padStart(7)}${String(t.declined).padStart(10)}${String(t.wrong).padStart(7)}`;
  const all = tally(judgements);
  const wrong = judgements.filter((j) => j.verdict === 'wrong');
  return [
    `${title}: ${all.right}/${all.total} right (${pct(all.right, all.total)}), ${all.declined} declined, ${all.wrong} wrong`,
    `  ${'family'.padEnd(16)}${'asked'.padStart(5)}${'right'.padStart(7)}${'declined'.padStart(10)}${'wrong'.padStart(7)}`,
    ...families.map((f) => row(f, tally(judgements.filter((j) => j.question.family === f)))),
    row('all', all),
    ...wrong.slice(0, wrongLines).map((j) => `  WRONG ${j.question.id} "${j.question.text}": ${j.reason}`),
    ...(wrong.length > wrongLines ? [`  … and ${wrong.length - wrongLines} more wrong`] : []),
  ].join('\n');
}
