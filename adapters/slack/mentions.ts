/**
 * User mentions in slash command text. With `should_escape: true` in the manifest,
 * Slack sends "@alice" as `<@U012ABCDEF|alice>` (newer clients may leave out the
 * name). The core gets the mentions as users and the text with plain "@name" words,
 * so its parser never sees Slack markup.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 *
 * Names come from users.info: for the first MAX_MENTIONS_RESOLVED people only, a few
 * at a time, within one time budget (src/runtime/mention-lookup.ts). A person looked up too
 * late keeps the handle Slack sent (or the id) as a name. Mentions past the cap are
 * not users: they stay "@handle" words, which the operators reader refuses as a list
 * longer than any rollout may have.
 */
import { lookUpWithin, MENTION_LOOKUP_LIMITS, type LookupLimits } from '../../src/runtime/mention-lookup';
import type { UserRef } from '../../src/rollout/model';
import type { SlackUserInfo } from './inbound';

const MENTION = /<@([UW][A-Z0-9]{1,20})(?:\|([^>]{0,80}))?>/g;
/** A channel as Slack escapes "#change-board" in a slash command: `<#C0123|change-board>` (newer clients may leave out the name). */
const CHANNEL = /<#([CG][A-Z0-9]{1,20})(?:\|([^>]{0,80}))?>/g;

/**
 * Channels named in slash command text, as "#name" words and their ids (for `notify
 * #change-board`); a channel sent without its name keeps its id as the name.
 */
export function resolveChannels(text: string): { text: string; channels: { id: string; name: string }[] } {
  const channels = new Map<string, string>();
  for (const match of text.matchAll(CHANNEL)) if (!channels.has(match[1])) channels.set(match[1], match[2] || match[1]);
  return {
    text: text.replace(CHANNEL, (_all, id: string) => `#${channels.get(id) ?? id}`),
    channels: [...channels].map(([id, name]) => ({ id, name })),
  };
}

export async function resolveMentions(
  text: string,
  lookup: (userId: string) => Promise<SlackUserInfo>,
  limits: LookupLimits = MENTION_LOOKUP_LIMITS,
): Promise<{ text: string; mentions: UserRef[] }> {
  const found = new Map<string, string | undefined>();
  for (const match of text.matchAll(MENTION)) if (!found.has(match[1])) found.set(match[1], match[2]);
  const ids = [...found.keys()];
  const infos = await lookUpWithin(ids, lookup, limits);
  const mentions: UserRef[] = ids.slice(0, limits.max).map((id) => ({ id, name: infos.get(id)?.name ?? found.get(id) ?? id }));
  const names = new Map(mentions.map((m) => [m.id, m.name]));
  return { text: text.replace(MENTION, (_all, id: string, handle?: string) => `@${names.get(id) ?? handle ?? id}`), mentions };
}
