// Who may see financial answers and act on tasks (TITAN_OWNERS, TITAN_MANAGERS), and how much a channel may see.
import type { Audience } from '../core/analyst/port.ts';
import type { ConfigValues } from '../core/config/schema.ts';
import type { Answer } from '../core/model/answer.ts';

export type Role = 'owner' | 'manager' | 'none';

/** Where a question was asked: a direct message, or a channel (public or private) by id. */
export type Venue = { kind: 'dm' } | { kind: 'channel'; id: string };

export interface AccessPolicy {
  roleOf(userId: string): Role;
  /** Financial answers: owners only (everyone while TITAN_OWNERS is empty). */
  canAsk(userId: string): boolean;
  /** Acknowledge / assign / done: owners and managers. */
  canActOnTasks(userId: string): boolean;
  /** DMs and PRIVATE_OK_CHANNELS see staff-level detail; every other channel gets the public view. */
  audienceFor(venue: Venue): Audience;
  /** Set while TITAN_OWNERS is empty: shown under every answer until an owner is configured. */
  openAccessNote: string | undefined;
  /** The open-access note for under an answer, unless the answer says it already; none once owners are set. */
  notesFor(answer: Answer): string[];
  /** The short reply to someone without access, naming who can grant it. */
  refusal(kind: 'ask' | 'task'): string;
}

export interface AccessOptions {
  /** How a user id is written on the platform (Slack `<@U123>`, Teams a display name …). */
  mention: (userId: string) => string;
}

export const OPEN_ACCESS_NOTE =
  'Every workspace member counts as an owner until TITAN_OWNERS is set (PATCH /config).';

/** Splits a comma-separated id list, ignoring blanks and whitespace. */
export function idList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/** Builds the policy from the configuration as it is now; build it per request so a PATCH applies at once. */
export function createAccessPolicy(config: ConfigValues, options: AccessOptions): AccessPolicy {
  const owners = new Set(idList(config.TITAN_OWNERS));
  const managers = new Set(idList(config.TITAN_MANAGERS));
  const privateOk = new Set(idList(config.PRIVATE_OK_CHANNELS));
  const open = owners.size === 0;

  const roleOf = (userId: string): Role => {
    if (open || owners.has(userId)) return 'owner';
    return managers.has(userId) ? 'manager' : 'none';
  };
  const granters = (): string => [...owners].map(options.mention).join(', ');

  return {
    roleOf,
    canAsk: (userId) => roleOf(userId) === 'owner',
    canActOnTasks: (userId) => roleOf(userId) !== 'none',
    audienceFor: (venue) => (venue.kind === 'dm' || privateOk.has(venue.id) ? 'private' : 'public'),
    openAccessNote: open ? OPEN_ACCESS_NOTE : undefined,
    notesFor: (answer) => (open && !answer.notes.includes(OPEN_ACCESS_NOTE) ? [OPEN_ACCESS_NOTE] : []),
    refusal: (kind) =>
      kind === 'ask'
        ? `Titan's financial answers are for owners. Ask ${granters()} to add you to TITAN_OWNERS.`
        : `Only owners and managers can act on Titan's tasks. Ask ${granters()} to add you to TITAN_MANAGERS.`,
  };
}
