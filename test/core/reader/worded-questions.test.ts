// The dev questions worded the many ways owners type (shorthand, chat, Hinglish, loose superlatives), asked of the
// real analyst on the generated café and judged against the oracle: no wrong figure, and at least 95% right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCafe } from '../../questions/cafe/generate-cafe.ts';
import { type OpenCafe, openCafe } from '../../questions/cafe/open-cafe.ts';
import { DEV_PHRASED_QUESTIONS } from '../../questions/dev-phrased-questions.ts';
import { DEV_QUESTIONS, DEV_WORDED_QUESTIONS } from '../../questions/dev-questions.ts';
import { type Judgement, runQuestions, tally } from '../../questions/judge.ts';
import { createOracle } from '../../questions/oracle.ts';

const TIMEOUT_MS = 120_000;
const oracle = createOracle(generateCafe());
const WORDED = [...DEV_WORDED_QUESTIONS, ...DEV_PHRASED_QUESTIONS];

describe('dev questions in owners’ own wording', () => {
  let cafe: OpenCafe | undefined;
  let judgements: Judgement[] = [];
  beforeAll(async () => {
    cafe = await openCafe('sqlite');
    judgements = await runQuestions(cafe.titan.analyst, WORDED, oracle);
  }, TIMEOUT_MS);
  afterAll(async () => {
    await cafe?.close();
  });

  it('asks at least 60 questions, none worded like a dev question, each with a figure in the rows', () => {
    expect(WORDED.length).toBeGreaterThanOrEqual(60);
    const norm = (t: string) =>
      t
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const dev = new Set(DEV_QUESTIONS.map((q) => norm(q.text)));
    expect(WORDED.filter((q) => dev.has(norm(q.text))).map((q) => q.text)).toEqual([]);
    expect(new Set(WORDED.map((q) => norm(q.text))).size).toBe(WORDED.length);
    const empty = WORDED.flatMap((q) =>
      'expect' in q && !q.expect.snapshot && oracle.answer(q.expect).total === null && !q.expect.groupBy
        ? [q.text]
        : [],
    );
    expect(empty).toEqual([]);
  });

  it('gives no wrong figure', () => {
    const wrong = judgements.filter((j) => j.verdict === 'wrong');
    expect(wrong.map((j) => `${j.question.id} "${j.question.text}": ${j.reason}`)).toEqual([]);
  });

  it('answers at least 95% right, the rest honest declines', () => {
    const t = tally(judgements);
    expect(t.total).toBe(WORDED.length);
    expect(t.right / t.total, `${t.right}/${t.total} right, ${t.declined} declined`).toBeGreaterThanOrEqual(
      0.95,
    );
  });
});
