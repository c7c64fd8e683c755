// The largest answers Titan can produce (a year of a café, every finding, long vendor names, every table cited) hold
// Teams' limits: no message over Teams' activity limit, its citations counted; valid Adaptive Card 1.5 only; what
// does not fit on the answer card continues on the next, never dropped.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_BYTES_LIMIT, renderAnswerCards } from '../../../src/bot/render/adaptive-answer.ts';
import { renderChartPng } from '../../../src/bot/render/chart-png.ts';
import { answerMessages } from '../../../src/bot/teams/answer-message.ts';
import type { RenderChart } from '../../../src/bot/teams/chart-image.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { cardTexts } from '../teams/harness.ts';
import { ADAPTIVE_CARD_SCHEMA, schemaValidator } from '../teams/json-schemas.ts';
import { stringsIn } from './hostile-names.ts';
import { citedYearAnswer, yearAnswer } from './largest-answer.ts';

const validate = schemaValidator(ADAPTIVE_CARD_SCHEMA);
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const logger = createLogger({ level: 'silent', secrets: () => [] });
const drawChart: RenderChart = (chart, scale) => renderChartPng(chart, { scale });

describe("Teams' limits on the largest answer", CORPUS, () => {
  const answer = yearAnswer();

  it('every card is valid Adaptive Card 1.5 within the limit, and every finding, row and figure is on one of them', () => {
    const laid = renderAnswerCards(answer, { audience: 'private' });
    const cards = [laid.answerCard(), ...laid.more];
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(card.version).toBe('1.5');
      expect(bytes(card)).toBeLessThanOrEqual(ACTIVITY_BYTES_LIMIT);
      expect(validate(card)).toEqual([]);
    }
    const everything = cards.flatMap(cardTexts).join('\n');
    for (const f of answer.findings) expect(everything).toContain(f.headline);
    for (const line of answer.details ?? []) expect(everything).toContain(line);
    for (const f of answer.facts) expect(everything).toContain(f.label);
    // The answer card says where the rest is; each card after it says which answer it continues.
    expect(cardTexts(cards[0]!)).toContain(`Continued in the next ${cards.length - 1} message(s).`);
    expect(cardTexts(cards[1]!)[0]).toBe(`${answer.headline} (continued, 2 of ${cards.length})`);
  });

  it('a year of figures is shown as monospace text, not hundreds of table cells; a short list as a Table', () => {
    const laid = renderAnswerCards(answer, { audience: 'private' });
    const body = [laid.answerCard(), ...laid.more].flatMap((c) => c.body);
    expect(body.some((e) => e.type === 'Table')).toBe(false);
    const small = renderAnswerCards({ ...answer, facts: answer.facts.slice(0, 30) }, { audience: 'private' });
    expect(
      [small.answerCard(), ...small.more].flatMap((c) => c.body).filter((e) => e.type === 'Table'),
    ).toHaveLength(2);
  });

  it.each([
    ['the largest answer', answer],
    ['the largest answer citing every table, each citation at its longest', citedYearAnswer()],
  ])(
    '%s: the whole activity, card, chart, AI entity, citations and text, stays within the limit',
    async (_name, big) => {
      const { answer: first, more } = await answerMessages(
        big,
        { audience: 'private', feedback: true },
        drawChart,
        logger,
      );
      for (const message of [first, ...more])
        expect(bytes(message)).toBeLessThanOrEqual(ACTIVITY_BYTES_LIMIT);
      // Every table is cited, and the sources line names each citation's position.
      const citations = (first.entities![0] as { citation?: unknown[] }).citation ?? [];
      expect(citations).toHaveLength(Object.keys(big.sources.rows).length);
      expect(first.text).toContain(`[${citations.length}]`);
      // The chart is shown or said to be left out: never silently missing.
      const texts = stringsIn(first).join('\n');
      expect(
        first.attachments![0]!.content.body.some((e) => e.type === 'Image') ||
          /Chart .* left out/.test(texts),
      ).toBe(true);
      // Nothing is dropped to make room: every finding is on one of the cards.
      const everything = [first, ...more].flatMap((m) => cardTexts(m.attachments![0]!.content)).join('\n');
      for (const f of big.findings) expect(everything).toContain(f.headline);
    },
  );
});
