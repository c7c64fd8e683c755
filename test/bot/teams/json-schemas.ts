// The published Adaptive Card 1.5 and Teams manifest JSON Schemas (from ../shared/corpora), compiled once with ajv,
// and the recorded Teams payloads beside them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { corpus } from '../../helpers/corpora.ts';

export const ADAPTIVE_CARD_SCHEMA = corpus('chat_platforms/adaptive_cards/schemas/1.5.0/adaptive-card.json');
export const TEAMS_MANIFEST_SCHEMA = corpus('chat_platforms/teams/teams/v1.17/MicrosoftTeams.schema.json');
export const RECORDED_TEAMS = corpus(
  'chat_platforms/recorded_webhooks_vercel-chat/packages/integration-tests/fixtures/replay',
);

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function compile(file: string): ValidateFunction {
  // The schemas carry annotations (version, features …) ajv's strict mode rejects; formats are checked below.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addMetaSchema(draft6);
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://base.invalid/'));
  // Draft-04/06 name the schema's own URI `id`; ajv 8 only knows `$id`.
  const { $schema: _meta, id: _id, ...schema } = readJson(file);
  return ajv.compile(schema);
}

/**
 * A validator returning the schema errors as readable lines (empty when valid). The schema is compiled at
 * the first check, so a test file can make one at its top and still load without the corpus.
 */
export function schemaValidator(file: string): (value: unknown) => string[] {
  let validate: ValidateFunction | undefined;
  return (value) => {
    validate ??= compile(file);
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}

export const readRecorded = (name: string): Record<string, Record<string, unknown>> =>
  readJson(path.join(RECORDED_TEAMS, name)) as Record<string, Record<string, unknown>>;
