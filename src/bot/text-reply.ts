/** A plain text shown to the acting user alone, as a one-block card (it may replace the card they clicked). */
import type { Card } from '../cards/model';
import type { Reply } from './types';

export function textCard(text: string): Reply {
  const card: Card = { fallback: text, blocks: [{ type: 'text', text }] };
  return { type: 'private', card };
}
