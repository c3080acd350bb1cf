/**
 * Links to posted plans, for text blocks that name one (the status card, "my steps",
 * the App Home tab): chat.getPermalink per plan message, cached (a permalink never
 * changes). A link Slack will not give is simply left out.
 * https://docs.slack.dev/reference/methods/chat.getPermalink
 */
import type { Card } from '../../src/cards/model';
import type { Logger } from '../../src/runtime/log';
import type { SlackWebClient } from './web';

/** Permalinks by message ts for the card's linked text blocks; `fallbackChannel` for links stored without one. */
export type PermalinkFinder = (client: SlackWebClient, card: Card, fallbackChannel: string) => Promise<Record<string, string>>;

export function createPermalinks(logger: Logger): PermalinkFinder {
  const cache = new Map<string, string>();
  return async (client, card, fallbackChannel) => {
    const out: Record<string, string> = {};
    for (const block of card.blocks) {
      if (block.type !== 'text' || !block.link) continue;
      const ts = block.link.message.id;
      const metaChannel = block.link.message.meta?.channel;
      const channel = typeof metaChannel === 'string' ? metaChannel : fallbackChannel;
      const key = `${channel}/${ts}`;
      let url = cache.get(key);
      if (!url) {
        url = await client.chat
          .getPermalink({ channel, message_ts: ts })
          .then((res) => res.permalink)
          .catch((error: unknown) => void logger.warn('chat.getPermalink failed', { error: String(error) }));
        // The cap only keeps a long-running process bounded.
        if (cache.size > 10_000) cache.clear();
        if (url) cache.set(key, url);
      }
      if (url) out[ts] = url;
    }
    return out;
  };
}
