// query_data at the wire: the model's semantic query runs on the warehouse, its figures ground the words, bad calls come back as errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnalyst } from '../../../../src/core/analyst/llm/llm-analyst.ts';
import { QUERY_TOOL_NAME } from '../../../../src/core/analyst/llm/query-tool.ts';
import type { Analyst, Audience } from '../../../../src/core/analyst/port.ts';
import { createLogger } from '../../../../src/core/logger.ts';
import type { Answer, Period } from '../../../../src/core/model/answer.ts';
import { DEFAULT_SCOPE } from '../../../../src/core/model/scope.ts';
import { DIMENSION_LIST, MEASURE_LIST } from '../../../../src/core/semantic/model.ts';
import { semanticQuerySchema } from '../../../../src/core/semantic/query.ts';
import type { GeminiRecord, GeminiReply } from '../../../fakes/gemini.ts';
import { type LlmHarness, startLlmHarness } from '../../llm/harness.ts';

const ASKED: Period = { from: '2026-11-13', to: '2026-11-19', label: 'last 7 days' };
const OCTOBER: Period = { from: '2026-10-01', to: '2026-10-31', label: 'October 2026' };

interface Sale {
  org_id: string;
  date: string;
  order_id: string;
  item: string;
  qty: number;
  unit_price: number;
  amount: number;
  status: string | null;
  staff: string;
}
const sale = (
  date: string,
  order: string,
  item: string,
  qty: number,
  price: number,
  status: string | null = null,
) => ({
  org_id: DEFAULT_SCOPE.orgId,
  date,
  order_id: order,
  item,
  qty,
  unit_price: price,
  amount: qty * price,
  status,
  staff: 'Ravi',
});
const SALES: Sale[] = [
  sale('2026-11-14', 'B1', 'Masala Dosa', 2, 120),
  sale('2026-11-14', 'B1', 'Filter Coffee', 3, 40),
  sale('2026-11-15', 'B2', 'Masala Dosa', 1, 120),
  sale('2026-11-15', 'B3', 'Masala Dosa', 4, 120, 'Void'),
  sale('2026-11-16', 'B4', 'Paneer Tikka', 1, 260),
  sale('2026-10-10', 'B9', 'Masala Dosa', 10, 120),
  { ...sale('2026-11-15', 'X1', 'Masala Dosa', 1, 77_777), org_id: 'other_org' },
];

/** Revenue computed here from the rows above, not by Titan: sale lines of this café in the period. */
function revenueOf(period: Period, item?: string): number {
  return SALES.filter(
    (s) =>
      s.org_id === DEFAULT_SCOPE.orgId &&
      s.date >= period.from &&
      s.date <= period.to &&
      s.status === null &&
      (item === undefined || s.item === item),
  ).reduce((sum, s) => sum + s.amount, 0);
}
const inr = (v: number) => `₹${v.toLocaleString('en-IN')}`;

/** The offline answer: no figures of its own, so any figure the model writes must come from a tool. */
const offlineAnswer = (): Answer => ({
  intent: 'revenue',
  headline: 'Revenue: Titan’s own summary.',
  rootCause: '',
  findings: [],
  actions: [],
  tasks: [],
  facts: [],
  sources: { period: ASKED, rows: { sales: 6 }, freshness: {}, gaps: [] },
  path: 'offline',
  notes: [],
});

let h: LlmHarness;
let analyst: Analyst;

beforeEach(async () => {
  h = await startLlmHarness();
  await h.warehouse.insertRows(
    'sales',
    SALES.map((s) => ({ ...s, location_id: DEFAULT_SCOPE.locationId })),
  );
  analyst = createLlmAnalyst({
    offline: { ask: async () => offlineAnswer(), dailyBrief: async () => offlineAnswer() },
    llm: h.llm,
    metrics: [],
    warehouse: h.warehouse,
    logger: createLogger({ level: 'silent', secrets: () => [] }),
    clock: { now: () => new Date('2026-11-20T10:00:00Z') },
  });
});
afterEach(async () => {
  await h.close();
});

const ask = (question = 'How much did we sell last 7 days?', audience: Audience = 'private') =>
  analyst.ask({ question, scope: DEFAULT_SCOPE, audience });

const query = (args: Record<string, unknown>): GeminiReply => ({
  functionCalls: [{ name: QUERY_TOOL_NAME, args }],
});
type Response = Record<string, unknown> & { error?: string };
const responses = (record: GeminiRecord): Response[] =>
  record.body.contents.flatMap((c) =>
    c.parts.flatMap((p) => {
      const fr = p.functionResponse as { response?: Response } | undefined;
      return fr?.response ? [fr.response] : [];
    }),
  );

