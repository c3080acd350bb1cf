/**
 * The App Home tab: "my steps" (issue 12). When a person opens the app's Home tab,
 * Slack sends `app_home_opened`; the event is acknowledged at once (Bolt), and after it
 * the core draws the person's steps across the workspace, plan messages linked with
 * chat.getPermalink, and views.publish shows it as their Home tab. The view is the same
 * Block Kit the plan card uses, in one view of at most 100 blocks.
 * https://docs.slack.dev/surfaces/app-home
 * https://docs.slack.dev/reference/events/app_home_opened
 * https://docs.slack.dev/reference/methods/views.publish
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Bot } from '../../src/bot/types';
import type { Card } from '../../src/cards/model';
import type { Logger } from '../../src/runtime/log';
import type { SlackBlock } from './block-kit';
import { buildInbound, slackScope, type UserDirectory } from './inbound';
import type { WorkspaceClients } from './oauth';
import type { PermalinkFinder } from './permalinks';
import { renderCardForSlack } from './render';
import { withRetry } from './web';

/** The events the Home tab needs (the manifest subscribes to them). */
export const HOME_EVENTS = ['app_home_opened'] as const;
/** Blocks a Home tab view holds. */
export const HOME_VIEW_BLOCKS = 100;

const optionalId = z
  .string()
  .max(64)
  .nullish()
  .transform((v) => v || undefined);

export const appHomeOpenedSchema = z.object({
  team_id: z.string().min(1).max(64),
  enterprise_id: optionalId,
  event: z.object({
    type: z.literal('app_home_opened'),
    user: z.string().min(1).max(64),
    channel: z.string().min(1).max(64),
    tab: z.enum(['home', 'messages']).optional(),
  }),
});

export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

/** The card as one Home tab view: its parts' blocks in order (continuation titles left out), at most 100. */
export function renderHomeView(card: Card, permalinks: Record<string, string>): HomeView {
  const parts = renderCardForSlack(card, { permalinks });
  const blocks = parts.flatMap((part, i) => (i === 0 ? part.blocks : part.blocks.slice(part.blocks[0]?.type === 'header' ? 1 : 0)));
  return { type: 'home', blocks: blocks.slice(0, HOME_VIEW_BLOCKS) };
}

export interface HomeDeps {
  bot: Bot;
  clients: WorkspaceClients;
  directory: UserDirectory;
  permalinks: PermalinkFinder;
  logger: Logger;
  track: (work: () => Promise<unknown>) => void;
}

export function registerAppHome(app: App, deps: HomeDeps): void {
  const { bot, clients, directory, permalinks, logger } = deps;
  app.event('app_home_opened', async ({ body }) => {
    const parsed = appHomeOpenedSchema.safeParse(body);
    if (!parsed.success) return void logger.warn('unexpected app_home_opened payload', { issues: parsed.error.issues.length });
    const { team_id: teamId, enterprise_id: enterpriseId, event } = parsed.data;
    // The Messages tab is the person's DM with the app: nothing to draw there.
    if (event.tab && event.tab !== 'home') return;
    deps.track(async () => {
      const client = await clients.forRequest({ teamId, enterpriseId }).catch(() => undefined);
      if (!client) return void logger.warn('slack: app_home_opened from a workspace without an installation', { teamId });
      const scope = slackScope({ enterpriseId, teamId, channelId: event.channel });
      const inbound = await buildInbound(directory, client, scope, { id: event.user, fallbackName: '' });
      const card = await bot.mySteps(inbound);
      const view = renderHomeView(card, await permalinks(client, card, event.channel));
      await withRetry('views.publish', () => client.views.publish({ user_id: event.user, view }), { logger });
    });
  });
}
