/**
 * A few texts tell people how to reach the bot, and that differs per platform: in
 * Slack one types /exchange-sp, in Teams one types @ and the bot's name (in a
 * personal chat, just the words). `tOn` puts such a text in the words of the
 * platform the request came from: where Teams has its own version (reach.en.ts), that
 * one, with {start} filled in with the platform's way to start an interview.
 */
import type { Locale } from '../types';
import { t, type MessageKey, type MessageParams, type Msg } from './index';

/** The platforms the core serves (src/rollout/model.ts `Platform`). */
export type PlatformName = 'slack' | 'teams' | 'console';

/** How to start an interview: "type /exchange-sp" and the like. */
export const START_WORDS: Record<PlatformName, MessageKey> = {
  slack: 'reach.start.slack',
  teams: 'reach.start.teams',
  console: 'reach.start.console',
};

/** Teams' own version of texts whose general wording says "type /exchange-sp". */
const TEAMS_WORDING: Partial<Record<MessageKey, MessageKey>> = {
  'card.status.none': 'reach.teams.status.none',
  'card.interview.ended': 'reach.teams.interview.ended',
  'card.error.cannotPost': 'reach.teams.error.cannotPost',
  'card.error.postFailed': 'reach.teams.error.postFailed',
  'rollout.command.no-rollout': 'reach.teams.command.noRollout',
};

export function tOn(platform: PlatformName, locale: Locale, message: Msg | MessageKey, params?: MessageParams): string {
  const m: Msg = typeof message === 'string' ? { key: message, ...(params ? { params } : {}) } : message;
  const key = (platform === 'teams' ? TEAMS_WORDING[m.key] : undefined) ?? m.key;
  return t(locale, { key, params: { start: t(locale, START_WORDS[platform]), ...m.params } });
}
