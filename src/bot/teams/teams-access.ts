// TITAN_OWNERS / TITAN_MANAGERS for a Teams user, who may be listed by Entra object id or by Teams id.
import type { ConfigValues } from '../../core/config/schema.ts';
import { type AccessPolicy, createAccessPolicy, idList, type Role } from '../access.ts';
import { type TeamsAccount, userIds } from './activity.ts';

const RANK: Record<Role, number> = { none: 0, manager: 1, owner: 2 };

/** Teams user ids (MRIs, "29:…") are what a card's refresh.userIds understands. */
const isTeamsUserId = (id: string): boolean => id.startsWith('29:');

export interface TeamsAccess {
  policy: AccessPolicy;
  canAsk(user: TeamsAccount): boolean;
  canActOnTasks(user: TeamsAccount): boolean;
  /** Who should see a task card re-read from the queue when they look at it: this user and the listed Teams ids. */
  refreshUsers(user: TeamsAccount): string[];
}

/** Build per request, so a PATCHed owner list applies at once. */
export function teamsAccess(config: ConfigValues): TeamsAccess {
  // Owners are listed by the ids in the config; there is no Teams @mention for an id in plain text.
  const policy = createAccessPolicy(config, { mention: (id) => id });
  const roleOf = (user: TeamsAccount): Role =>
    userIds(user)
      .map(policy.roleOf)
      .reduce<Role>((best, role) => (RANK[role] > RANK[best] ? role : best), 'none');
  return {
    policy,
    canAsk: (user) => roleOf(user) === 'owner',
    canActOnTasks: (user) => roleOf(user) !== 'none',
    refreshUsers: (user) => [
      ...new Set(
        [user.id, ...idList(config.TITAN_OWNERS), ...idList(config.TITAN_MANAGERS)].filter(isTeamsUserId),
      ),
    ],
  };
}