describe('query_data: the declaration Gemini reads', () => {
  it('comes first, in Gemini’s schema subset, with every measure’s definition and unit', async () => {
    h.gemini.enqueue({ text: 'Revenue: Titan’s own summary.' });
    await ask();
    const [declaration, ...others] = h.gemini.requests[0]!.body.tools![0]!.functionDeclarations!;
    expect(declaration!.name).toBe('query_data');
    expect(others.map((d) => d.name)).toEqual(['run_sql']);
    const wire = JSON.stringify(declaration!.parameters);
    for (const key of ['$ref', 'oneOf', 'anyOf', 'allOf', 'const', 'pattern', '$schema', 'default']) {
      expect(wire).not.toContain(`"${key}"`);
    }
    const params = declaration!.parameters as {
      properties: Record<string, { description?: string; properties?: Record<string, { enum?: string[] }> }>;
      required: string[];
    };
    expect(Object.keys(params.properties).sort()).toEqual(Object.keys(semanticQuerySchema.shape).sort());
    expect(params.required).toEqual(['measures', 'period']);
    for (const m of MEASURE_LIST) {
      expect(params.properties.measures!.description).toContain(`${m.id} (${m.unit}): ${m.definition}`);
    }
    // The comparison's union, flattened: one kind enum, the named period optional.
    expect(params.properties.compare!.properties!.kind!.enum).toEqual([
      'previous',
      'last_week',
      'last_month',
      'last_year',
      'period',
    ]);
    expect(params.properties.compare).toMatchObject({ required: ['kind'] });
    // Every dimension the layer filters on is offered as one: the attributes and the weekday.
    const offered = /dimensions that filter: ([^.]*)\./.exec(params.properties.filters!.description!)?.[1];
    expect(offered?.split(', ')).toEqual(
      DIMENSION_LIST.filter((d) => d.kind === 'attribute' || d.id === 'weekday').map((d) => d.id),
    );
  });
});

describe('query_data: figures computed by the executor', () => {
  it('grounds the figures it returns: the words are kept, and equal the rows’ own sums', async () => {
    const total = revenueOf(ASKED);
    const dosa = revenueOf(ASKED, 'Masala Dosa');
    expect([total, dosa]).toEqual([740, 360]);
    h.gemini.enqueue(
      query({ measures: ['revenue', 'bills'], groupBy: 'item', period: { ...ASKED, label: 'this week' } }),
      (record) => {
        const [response] = responses(record);
        expect(response).toMatchObject({
          period: ASKED,
          totals: { revenue: total, bills: 3 },
          groups: { by: 'item', count: 3, truncated: false },
        });
        expect(response).not.toHaveProperty('notice');
        return { text: `Revenue last 7 days: ${inr(total)} from 3 bills; Masala Dosa brought ${inr(dosa)}.` };
      },
    );
    const answer = await ask();
    expect(answer.path).toBe('llm');
    expect(answer.headline).toBe('Revenue last 7 days: ₹740 from 3 bills; Masala Dosa brought ₹360.');
    expect(answer.notes).toEqual([]);
    const byId = new Map(answer.facts.map((f) => [f.id, f]));
    expect(byId.get('q.revenue')).toMatchObject({ value: total, unit: 'INR', period: ASKED });
    expect(byId.get('q.revenue@Masala Dosa')?.value).toBe(dosa);
    expect(byId.get('q.bills')?.value).toBe(3);
  });

  it('matches a filter value to the stored name, and names look-alikes for one it cannot find', async () => {
    h.gemini.enqueue(
      {
        functionCalls: [
          {
            name: QUERY_TOOL_NAME,
            args: {
              measures: ['revenue'],
              filters: [{ dimension: 'item', values: ['masala dosa'] }],
              period: ASKED,
            },
          },
          {
            name: QUERY_TOOL_NAME,
            args: {
              measures: ['revenue'],
              filters: [{ dimension: 'item', values: ['Dosa Special'] }],
              period: ASKED,
            },
          },
        ],
      },
      (record) => {
        const [found, missing] = responses(record);
        expect(found).toMatchObject({ totals: { revenue: revenueOf(ASKED, 'Masala Dosa') } });
        expect(missing?.error).toBe(
          'no item "Dosa Special" in this restaurant\'s data; names like it: "Masala Dosa"',
        );
        return { text: 'Masala Dosa: ₹360 in the last 7 days.' };
      },
    );
    expect((await ask('Dosa sales?')).path).toBe('llm');
  });

  it('shows a query for another period: the response says so, and the answer carries a note', async () => {
    h.gemini.enqueue(query({ measures: ['revenue'], period: OCTOBER }), (record) => {
      const [response] = responses(record);
      expect(response).toMatchObject({ period: OCTOBER, askedPeriod: ASKED, totals: { revenue: 1200 } });
      expect(response?.notice).toContain('not the period the owner asked about (last 7 days');
      return { text: 'October 2026 revenue: ₹1,200.' };
    });
    const answer = await ask();
    expect(answer.path).toBe('llm');
    expect(answer.notes).toEqual([
      'Gemini also read October 2026 (2026-10-01 to 2026-10-31); you asked about last 7 days (2026-11-13 to 2026-11-19).',
    ]);
    expect(answer.facts.find((f) => f.id === 'q.revenue')).toMatchObject({
      value: revenueOf(OCTOBER),
      period: OCTOBER,
    });
  });
});

