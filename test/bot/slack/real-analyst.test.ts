// End to end with the real analyst on the demo café: a mention gets true status lines, a valid answer, a chart and task cards.
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS } from '../../helpers/corpora.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { type Harness, startHarness } from './harness.ts';
import { appMention, blockAction, CHANNEL, directMessage } from './payloads.ts';

const THREAD = '1595926230.009600';

describe('Slack with the real analyst', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('a leak scan in a channel: live status, one valid answer, cards for the tasks it created', async () => {
    h = await startHarness({ realAnalyst: true });
    await h.postEvent(appMention('Scan for profit leaks'));
    await h.settle();

    const updates = h.fake.callsTo('chat.update');
    const final = updates.at(-1)!;
    assertValidBlocks(final.body.blocks);
    const answer = JSON.stringify(final.body.blocks);
    expect(answer).toContain('How this was found');
    expect(answer).toContain('titan_feedback_up');
    // Progress lines came from the analyst itself before the answer replaced them.
    expect(updates.length).toBeGreaterThan(1);
    expect(
      h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.text === 'Working on it…'),
    ).toHaveLength(1);

    const created = (await h.tasks.list({})).filter((t) => t.threadRef === `slack:${CHANNEL}:${THREAD}`);
    expect(created.length).toBeGreaterThan(0);
    const cards = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => JSON.stringify(c.body).includes('titan_task:'));
    expect(cards).toHaveLength(created.length);
    for (const card of cards) {
      expect(card.body.thread_ts).toBe(THREAD);
      assertValidBlocks(card.body.blocks);
    }

    const first = cards[0]!;
    const taskId = String(JSON.stringify(first.body.blocks).match(/titan_task:([^"]+)/)![1]);
    await h.postForm(
      blockAction(
        { action_id: 'titan_task_done', block_id: `titan_task:${taskId}`, value: taskId },
        { messageTs: String(first.response!.ts), threadTs: THREAD },
      ),
    );
    await h.settle();
    expect((await h.tasks.get(taskId))!.status).toBe('Done');
  });

  it('a revenue trend in a DM uploads the chart PNG into the conversation', async () => {
    h = await startHarness({ realAnalyst: true });
    await h.postEvent(directMessage('revenue trend last 30 days'));
    await h.settle();
    const final = h.fake.callsTo('chat.update').at(-1)!;
    assertValidBlocks(final.body.blocks);
    const [upload] = h.fake.callsTo('upload');
    expect(upload?.bytes).toBeGreaterThan(1000);
    const [complete] = h.fake.callsTo('files.completeUploadExternal');
    expect(complete!.body.thread_ts).toBe(final.body.ts);
  });
});
