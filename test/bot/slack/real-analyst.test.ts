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
    expect(answer).toContain('feedback_buttons');
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
    const dm = directMessage('revenue trend last 30 days');
    await h.postEvent(dm);
    await h.settle();
    const final = h.fake.callsTo('chat.update').at(-1)!;
    assertValidBlocks(final.body.blocks);
    const [upload] = h.fake.callsTo('upload');
    expect(upload?.bytes).toBeGreaterThan(1000);
    const [complete] = h.fake.callsTo('files.completeUploadExternal');
    expect(complete!.body.thread_ts).toBe((dm.event as { ts: string }).ts);
  });

  it('an everyday question answers that day, with the figure the rows give, and states the reading', async () => {
    h = await startHarness({ realAnalyst: true });
    await h.postEvent(appMention('What were sales on 10 January?'));
    await h.settle();
    const final = h.fake.callsTo('chat.update').at(-1)!;
    assertValidBlocks(final.body.blocks);
    // Computed here from the rows, not by Titan's query: lines neither voided nor complimentary.
    const [{ total }] = (await h.warehouse.query(
      `SELECT SUM(amount) AS total FROM sales WHERE date = '2026-01-10'
         AND LOWER(COALESCE(status, '')) NOT IN ('void', 'voided', 'cancelled', 'canceled', 'complimentary', 'comp', 'compliment')`,
    )) as [{ total: number }];
    const shown = `₹${Math.round(total).toLocaleString('en-IN')}`;
    const text = JSON.stringify(final.body.blocks);
    expect(text).toContain('Revenue on Sat 10 Jan 2026');
    expect(text).toContain(shown);
  });

  it('a question it cannot answer is declined with buttons that ask the closest questions', async () => {
    h = await startHarness({ realAnalyst: true });
    await h.postEvent(appMention('what is our table turnover time?'));
    await h.settle();
    const final = h.fake.callsTo('chat.update').at(-1)!;
    assertValidBlocks(final.body.blocks);
    expect(JSON.stringify(final.body.blocks)).not.toMatch(/₹\d/);
    const buttons = (
      final.body.blocks as {
        type: string;
        block_id?: string;
        elements?: { action_id: string; value: string }[];
      }[]
    )
      .filter((b) => b.type === 'actions' && b.block_id === 'titan_suggestions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.length).toBeGreaterThan(0);

    const before = h.fake.callsTo('chat.update').length;
    await h.postForm(
      blockAction(
        { action_id: buttons[0]!.action_id, block_id: 'titan_suggestions', value: buttons[0]!.value },
        { messageTs: String(final.body.ts), threadTs: THREAD },
      ),
    );
    await h.settle();
    const pressed = h.fake.callsTo('chat.update').slice(before).at(-1)!;
    assertValidBlocks(pressed.body.blocks);
    // The suggestion is asked as a question of its own: its answer's headline states that reading.
    const headline = (pressed.body.blocks as { text?: { text: string } }[])[0]?.text?.text ?? '';
    expect(headline).toContain(buttons[0]!.value);
    expect(headline).not.toContain('table turnover');
  });
});