describe('query_data: arguments it cannot run', () => {
  it('answers each bad call with an error the model can read, and carries on', async () => {
    const bad = [
      { measures: ['profit'], period: ASKED },
      { measures: ['revenue'], period: { from: '2026-11-19', to: '2026-11-13', label: 'backwards' } },
      { measures: 'revenue', period: ASKED },
      { measures: ['revenue'], groupBy: 'item', rank: { order: 'desc', limit: 'five' }, period: ASKED },
      { measures: ['revenue'], rank: { order: 'desc', limit: 3 }, period: ASKED },
      { measures: ['revenue'], period: { from: '19/11/2026', to: '2026-11-19', label: 'x' } },
    ];
    h.gemini.enqueue({ functionCalls: bad.map((args) => ({ name: QUERY_TOOL_NAME, args })) }, (record) => {
      const errors = responses(record).map((r) => r.error);
      expect(errors).toHaveLength(bad.length);
      expect(errors[0]).toMatch(/^invalid arguments at measures\.0: /);
      expect(errors[1]).toBe('invalid arguments at period: from must not be after to');
      expect(errors[2]).toMatch(/^invalid arguments at measures: .*array/);
      expect(errors[3]).toMatch(/^invalid arguments at rank\.limit: /);
      expect(errors[4]).toContain('Ranking and shares need a breakdown');
      expect(errors[5]).toMatch(/^invalid arguments at period\.from: /);
      return { text: 'I could not compute that figure.' };
    });
    const answer = await ask();
    expect(answer.path).toBe('llm');
    expect(answer.headline).toBe('I could not compute that figure.');
    expect(answer.facts).toEqual([]);
  });

  it('keeps figures by staff member out of a public channel', async () => {
    h.gemini.enqueue(query({ measures: ['void_count'], groupBy: 'staff', period: ASKED }), (record) => {
      expect(responses(record)[0]).toEqual({
        error: 'figures by staff member are not shown in a public channel',
      });
      return { text: 'Voids are not shown by person here.' };
    });
    expect((await ask('Who voids most?', 'public')).path).toBe('llm');
  });
});

describe('query_data: what the owner never reads', () => {
  it('rejects a figure the tool did not return: the offline answer with the note, the figure not shown', async () => {
    const total = revenueOf(ASKED);
    h.gemini.enqueue(query({ measures: ['revenue'], period: ASKED }), {
      text: `Revenue last 7 days: ${inr(total)}, up 12% on the week before.`,
    });
    const answer = await ask();
    expect(answer.path).toBe('offline');
    expect(answer.headline).toBe(offlineAnswer().headline);
    expect(answer.notes).toEqual([expect.stringContaining('figures not in your data')]);
    expect(JSON.stringify(answer)).not.toContain('12%');
    expect(answer.cost?.calls).toBe(2);
  });

  it('answers offline when the budget runs out between the query and the words', async () => {
    // One call costs ₹0.007 at the fake's token counts: the first fits, the second finds the cap reached.
    h.config.LLM_MONTHLY_BUDGET_INR = '0.005';
    h.gemini.enqueue(query({ measures: ['revenue'], period: ASKED }), { text: 'Revenue: ₹740.' });
    const answer = await ask();
    expect(answer.path).toBe('offline');
    expect(answer.notes).toEqual([expect.stringContaining('budget (LLM_MONTHLY_BUDGET_INR) is spent')]);
    expect(JSON.stringify(answer)).not.toContain('740');
    expect(h.gemini.requests).toHaveLength(1);
  });
});
