// Turns a verified Slack request body (JSON events, form-encoded commands and interaction payloads) into one tagged value.
import { z } from 'zod';
import { TitanError } from '../../core/errors.ts';

const urlVerification = z.object({ type: z.literal('url_verification'), challenge: z.string().min(1) });

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z.looseObject({ type: z.string() }),
});

const command = z.looseObject({
  command: z.string().min(1),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().min(1),
  response_url: z.string().optional(),
});

const interaction = z.looseObject({ type: z.string().min(1) });

export type SlackBody = Record<string, unknown>;

export type ParsedSlackRequest =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'ssl_check' }
  | { kind: 'event'; eventId: string; body: SlackBody }
  | { kind: 'command'; body: SlackBody }
  | { kind: 'interaction'; body: SlackBody };

const invalid = (why: string) =>
  new TitanError('request.invalid', `Slack request body is not understood: ${why}.`);

function parseJsonBody(rawBody: string): ParsedSlackRequest {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw invalid('not JSON');
  }
  const verification = urlVerification.safeParse(json);
  if (verification.success) return { kind: 'url_verification', challenge: verification.data.challenge };
  const event = eventCallback.safeParse(json);
  if (event.success) return { kind: 'event', eventId: event.data.event_id, body: event.data };
  throw invalid('an unknown JSON envelope');
}

function parseFormBody(rawBody: string): ParsedSlackRequest {
  const form = Object.fromEntries(new URLSearchParams(rawBody));
  if (form.ssl_check) return { kind: 'ssl_check' };
  if (typeof form.payload === 'string') {
    let payload: unknown;
    try {
      payload = JSON.parse(form.payload);
    } catch {
      throw invalid('payload is not JSON');
    }
    const parsed = interaction.safeParse(payload);
    if (!parsed.success) throw invalid('payload has no type');
    return { kind: 'interaction', body: parsed.data };
  }
  const parsed = command.safeParse(form);
  if (!parsed.success) throw invalid('a form without a command or payload');
  return { kind: 'command', body: parsed.data };
}

/** Parses by content type; throws `request.invalid` for anything Slack would not send. */
export function parseSlackBody(rawBody: string, contentType: string | null): ParsedSlackRequest {
  return (contentType ?? '').includes('application/x-www-form-urlencoded')
    ? parseFormBody(rawBody)
    : parseJsonBody(rawBody);
}
