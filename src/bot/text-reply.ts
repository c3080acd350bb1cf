/** A plain text shown to the acting user alone, as a one-block card (it may replace the card they clicked). */
import { where } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Card } from '../cards/model';
import type { Inbound, Reply } from './types';

export function textCard(text: string): Reply {
  const card: Card = { fallback: text, blocks: [{ type: 'text', text }] };
  return { type: 'private', card };
}

/**
 * The `{where}` of a private reply: "in this channel" where the person reads it in that
 * conversation (a Slack ephemeral message); "in the channel" where private replies go to
 * their personal chat instead (Teams, Inbound.conversation 'shared').
 */
export function whereFor(locale: Locale, inbound: Pick<Inbound, 'place' | 'conversation'>): string {
  return where(locale, inbound.place, inbound.conversation === 'shared');
}
