/**
 * User mentions in slash command text. With `should_escape: true` in the manifest,
 * Slack sends "@alice" as `<@U012ABCDEF|alice>` (newer clients may leave out the
 * name). The core gets the mentions as users and the text with plain "@name" words,
 * so its parser never sees Slack markup.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 */
import type { UserRef } from '../../src/plan/rollout-model';
import type { SlackUserInfo } from './inbound';

const MENTION = /<@([UW][A-Z0-9]{1,20})(?:\|([^>]{0,80}))?>/g;

export async function resolveMentions(
  text: string,
  lookup: (userId: string) => Promise<SlackUserInfo>,
): Promise<{ text: string; mentions: UserRef[] }> {
  const found = new Map<string, string | undefined>();
  for (const match of text.matchAll(MENTION)) if (!found.has(match[1])) found.set(match[1], match[2]);
  const mentions: UserRef[] = [];
  for (const [id, handle] of found) {
    const info = await lookup(id);
    mentions.push({ id, name: info.name ?? handle ?? id });
  }
  const names = new Map(mentions.map((m) => [m.id, m.name]));
  return { text: text.replace(MENTION, (_all, id: string) => `@${names.get(id) ?? id}`), mentions };
}
