import { describe, expect, it } from 'vitest';
import {
  type AnswerCardOptions,
  type AnswerChart,
  renderAnswerCards,
} from '../../../src/bot/render/adaptive-answer.ts';
import { type AdaptiveCard, FEEDBACK_VERB } from '../../../src/bot/render/adaptive-card.ts';
import { TABLE_FALLBACK } from '../../../src/bot/render/adaptive-table.ts';
import { renderFailureCard, renderStatusCard } from '../../../src/bot/teams/status-card.ts';
import { renderTaskCard, TASK_VERBS } from '../../../src/bot/teams/task-card.ts';
import { renderWelcomeCard } from '../../../src/bot/teams/welcome-card.ts';
import type { Answer } from '../../../src/core/model/answer.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { cardTexts } from '../teams/harness.ts';
import { ADAPTIVE_CARD_SCHEMA, schemaValidator } from '../teams/json-schemas.ts';
import {
  controlsIn,
  HOSTILE_FILE_SHOWN,
  HOSTILE_ITEM_SHOWN,
  hostileAnswer,
  hostileTask,
  stringsIn,
} from './hostile-names.ts';
import { sampleAnswer, sampleFinding, sampleTask } from './sample-answer.ts';

const validate = schemaValidator(ADAPTIVE_CARD_SCHEMA);
/** The answer card itself (an answer this size needs no other). */
const renderAnswerCard = (answer: Answer, options: AnswerCardOptions, chart?: AnswerChart): AdaptiveCard =>
  renderAnswerCards(answer, options).answerCard(chart);

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe('Adaptive Card schema check', CORPUS, () => {
  it('rejects a card the 1.5 schema does not allow (so the checks below can fail)', () => {
    const bad = { ...renderStatusCard('Working…'), body: [{ type: 'TextBlock', text: 'x', colour: 'red' }] };
    expect(validate(bad)).not.toEqual([]);
    expect(validate({ ...renderStatusCard('x'), version: 1.5 })).not.toEqual([]);
  });
});

describe('renderAnswerCard', () => {
  it(
    'leads with the headline number, then each finding with root cause and action by its deadline',
    CORPUS,
    () => {
      const card = renderAnswerCard(sampleAnswer(), { audience: 'private' });
      const lines = cardTexts(card);
      expect(lines[0]).toBe('Profit leaks: ₹2,940/week across 2 findings');
      expect(card.body[0]).toMatchObject({ size: 'Large', weight: 'Bolder' });
      expect(lines).toContain('1. Maida wastage: 12 kg (₹840), up 23% (₹840/week)');
      expect(lines).toContain('Root cause: Over-mixing at the dough station');
      expect(lines).toContain(
        '→ Retrain prep staff on dough ratios, by **tomorrow 10 AM** ({{DATE(2026-01-16T04:30:00Z, SHORT)}} {{TIME(2026-01-16T04:30:00Z)}})',
      );
      expect(lines).toContain('2. Ravi comped 14 bills (₹2,100) (₹2,100/week)');
      expect(validate(card)).toEqual([]);
    },
  );

  it('says how the answer was found: period, rows, freshness, gaps and who wrote the words', () => {
    const lines = cardTexts(renderAnswerCard(sampleAnswer(), { audience: 'private' }));
    expect(lines).toContain('Period: last 7 days (2026-01-08 → 2026-01-14)');
    expect(lines).toContain('Rows read: 45,210 sales, 812 inventory');
    expect(lines).toContain(
      'Data as of: sales {{DATE(2026-01-14T22:00:00Z, SHORT)}}, inventory never loaded',
    );
    expect(lines).toContain('Gaps: no recipes loaded, so theoretical usage is skipped');
    expect(lines).toContain('Computed offline from SQL facts');
  });

  it('leaves findings and facts naming staff out of a public channel, and says so', CORPUS, () => {
    const card = renderAnswerCard(sampleAnswer(), { audience: 'public' });
    const lines = cardTexts(card).join('\n');
    expect(lines).not.toContain('Ravi');
    expect(lines).toContain('1 finding(s) naming staff are left out here');
    expect(validate(card)).toEqual([]);
  });

  it('shows the chart as an image, preface and notes, and no hand-made feedback buttons', CORPUS, () => {
    const card = renderAnswerCard(
      sampleAnswer({ notes: ['Every workspace member counts as an owner'] }),
      { audience: 'private', preface: 'Good morning. Your daily brief:' },
      { image: { url: PNG, altText: 'Wastage by item, last 7 days' } },
    );
    expect(card.body).toContainEqual({
      type: 'Image',
      url: PNG,
      altText: 'Wastage by item, last 7 days',
      size: 'Stretch',
    });
    expect(card.actions).toBeUndefined();
    expect(cardTexts(card)[0]).toBe('Good morning. Your daily brief:');
    expect(cardTexts(card)).toContain('Every workspace member counts as an owner');
    expect(validate(card)).toEqual([]);
  });

  it(
    'shows every figure once, as a Table (header row, value right-aligned), beside extra actions, details and a chart note',
    CORPUS,
    () => {
      const facts = Array.from({ length: 20 }, (_, i) => ({
        id: `f${i}`,
        label: `Fact ${i}`,
        value: i * 1000,
        unit: 'INR',
        period: { from: '2026-01-08', to: '2026-01-14', label: 'last 7 days' },
        query: 'q',
      }));
      const answer: Answer = sampleAnswer({
        facts,
        findings: Array.from({ length: 6 }, (_, i) => sampleFinding(i + 1)),
        details: ['Yesterday: ₹18,400 vs target ₹20,000'],
        actions: [
          { text: 'Call the dairy vendor', deadline: '2026-01-17T05:00:00.000Z', deadlineLabel: 'Friday' },
        ],
        path: 'llm',
      });
      const card = renderAnswerCard(answer, { audience: 'private' }, { missing: 'too-large' });
      const lines = cardTexts(card);
      expect(lines).toContain('Figure | Value | Period');
      for (const f of facts)
        expect(lines).toContain(`${f.label} | ₹${f.value.toLocaleString('en-IN')} | last 7 days`);
      const tables = card.body.filter((e) => e.type === 'Table');
      // A header row and the twenty figures: one Table block (a longer table moves between cards only between blocks).
      expect(tables.map((t) => t.rows.length)).toEqual([21]);
      expect(tables[0]!.columns[1]).toEqual({ width: 2, horizontalCellContentAlignment: 'Right' });
      // A host that cannot draw the table says so in one line; the figures are in the card once, in the table.
      expect(tables[0]!.fallback).toMatchObject({ type: 'TextBlock', text: TABLE_FALLBACK });
      const json = JSON.stringify(card);
      for (const f of facts) expect(json.split(`"text":"${f.label}"`)).toHaveLength(2);
      expect(lines).toContain('• Call the dairy vendor, by **Friday**');
      expect(lines).toContain('Yesterday: ₹18,400 vs target ₹20,000');
      expect(lines).toContain(`Chart "${answer.chart!.title}" left out: too large for a Teams message.`);
      expect(lines).toContain('Worded by Gemini; every number checked against the SQL facts');
      expect(validate(card)).toEqual([]);
    },
  );
});

