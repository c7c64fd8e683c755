// manifests/slack-app.yaml is a valid Slack app manifest and asks for exactly what the Slack door uses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../src/bot/slack/routes.ts';
import { SUGGESTED_PROMPTS } from '../../../src/bot/suggested-prompts.ts';
import { CORPUS, corpus } from '../../helpers/corpora.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const schemas = corpus('chat_platforms/slack/manifest-schema');
const json = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(schemas, file), 'utf8'));

/** Slack's published schemas, with the versioned ones registered under the URLs the main schema refers to. */
function manifestValidator() {
  // The schemas use a non-standard "regex" keyword and "uri" formats; Slack's own tooling ignores both.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(
      json(`schemas/manifest.schema.${version}.json`),
      `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${version}.json`,
    );
  }
  return ajv.compile(json('manifest.schema.json'));
}

interface Manifest {
  features: {
    slash_commands: { command: string; url: string }[];
    agent_view: { agent_description: string; suggested_prompts: { title: string; message: string }[] };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(path.join(root, 'manifests/slack-app.yaml'), 'utf8')) as Manifest;

describe('Slack app manifest', () => {
  it(
    "validates against Slack's manifest schema (and the schema rejects Slack's own invalid example)",
    CORPUS,
    () => {
      const validate = manifestValidator();
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
      expect(validate(json('tests/manifests/v1/manifest.invalid.json'))).toBe(false);
      expect(validate(json('tests/manifests/v1/manifest.valid.json'))).toBe(true);
      const tooLongName = { ...manifest, display_information: { name: 'T'.repeat(36) } };
      expect(validate(tooLongName)).toBe(false);
    },
  );

  it('subscribes to the events Titan handles and asks for the scopes it calls', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_context_changed', 'app_home_opened', 'app_mention', 'message.im'].sort(),
    );
    for (const scope of [
      'app_mentions:read',
      'assistant:write',
      'chat:write',
      'commands',
      'files:write',
      'im:history',
      'users:read',
      'channels:history',
    ]) {
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
  });

  it('sends events, interactions and /titan to the one POST /slack/events route', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
  });

  it('uses the agent messaging experience, offering the same four chips the app sets when a DM opens', () => {
    expect(manifest.features).not.toHaveProperty('assistant_view');
    expect(manifest.features.agent_view.agent_description.length).toBeLessThanOrEqual(300);
    expect(manifest.features.agent_view.suggested_prompts).toEqual(SUGGESTED_PROMPTS.map((p) => ({ ...p })));
  });
});
