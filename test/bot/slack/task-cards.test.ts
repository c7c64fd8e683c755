// Task cards: Acknowledge / Assign / Done update ai_task_queue and edit the card once; other workspaces and staff are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS } from '../../helpers/corpora.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { type Harness, startHarness } from './harness.ts';
import { appMention, blockAction, OWNER } from './payloads.ts';

const THREAD = '1595926230.009600';

async function cardFor(h: Harness): Promise<{ taskId: string; ts: string }> {
  await h.postEvent(appMention('scan for profit leaks'));
  await h.settle();
  const [task] = await h.tasks.list({});
  const card = h.fake
    .callsTo('chat.postMessage')
    .find((c) => JSON.stringify(c.body).includes('titan_task:'))!;
  return { taskId: task!.taskId, ts: String(card.response!.ts) };
}

function press(
  h: Harness,
  card: { taskId: string; ts: string },
  action: { action_id: string; value?: string; type?: string; selected_user?: string },
  o: { user?: string; team?: string } = {},
) {
  return h.postForm(
    blockAction(
      { block_id: `titan_task:${card.taskId}`, ...action },
      { messageTs: card.ts, threadTs: THREAD, ...o },
    ),
  );
}

const cardEdits = (h: Harness, ts: string) => h.fake.callsTo('chat.update').filter((c) => c.body.ts === ts);

describe('task cards', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('Acknowledge updates the queue and edits the card to say who did it and when', async () => {
    h = await startHarness();
    const card = await cardFor(h);
    const res = await press(h, card, { action_id: 'titan_task_ack', value: card.taskId });
    expect(res.status).toBe(200);
    await h.settle();
    expect(await h.tasks.get(card.taskId)).toMatchObject({ status: 'Acknowledged', acknowledgedBy: OWNER });
    const [edit] = cardEdits(h, card.ts);
    assertValidBlocks(edit!.body.blocks);
    const text = JSON.stringify(edit!.body.blocks);
    expect(text).toContain(`<@${OWNER}> acknowledged this <!date^1768451400^`);
    expect(text).toContain('Status: *Acknowledged*');
    expect(text).not.toContain('titan_task_ack');
  });

  it('a double click changes nothing the second time', async () => {
    h = await startHarness();
    const card = await cardFor(h);
    await press(h, card, { action_id: 'titan_task_ack', value: card.taskId });
    await press(h, card, { action_id: 'titan_task_ack', value: card.taskId });
    await h.settle();
    expect(cardEdits(h, card.ts)).toHaveLength(1);
  });

  it('Assign (user select) records the assignee; Done removes the buttons', async () => {
    h = await startHarness();
    const card = await cardFor(h);
    await press(h, card, { action_id: 'titan_task_assign', type: 'users_select', selected_user: 'UCHEF' });
    await h.settle();
    expect((await h.tasks.get(card.taskId))!.assignee).toBe('UCHEF');
    expect(JSON.stringify(cardEdits(h, card.ts)[0]!.body.blocks)).toContain(
      `<@${OWNER}> assigned this to <@UCHEF>`,
    );

    await press(h, card, { action_id: 'titan_task_done', value: card.taskId });
    await h.settle();
    expect(await h.tasks.get(card.taskId)).toMatchObject({ status: 'Done', doneBy: OWNER });
    const done = cardEdits(h, card.ts).at(-1)!;
    assertValidBlocks(done.body.blocks);
    expect((done.body.blocks as { type: string }[]).map((b) => b.type)).not.toContain('actions');
  });

  it('ignores a press whose payload comes from another workspace', async () => {
    h = await startHarness();
    const card = await cardFor(h);
    await press(h, card, { action_id: 'titan_task_done', value: card.taskId }, { team: 'T999' });
    await h.settle();
    expect((await h.tasks.get(card.taskId))!.status).toBe('Pending');
    expect(cardEdits(h, card.ts)).toHaveLength(0);
  });

  it('lets managers act, and tells anyone else who can grant access', async () => {
    h = await startHarness({ config: { TITAN_OWNERS: OWNER, TITAN_MANAGERS: 'UMGR' } });
    const card = await cardFor(h);
    await press(h, card, { action_id: 'titan_task_ack', value: card.taskId }, { user: 'USTAFF' });
    await h.settle();
    expect((await h.tasks.get(card.taskId))!.status).toBe('Pending');
    const [refusal] = h.fake.callsTo('chat.postEphemeral');
    expect(refusal!.body).toMatchObject({
      user: 'USTAFF',
      text: `Only owners and managers can act on Titan's tasks. Ask <@${OWNER}> to add you to TITAN_MANAGERS.`,
    });

    await press(h, card, { action_id: 'titan_task_ack', value: card.taskId }, { user: 'UMGR' });
    await h.settle();
    expect(await h.tasks.get(card.taskId)).toMatchObject({ status: 'Acknowledged', acknowledgedBy: 'UMGR' });
  });
});