describe('every other card Titan sends in Teams is valid Adaptive Card 1.5', () => {
  const cards: [string, AdaptiveCard][] = [
    ['status', renderStatusCard('Scanning 45,210 sales lines…', 'Asked by Test User')],
    ['failure', renderFailureCard('No answer after 60 s, so I stopped.')],
    ['welcome on install', renderWelcomeCard('install')],
    ['welcome on an empty mention', renderWelcomeCard('empty-mention')],
    ['task pending', renderTaskCard(sampleTask(), { refreshFor: ['29:user'] })],
    [
      'task acknowledged and assigned',
      renderTaskCard(
        sampleTask({
          status: 'Acknowledged',
          acknowledgedBy: 'Test User',
          acknowledgedAt: '2026-01-15T04:00:00.000Z',
          assignee: 'Ravi',
        }),
      ),
    ],
    [
      'task done',
      renderTaskCard(sampleTask({ status: 'Done', doneBy: 'Test User', doneAt: '2026-01-15T06:00:00.000Z' })),
    ],
  ];
  it.each(cards)('%s', CORPUS, (_name, card) => {
    expect(validate(card)).toEqual([]);
  });

  it('task cards offer what the state allows, and refresh from the row', () => {
    const verbs = (card: AdaptiveCard) =>
      card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions.map((a) => a.verb) : []));
    expect(verbs(renderTaskCard(sampleTask()))).toEqual([
      TASK_VERBS.acknowledge,
      TASK_VERBS.assign,
      TASK_VERBS.done,
    ]);
    expect(verbs(renderTaskCard(sampleTask({ status: 'Acknowledged' })))).toEqual([
      TASK_VERBS.assign,
      TASK_VERBS.done,
    ]);
    const done = renderTaskCard(
      sampleTask({ status: 'Done', doneBy: 'Asha', doneAt: '2026-01-15T06:00:00.000Z' }),
    );
    expect(verbs(done)).toEqual([]);
    expect(cardTexts(done)).toContain(
      'Done by Asha {{DATE(2026-01-15T06:00:00Z, SHORT)}} {{TIME(2026-01-15T06:00:00Z)}}',
    );
    expect(done.refresh?.action).toMatchObject({ verb: TASK_VERBS.refresh, data: { taskId: 'task_1' } });
  });

  it(
    "shows names from owners' files with control characters visible, in answers and task cards",
    CORPUS,
    () => {
      const answer = renderAnswerCard(hostileAnswer(), { audience: 'private' });
      const card = renderTaskCard(hostileTask());
      expect(validate(answer)).toEqual([]);
      for (const s of [...stringsIn(answer), ...stringsIn(card)]) expect(controlsIn(s)).toEqual([]);
      expect(cardTexts(answer)).toContain(
        `Gaps: Failed expenses file ${HOSTILE_FILE_SHOWN}: no data rows; Failed sales file <!channel>.csv`,
      );
      expect(cardTexts(answer)[0]).toBe(`${HOSTILE_ITEM_SHOWN} up 23% <!channel>`);
      expect(cardTexts(card)[0]).toContain(`Task: Re-send ${HOSTILE_FILE_SHOWN} <!here>`);
    },
  );
});

describe('renderAnswerCard: declines', () => {
  it("offers a declined question's closest readings as prompt actions (feedback is Teams' own, not a card button)", () => {
    const suggestions = ['Revenue last 7 days'];
    const card = renderAnswerCard(
      sampleAnswer({ intent: 'declined', findings: [], reading: { text: "I can't", suggestions } }),
      { audience: 'private' },
    );
    const data = (card.actions ?? []).map((a) => a.data as { verb: string; question?: string });
    expect(data[0]).toMatchObject({ verb: 'titan.prompt', question: 'Revenue last 7 days' });
    expect(data.map((d) => d.verb)).not.toContain(FEEDBACK_VERB);
  });
});
