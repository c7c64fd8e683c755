// Which workspace a Slack request comes from, wherever its kind of body says so.
import type { ParsedSlackRequest } from './parse-slack-body.ts';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/** The team id an event, slash command or interaction names; undefined when it names none. */
export function workspaceOf(request: ParsedSlackRequest): string | undefined {
  if (request.kind === 'event' || request.kind === 'command') return text(request.body.team_id);
  if (request.kind === 'interaction') {
    return text(field(request.body.team, 'id')) ?? text(field(request.body.user, 'team_id'));
  }
  return undefined;
}
