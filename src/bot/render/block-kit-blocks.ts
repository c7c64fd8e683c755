// The Block Kit blocks Titan's Slack messages are made of: @slack/types' own declarations, imported as types only, so a
// renderer loads no Slack client. test/bot/render's rules check the blocks Titan sends against Slack's limits.
export type { KnownBlock as Block } from '@slack/types';
