/**
 * Slack payload -> the core's Inbound (scope, user, locale).
 *
 * Workspace = enterprise_id when present, else team_id. On Enterprise Grid a channel
 * id is unique across the whole org and a channel may be shared by several of its
 * workspaces, so the org is the unit that owns a rollout; this also keeps the scope
 * stable when an app moves from a per-workspace to an org-wide install (Grid
 * payloads carry enterprise_id either way).
 * https://docs.slack.dev/enterprise-grid/developing-for-enterprise-grid
 *
 * Locale, display name and time zone (`tz`) come from users.info (include_locale), cached with
 * node-cache. The lookup runs after the ack and is bounded in time: a slow Slack
 * costs the user at most a default language, never an ack.
 * https://docs.slack.dev/reference/methods/users.info
 */
import NodeCache from 'node-cache';
import type { Locale, Place } from '../../conversations/types';
import type { Inbound } from '../../src/bot/types';
import type { Scope } from '../../src/rollout/model';
import type { Logger } from '../../src/runtime/log';
import type { SlackWebClient } from './web';

export function slackScope(ids: { enterpriseId?: string; teamId: string; channelId: string }): Scope {
  return { platform: 'slack', workspace: ids.enterpriseId ?? ids.teamId, channel: ids.channelId };
}

/**
 * A direct message with the bot (channel ids of DMs start with D; a slash command
 * names it "directmessage"), a group DM ("mpdm-…"), or a channel.
 * https://docs.slack.dev/reference/objects/conversation-object
 */
export function slackPlace(channelId: string, channelName?: string | null): Place {
  if (channelId.startsWith('D') || channelName === 'directmessage') return 'personal';
  if (channelName?.startsWith('mpdm-')) return 'group';
  return 'channel';
}

/** 'nl', 'nl-NL', 'nl_BE' -> 'nl'; anything else -> 'en'. */
export function localeFromSlack(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export interface SlackUserInfo {
  name?: string;
  locale?: Locale;
  /** users.info `tz` ("Europe/Amsterdam"): a window they type is read on their clock. */
  timeZone?: string;
}

export interface UserDirectory {
  /** Cached profile, or a bounded users.info lookup; {} when Slack is slow or says no. */
  lookup(client: SlackWebClient, workspace: string, userId: string): Promise<SlackUserInfo>;
  /** Only what is cached, without waiting (for answers that must go in the ack). */
  cached(workspace: string, userId: string): SlackUserInfo;
}

export function createUserDirectory(options: { logger: Logger; ttlSeconds?: number; timeoutMs?: number }): UserDirectory {
  // Keyed by workspace too: with many installations, a user id is only known to be unique within one.
  const cache = new NodeCache({ stdTTL: options.ttlSeconds ?? 3600, useClones: false, maxKeys: 50_000 });
  const pending = new Map<string, Promise<SlackUserInfo>>();
  const timeoutMs = options.timeoutMs ?? 1500;

  const fetchInfo = async (client: SlackWebClient, key: string, userId: string): Promise<SlackUserInfo> => {
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      const user = res.user;
      const name = user?.profile?.display_name || user?.real_name || user?.profile?.real_name || user?.name;
      const info: SlackUserInfo = { locale: localeFromSlack(user?.locale) };
      if (name) info.name = name;
      if (typeof user?.tz === 'string' && user.tz) info.timeZone = user.tz;
      cache.set(key, info);
      return info;
    } catch (error) {
      options.logger.warn('users.info failed', { user: userId, error: String(error) });
      // Remember the failure briefly so a broken token does not cost every click a lookup.
      cache.set(key, {}, 60);
      return {};
    } finally {
      pending.delete(key);
    }
  };

  return {
    cached: (workspace, userId) => cache.get<SlackUserInfo>(`${workspace}/${userId}`) ?? {},
    async lookup(client, workspace, userId) {
      const key = `${workspace}/${userId}`;
      const cached = cache.get<SlackUserInfo>(key);
      if (cached) return cached;
      let running = pending.get(key);
      if (!running) {
        running = fetchInfo(client, key, userId);
        pending.set(key, running);
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<SlackUserInfo>((resolve) => {
        timer = setTimeout(() => resolve({}), timeoutMs);
        timer.unref();
      });
      try {
        return await Promise.race([running, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Builds the Inbound for one user, preferring Slack's display name over the handle. */
export async function buildInbound(
  directory: UserDirectory,
  client: SlackWebClient,
  scope: Scope,
  user: { id: string; fallbackName: string },
  channelName?: string | null,
): Promise<Inbound> {
  const info = await directory.lookup(client, scope.workspace, user.id);
  const inbound: Inbound = {
    scope,
    user: { id: user.id, name: info.name ?? (user.fallbackName || user.id) },
    place: slackPlace(scope.channel, channelName),
  };
  if (info.locale) inbound.locale = info.locale;
  if (info.timeZone) inbound.timeZone = info.timeZone;
  return inbound;
}
