// Which workspaces a Slack request names, wherever its kind of body names one.
import type { ParsedSlackRequest, SlackBody } from './parse-slack-body.ts';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/**
 * An event names workspaces in its envelope (the team it is delivered for, where it happened, the
 * installations it is for) and in the event itself: in a shared channel, `team`, `user_team` and
 * `source_team` name the sender's workspace, which may be another company's.
 */
function eventTeams(body: SlackBody): unknown[] {
  const event = body.event;
  const authorizations = Array.isArray(body.authorizations) ? body.authorizations : [];
  return [
    body.team_id,
    body.context_team_id,
    ...authorizations.map((a) => field(a, 'team_id')),
    field(event, 'team'),
    field(event, 'user_team'),
    field(event, 'source_team'),
  ];
}

/** Interactions name the workspace of the app's view of the press, of the user who pressed, of a modal. */
const interactionTeams = (body: SlackBody): unknown[] => [
  field(body.team, 'id'),
  field(body.user, 'team_id'),
  field(body.view, 'team_id'),
];

/**
 * Every distinct team id the request names; empty when it names none (an enterprise id alone is an
 * organisation, not a workspace).
 */
export function workspacesOf(request: ParsedSlackRequest): string[] {
  const named =
    request.kind === 'event'
      ? eventTeams(request.body)
      : request.kind === 'interaction'
        ? interactionTeams(request.body)
        : request.kind === 'command'
          ? [request.body.team_id]
          : [];
  return [...new Set(named.map(text).filter((team) => team !== undefined))];
}
