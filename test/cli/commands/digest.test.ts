// `titan digest` prints the morning brief; `--post` sends it to DIGEST_CHANNELS through Slack (a local fake).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidBlocks } from '../../bot/render/block-kit-rules.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack.ts';
import { finished, spawnTsx } from '../../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../../helpers/tmp-dir.ts';

const run = (args: string[], env: NodeJS.ProcessEnv) => finished(spawnTsx('src/cli.ts', args, env));

describe('titan digest', () => {
  const tmp = useTmpDirs();
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => fake.close());

  it('prints the brief, and with --post sends it to each channel, naming the ones it could not', async () => {
    const env = {
      TITAN_DATA_DIR: tmp(),
      SLACK_BOT_TOKEN: 'xoxb-digest-test-token',
      SLACK_API_URL: fake.apiUrl,
      DIGEST_CHANNELS: 'C0DIGEST1,XYZ',
    };
    expect((await run(['demo', '--days', '21'], env)).code).toBe(0);

    const printed = await run(['digest'], env);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('Daily brief');
    expect(fake.calls).toEqual([]);

    const posted = await run(['digest', '--post'], env);
    expect(posted.code).toBe(1);
    expect(posted.stdout).toContain('Posted to C0DIGEST1 (slack)');
    expect(posted.stdout).toContain('Not posted to XYZ: no connected chat platform uses this channel id');
    const [message] = fake.callsTo('chat.postMessage');
    expect(message!.body.channel).toBe('C0DIGEST1');
    expect(message!.authorization).toBe('Bearer xoxb-digest-test-token');
    assertValidBlocks(message!.body.blocks);
    expect(JSON.stringify(message!.body.blocks)).toContain('Morning brief');
  });

  it('--post with no DIGEST_CHANNELS says what to configure', async () => {
    const result = await run(['digest', '--post'], { TITAN_DATA_DIR: tmp() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DIGEST_CHANNELS is empty');
  });
});
