// Slack request bodies built from real recorded payloads (bolt-python tests, vercel/chat replays), retargeted per test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpus } from '../../helpers/corpora.ts';

const corpora = corpus('chat_platforms');
const boltPython = (name: string) => path.join(corpora, 'slack/bolt-python_test_payloads', name);
const vercel = (name: string) =>
  path.join(corpora, 'recorded_webhooks_vercel-chat/packages/integration-tests/fixtures/replay', name);

type Json = Record<string, unknown>;
const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

export const TEAM = 'T111';
export const CHANNEL = 'C111';
export const OWNER = 'W222';

export function urlVerification(): Json {
  return read(boltPython('test_events_url_verification__event_body.json'));
}

/** bolt-python's app_mention body, asking `question` (with the bot's mention in front). */
export function appMention(
  question: string,
  o: { eventId?: string; user?: string; channel?: string; threadTs?: string; ts?: string } = {},
): Json {
  const body = read(boltPython('test_app__app_mention_event_body.json'));
  const event = body.event as Json;
  Object.assign(event, {
    text: `<@UBOT> ${question}`.trimEnd(),
    user: o.user ?? OWNER,
    channel: o.channel ?? CHANNEL,
    ...(o.ts ? { ts: o.ts, event_ts: o.ts } : {}),
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  });
  // The recorded body is an Enterprise Grid install; this test workspace is a plain one.
  delete body.enterprise_id;
  return { ...body, team_id: TEAM, event_id: o.eventId ?? 'Ev111' };
}

/** vercel/chat's recorded direct message, retargeted to this workspace. */
export function directMessage(
  text: string,
  o: { eventId?: string; user?: string; threadTs?: string } = {},
): Json {
  const body = read(vercel('dm/slack-direct.json')).directDM as Json;
  const event = body.event as Json;
  Object.assign(event, {
    text,
    user: o.user ?? OWNER,
    team: TEAM,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
  });
  delete event.blocks;
  return {
    ...body,
    team_id: TEAM,
    context_team_id: TEAM,
    event_id: o.eventId ?? 'EvDM1',
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false },
    ],
  };
}

/** An assistant-thread event (assistant_thread_started) as Slack documents it. */
export function assistantThreadStarted(o: { eventId?: string } = {}): Json {
  return {
    token: 'verification_token',
    team_id: TEAM,
    api_app_id: 'A111',
    type: 'event_callback',
    event_id: o.eventId ?? 'EvAS1',
    event_time: 1768451400,
    event: {
      type: 'assistant_thread_started',
      assistant_thread: {
        user_id: OWNER,
        context: { channel_id: CHANNEL, team_id: TEAM },
        channel_id: 'D0ACX51K95H',
        thread_ts: '1768451400.000100',
      },
      event_ts: '1768451400.000200',
    },
  };
}

/** An Events API envelope around `event`, as Slack documents it for agent-view events. */
function envelope(event: Json, eventId: string): Json {
  return {
    token: 'verification_token',
    team_id: TEAM,
    api_app_id: 'A111',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1768451400,
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: OWNER, is_bot: false, is_enterprise_install: false },
    ],
    event,
  };
}

/** app_home_opened (docs.slack.dev/reference/events/app_home_opened): tab "messages" opens the DM in agent view. */
export function appHomeOpened(tab: 'messages' | 'home', o: { eventId?: string } = {}): Json {
  return envelope(
    { type: 'app_home_opened', user: OWNER, channel: 'D0ACX51K95H', tab, event_ts: '1768451400.000300' },
    o.eventId ?? 'EvAH1',
  );
}

/** app_context_changed (docs.slack.dev/reference/events/app_context_changed): the owner is viewing a channel. */
export function appContextChanged(o: { eventId?: string } = {}): Json {
  return envelope(
    {
      type: 'app_context_changed',
      user: OWNER,
      channel: 'D0ACX51K95H',
      context: { entities: [{ type: 'slack#/types/channel_id', value: CHANNEL, team_id: TEAM }] },
      event_ts: '1768451400.000400',
    },
    o.eventId ?? 'EvAC1',
  );
}

/** vercel/chat's slash command fields (with arguments), as Slack form-encodes them. */
export function slashCommand(
  text: string,
  o: { user?: string; channel?: string; responseUrl?: string } = {},
): Record<string, string> {
  const fields = read(vercel('slash-commands/slack.json')).slashCommandWithArgs as Record<string, string>;
  return {
    ...fields,
    command: '/titan',
    text,
    team_id: TEAM,
    user_id: o.user ?? OWNER,
    channel_id: o.channel ?? CHANNEL,
    ...(o.responseUrl ? { response_url: o.responseUrl } : {}),
  };
}

/** vercel/chat's recorded block_actions payload, pressing one element of a message Titan posted. */
export function blockAction(
  action: { action_id: string; block_id?: string; value?: string; selected_user?: string; type?: string },
  o: {
    user?: string;
    team?: string;
    userTeam?: string;
    channel?: string;
    messageTs: string;
    threadTs?: string;
  },
): Record<string, string> {
  const body = read(vercel('actions-reactions/slack.json')).action as Json;
  const team = o.team ?? TEAM;
  const payload = {
    ...body,
    user: { id: o.user ?? OWNER, username: 'owner', name: 'owner', team_id: o.userTeam ?? team },
    team: { id: team, domain: 'titan-test' },
    channel: { id: o.channel ?? CHANNEL, name: 'ops' },
    container: {
      type: 'message',
      message_ts: o.messageTs,
      channel_id: o.channel ?? CHANNEL,
      is_ephemeral: false,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    message: {
      type: 'message',
      user: 'UBOT',
      ts: o.messageTs,
      text: 'card',
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    actions: [{ type: 'button', action_ts: '1768451400.1', ...action }],
  };
  return { payload: JSON.stringify(payload) };
}
