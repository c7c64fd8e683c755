// The chat doors built over one core: Slack and Teams webhooks, their digest posters, and the morning digest.

import type { Scope } from '../core/model/scope.ts';
import { createDigestSchedule, type DigestPoster, type DigestSchedule } from '../core/schedule/digest.ts';
import type { Titan } from '../core/titan.ts';
import { createAskQueue } from './ask-queue.ts';
import { renderChartPng } from './render/chart-png.ts';
import { createSlackDigestPoster } from './slack/digest-poster.ts';
import { createSlackDoor, type SlackDoor } from './slack/slack-door.ts';
import { createTeamsDigestPoster } from './teams/digest-poster.ts';
import { createTeamsDoor, type TeamsDoor } from './teams/teams-door.ts';

export interface ChatSurfaces {
  slack: SlackDoor;
  teams: TeamsDoor;
  /** POST /slack/events and POST /api/messages: each verifies its own callers. */
  webhooks: {
    path: string;
    handle(request: Request, info: { remoteAddress?: string }): Promise<Response>;
  }[];
  posters: DigestPoster[];
  /** The morning brief for `scope`, posted through the posters at DIGEST_CRON. */
  digest(scope?: Scope): DigestSchedule;
  /** Resolves when every request's background work has finished (graceful shutdown). */
  idle(): Promise<void>;
}

export function createChatSurfaces(titan: Titan): ChatSurfaces {
  const { vault, analyst, tasks, warehouse, logger, clock, answerConcurrency } = titan;
  const getConfig = () => vault.get();
  // One queue for both doors: they share the analyst and the warehouse it reads, so the core says how many at once.
  const queue = createAskQueue(answerConcurrency);
  const door = { getConfig, analyst, tasks, warehouse, logger, clock, queue };
  const slack = createSlackDoor(door);
  const teams = createTeamsDoor(door);
  const posters = [
    createSlackDigestPoster({
      client: () => slack.client(),
      getConfig,
      renderChart: (chart) => renderChartPng(chart),
    }),
    createTeamsDigestPoster({
      connections: teams.connections,
      conversations: teams.conversations,
      getConfig,
      renderChart: (chart, scale) => renderChartPng(chart, { scale }),
      logger,
    }),
  ];
  return {
    slack,
    teams,
    webhooks: [
      { path: '/slack/events', handle: (request) => slack.handle(request) },
      { path: teams.path, handle: (request, info) => teams.handle(request, info) },
    ],
    posters,
    digest: (scope) =>
      createDigestSchedule({
        getConfig,
        tz: titan.runtime.tz,
        analyst,
        posters: () => posters,
        logger,
        clock,
        locks: titan.locks,
        ...(scope ? { scope } : {}),
      }),
    idle: async () => {
      await Promise.all([slack.idle(), teams.idle()]);
    },
  };
}
