// Task cards in Teams: Acknowledge / Assign / Done presses (Action.Execute invokes and Action.Submit messages) update
// ai_task_queue and the card for everyone, idempotently; a change made elsewhere (Slack) shows on refresh.
import { afterEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../src/bot/render/adaptive-card.ts';
import { TASK_VERBS } from '../../../src/bot/teams/task-card.ts';
import type { ConnectorCall } from '../../fakes/bot-connector.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { type Activity, cardsOf, cardTexts, type Harness, startHarness } from './harness.ts';
import { ADAPTIVE_CARD_SCHEMA, schemaValidator } from './json-schemas.ts';

const validate = schemaValidator(ADAPTIVE_CARD_SCHEMA);
const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const USER_ID = '29:1xXxFakeUserBase64IdStringForTeamsPlatformAbcDeFgHiJkLmNoPqRsTuVwXyZ012345ABCDEF';

interface QueueRow {
  status: string;
  assignee: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  done_by: string | null;
}

const verbsOn = (card: AdaptiveCard) =>
  card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions.map((a) => a.title) : []));

describe('Teams task cards', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  /** Asks a question in a 1:1 chat and returns the task card Titan posted after the answer. */
  async function answered(): Promise<{ call: ConnectorCall; taskId: string; dm: Activity }> {
    const dm = h.recorded('dm/teams.json', 'dmMessage');
    await h.post(dm);
    await h.settle();
    const call = h.fake.calls.find(
      (c) => c.method === 'POST' && cardsOf(c).some((card) => cardTexts(card)[0]?.includes('Task:')),
    )!;
    const card = cardsOf(call)[0]!;
    return { call, taskId: String(card.refresh!.action.data!.taskId), dm };
  }

  function invoke(dm: Activity, replyToId: string, verb: string, data: Record<string, unknown>, id: string) {
    return h.post({
      ...dm,
      type: 'invoke',
      name: 'adaptiveCard/action',
      id,
      text: undefined,
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
    });
  }

  const row = async (taskId: string) =>
    (
      await h.warehouse.query<QueueRow>(
        'SELECT status, assignee, acknowledged_by, acknowledged_at, done_by FROM ai_task_queue WHERE task_id = @id',
        { id: taskId },
      )
    )[0]!;

  it('posts a valid task card after the answer, with Acknowledge / Assign / Done and a refresh from the queue', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, taskId } = await answered();
    const card = cardsOf(call)[0]!;
    expect(validate(card)).toEqual([]);
    expect(verbsOn(card)).toEqual(['Acknowledge', 'Assign', 'Done']);
    expect(card.refresh).toMatchObject({ action: { verb: TASK_VERBS.refresh }, userIds: [USER_ID] });
    expect((await row(taskId)).status).toBe('Pending');
  });

  it('acknowledges on a press, updates the card for everyone, and a double press changes nothing', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, taskId, dm } = await answered();
    const postsBefore = h.fake.calls.filter((c) => c.method === 'POST').length;
    const res = await invoke(dm, call.createdId!, TASK_VERBS.acknowledge, { taskId }, 'inv-1');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: AdaptiveCard };
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    expect(validate(body.value)).toEqual([]);
    expect(cardTexts(body.value)).toContain(
      'Status: **Acknowledged** · due {{DATE(2026-01-16T04:30:00Z, SHORT)}} {{TIME(2026-01-16T04:30:00Z)}}',
    );
    expect(verbsOn(body.value)).toEqual(['Assign', 'Done']);

    const first = await row(taskId);
    expect(first).toMatchObject({ status: 'Acknowledged', acknowledged_by: 'Test User' });
    const edit = h.fake.calls.at(-1)!;
    expect(edit).toMatchObject({ method: 'PUT', activityId: call.createdId });
    expect(cardsOf(edit)[0]).toEqual(body.value);

    h.advance(60_000);
    const again = await invoke(dm, call.createdId!, TASK_VERBS.acknowledge, { taskId }, 'inv-2');
    expect(((await again.json()) as { value: AdaptiveCard }).value).toEqual(body.value);
    expect(await row(taskId)).toEqual(first);
    // Presses edit the one card; they never post a second one.
    expect(h.fake.calls.filter((c) => c.method === 'POST')).toHaveLength(postsBefore);
  });

  it('assigns to the typed name, asks for one when the box is empty, and closes the card on Done', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, taskId, dm } = await answered();
    const empty = await invoke(dm, call.createdId!, TASK_VERBS.assign, { taskId, assignee: '  ' }, 'inv-1');
    expect(await empty.json()).toEqual({
      statusCode: 200,
      type: MESSAGE,
      value: 'Type who should do it, then press Assign.',
    });
    expect((await row(taskId)).assignee).toBeNull();

    const assigned = await invoke(
      dm,
      call.createdId!,
      TASK_VERBS.assign,
      { taskId, assignee: 'Ravi' },
      'inv-2',
    );
    expect(cardTexts(((await assigned.json()) as { value: AdaptiveCard }).value)).toContain(
      'Assigned to Ravi',
    );
    expect(await row(taskId)).toMatchObject({ status: 'Acknowledged', assignee: 'Ravi' });

    const done = await invoke(dm, call.createdId!, TASK_VERBS.done, { taskId }, 'inv-3');
    const card = ((await done.json()) as { value: AdaptiveCard }).value;
    expect(verbsOn(card)).toEqual([]);
    expect(validate(card)).toEqual([]);
    expect(await row(taskId)).toMatchObject({ status: 'Done', done_by: 'Test User' });
  });

  it('takes an Action.Submit press (a message with a value) and edits the card in place', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, taskId, dm } = await answered();
    const before = h.fake.calls.length;
    await h.post({
      ...dm,
      id: 'submit-1',
      text: undefined,
      replyToId: call.createdId,
      value: { verb: TASK_VERBS.done, taskId },
    });
    await h.settle();
    expect((await row(taskId)).status).toBe('Done');
    const added = h.fake.calls.slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ method: 'PUT', activityId: call.createdId });
    expect(cardTexts(cardsOf(added[0]!)[0]!)[0]).toBe('✅ Task: Retrain prep staff on dough ratios');
  });

  it('lets managers act and refuses everyone else, naming who can grant access', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, taskId, dm } = await answered();
    Object.assign(h.config, { TITAN_OWNERS: 'asha@cafe.example', TITAN_MANAGERS: '29:someone-else' });
    const refused = await invoke(dm, call.createdId!, TASK_VERBS.done, { taskId }, 'inv-1');
    expect(await refused.json()).toEqual({
      statusCode: 200,
      type: MESSAGE,
      value:
        "Only owners and managers can act on Titan's tasks. Ask asha@cafe.example to add you to TITAN_MANAGERS.",
    });
    expect((await row(taskId)).status).toBe('Pending');

    h.config.TITAN_MANAGERS = USER_ID;
    await invoke(dm, call.createdId!, TASK_VERBS.done, { taskId }, 'inv-2');
    expect((await row(taskId)).status).toBe('Done');
  });

  it('shows a change made in Slack when the card refreshes, re-read from the queue', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, taskId, dm } = await answered();
    await h.tasks.act(taskId, { kind: 'done', by: 'U0SLACKUSER' });
    const before = h.fake.calls.length;
    const res = await h.post({
      ...dm,
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'refresh-1',
      text: undefined,
      replyToId: call.createdId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: TASK_VERBS.refresh,
          data: { verb: TASK_VERBS.refresh, taskId },
        },
        trigger: 'automatic',
      },
    });
    const card = ((await res.json()) as { value: AdaptiveCard }).value;
    expect(cardTexts(card)).toContain(
      'Done by U0SLACKUSER {{DATE(2026-01-15T04:30:00Z, SHORT)}} {{TIME(2026-01-15T04:30:00Z)}}',
    );
    expect(verbsOn(card)).toEqual([]);
    expect(h.fake.calls.length).toBe(before);
  });

  it('says so when the task is not in the queue', async () => {
    h = await startHarness({ mode: 'app' });
    const { call, dm } = await answered();
    const res = await invoke(
      dm,
      call.createdId!,
      TASK_VERBS.acknowledge,
      { taskId: 'no-such-task' },
      'inv-1',
    );
    const body = (await res.json()) as { type: string; value: string };
    expect(body.type).toBe(MESSAGE);
    expect(body.value).toMatch(/^I could not answer that: No task "no-such-task"/);
  });
});
