/**
 * Forgetting a workspace: when the app is uninstalled, or its bot token is revoked,
 * the stored installation (and its encrypted token) is deleted at once. Slack may
 * deliver an event twice; deleting twice is harmless. Bolt calls no `authorize` for
 * these two events (the token is gone already).
 * https://docs.slack.dev/reference/events/app_uninstalled
 * https://docs.slack.dev/reference/events/tokens_revoked
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../src/runtime/log';
import type { Installations } from './installations';
import { installEventSchema } from './payloads';

export const INSTALL_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

export function registerInstallEvents(app: App, installations: Installations, logger: Logger): void {
  for (const name of INSTALL_EVENTS) {
    app.event(name, async ({ body }) => {
      const parsed = installEventSchema.safeParse(body);
      if (!parsed.success) return void logger.warn('unexpected install event payload', { event: name });
      const { team_id: teamId, enterprise_id: enterpriseId, is_enterprise_install: orgWide, event } = parsed.data;
      // We only ever hold a bot token: revoked user tokens leave the installation usable.
      if (event.type === 'tokens_revoked' && !event.tokens?.bot?.length) return;
      await installations.remove({ teamId, enterpriseId }, orgWide === true);
    });
  }
}
