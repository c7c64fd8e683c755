// The install flow on the real HTTP server: POST /slack/events refuses until PATCH /config sets the Slack keys,
// then answers at once (no restart); signatures are checked through the whole stack.
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../../src/admin/app.ts';
import { type RunningServer, startNodeServer } from '../../../src/admin/node-server.ts';
import { createSlackDoor, type SlackDoor } from '../../../src/bot/slack/slack-door.ts';
import { createAnalyst } from '../../../src/core/analyst/analyst.ts';
import { generateDemo } from '../../../src/core/analyst/demo/generate-demo.ts';
import { createConfigVault } from '../../../src/core/config/vault.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createTaskService } from '../../../src/core/tasks/task-service.ts';
import { createTitan, type Titan } from '../../../src/core/titan.ts';
import { type FakeSlack, slackSignatureHeaders, startFakeSlack } from '../../fakes/slack.ts';
import { CORPUS } from '../../helpers/corpora.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';
import { assertValidBlocks } from '../render/block-kit-rules.ts';
import { appMention, CHANNEL } from './payloads.ts';

const ADMIN_TOKEN = 'slack-server-admin-token-0123456789';
const SECRET = 'server-signing-secret-0123456789';

describe('POST /slack/events on the real server', CORPUS, () => {
  const tmp = useTmpDirs();
  let server: RunningServer | undefined;
  let titan: Titan | undefined;
  let fake: FakeSlack | undefined;
  let door: SlackDoor | undefined;
  afterEach(async () => {
    await door?.idle();
    await server?.close();
    await titan?.close();
    await fake?.close();
  });

  async function start() {
    fake = await startFakeSlack();
    const dataDir = tmp();
    const vault = createConfigVault({ dataDir, env: {} });
    const logger = createLogger({ level: 'silent', secrets: () => vault.secretValues() });
    const runtime = {
      dataDir,
      port: 0,
      demo: false,
      adminToken: ADMIN_TOKEN,
      tz: 'Asia/Kolkata',
      logLevel: 'silent',
    };
    titan = await createTitan({ runtime, vault, logger });
    const { warehouse, clock } = titan;
    await generateDemo({ warehouse, endDate: clock.now().toISOString().slice(0, 10), days: 21 });
    const tasks = createTaskService({ warehouse, clock });
    const analyst = createAnalyst({ warehouse, tasks, clock, tz: runtime.tz, logger });
    door = createSlackDoor({ getConfig: () => vault.get(), analyst, tasks, warehouse, logger, clock });
    const app = createAdminApp({
      vault,
      health: titan.health,
      adminToken: ADMIN_TOKEN,
      logger,
      webhooks: [{ path: '/slack/events', handle: door.handle }],
    });
    server = await startNodeServer(app, 0, '127.0.0.1');
    return `http://127.0.0.1:${server.port}`;
  }

  const signed = (url: string, body: unknown, secret = SECRET) => {
    const raw = JSON.stringify(body);
    return fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...slackSignatureHeaders(secret, raw, Math.floor(Date.now() / 1000)),
      },
      body: raw,
    });
  };

  it('is refused until the bot token and signing secret are PATCHed, then answers without a restart', async () => {
    const url = await start();
    const before = await signed(url, appMention('scan for profit leaks', { eventId: 'EvS0' }));
    expect(before.status).toBe(503);
    expect(JSON.stringify(await before.json())).toContain('SLACK_SIGNING_SECRET');

    const patch = await fetch(`${url}/config`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        SLACK_BOT_TOKEN: 'xoxb-server-test-token',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake!.apiUrl,
      }),
    });
    expect(patch.status).toBe(200);

    expect((await signed(url, appMention('scan for profit leaks'), 'not-the-secret')).status).toBe(401);
    const res = await signed(url, appMention('scan for profit leaks', { eventId: 'EvS1' }));
    expect(res.status).toBe(200);
    await door!.idle();

    const [placeholder] = fake!.callsTo('chat.postMessage');
    expect(placeholder!.body).toMatchObject({ channel: CHANNEL, thread_ts: '1595926230.009600' });
    expect(placeholder!.authorization).toBe('Bearer xoxb-server-test-token');
    const final = fake!.callsTo('chat.update').at(-1)!;
    assertValidBlocks(final.body.blocks);
    expect(JSON.stringify(final.body.blocks)).toContain('How this was found');
  });
});
