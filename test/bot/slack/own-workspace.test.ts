// Titan answers only its own workspace: a request naming another anywhere, or naming none, is acknowledged and ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS } from '../../helpers/corpora.ts';
import { type Harness, startHarness } from './harness.ts';
import { appMention, blockAction, directMessage, slashCommand, TEAM } from './payloads.ts';

type Json = Record<string, unknown>;
const ELSEWHERE = 'T999';
const ignoredAs = (h: Harness, line: string) => h.logs.filter((l) => l.includes(line)).length;

/** vercel/chat's recorded DM without its envelope's team fields, so only the event says whose it is. */
function dmNamingOnly(eventFields: Json, o: { eventId: string }): Json {
  const { team_id, context_team_id, authorizations, ...body } = directMessage('daily brief', o);
  return { ...body, event: { ...(body.event as Json), ...eventFields } };
}

describe('only this workspace', CORPUS, () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('answers nothing a request from another workspace asks: mention, DM or /titan', async () => {
    h = await startHarness();
    const elsewhere = { team_id: ELSEWHERE };
    expect((await h.postEvent({ ...appMention('scan for profit leaks'), ...elsewhere })).status).toBe(200);
    expect((await h.postEvent({ ...directMessage('daily brief'), ...elsewhere })).status).toBe(200);
    const command = await h.postForm({ ...slashCommand('revenue trend'), ...elsewhere });
    expect(command.status).toBe(200);
    expect(await command.text()).toBe('');
    await h.settle();
    expect(h.analyst.requests).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(ignoredAs(h, 'slack request from another workspace ignored')).toBe(3);
    // The same mention from this workspace is answered.
    await h.postEvent(appMention('scan for profit leaks', { eventId: 'EvSame' }));
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
  });

  it('ignores an event with no team_id whose event names another workspace, and answers it from ours', async () => {
    h = await startHarness();
    const res = await h.postEvent(dmNamingOnly({ team: ELSEWHERE }, { eventId: 'EvOther' }));
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.analyst.requests).toHaveLength(0);
    expect(ignoredAs(h, 'slack request from another workspace ignored')).toBe(1);

    await h.postEvent(dmNamingOnly({ team: TEAM }, { eventId: 'EvOurs' }));
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).not.toHaveLength(0);
  });

  it("ignores a shared channel's message from another company's user, though delivered to this workspace", async () => {
    h = await startHarness();
    const dm = directMessage('daily brief');
    const sent = { ...dm, event: { ...(dm.event as Json), user_team: ELSEWHERE, source_team: ELSEWHERE } };
    expect((await h.postEvent(sent)).status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('ignores, and logs, an event naming no workspace at all (an enterprise id alone is not one)', async () => {
    h = await startHarness();
    const { team_id, ...mention } = appMention('scan for profit leaks');
    const { team, ...event } = mention.event as Json;
    const res = await h.postEvent({ ...mention, enterprise_id: 'E111', event });
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(ignoredAs(h, 'slack request naming no workspace ignored')).toBe(1);
  });

  it("answers bolt-python's recorded mention without team_id: its event names this workspace", async () => {
    h = await startHarness();
    const { team_id, ...mention } = appMention('scan for profit leaks');
    expect((mention.event as Json).team).toBe(TEAM);
    await h.postEvent(mention);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
  });

  it("ignores a prompt button pressed by another workspace's user in this workspace's message", async () => {
    h = await startHarness();
    const press = (userTeam: string) =>
      h.postForm(
        blockAction(
          { action_id: 'titan_prompt_2', block_id: 'titan_prompts', value: 'Revenue trend' },
          { messageTs: '1768451400.000100', userTeam },
        ),
      );
    expect((await press(ELSEWHERE)).status).toBe(200);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(0);
    await press(TEAM);
    await h.settle();
    expect(h.analyst.requests).toHaveLength(1);
  });
});
