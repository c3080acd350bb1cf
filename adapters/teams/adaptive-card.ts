/**
 * The slice of the Adaptive Card 1.5 schema this adapter writes, as plain JSON types,
 * and Teams' size limits in one place.
 * Schema: https://adaptivecards.io/explorer/ (Action.Execute needs 1.4+, Teams honours 1.5).
 * Limits: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
 * (a bot message is at most ~28 KB including the card; cards above that are refused).
 */

/** One pinned version: Universal Actions (Action.Execute) need 1.4+, Teams renders up to 1.5. */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Invoke response body types for adaptiveCard/action (Universal Actions response format). */
export const INVOKE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
export const INVOKE_MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';

/**
 * Budget for one card's JSON. Teams refuses messages over ~28 KB (activity and card
 * together, UTF-16 in places); 20 KB of card JSON leaves room for the envelope and
 * for non-ASCII text, so a split plan never bounces.
 */
export const MAX_CARD_BYTES = 20_000;
/** Teams' host config shows at most 6 actions per set and drops the rest. */
export const MAX_ACTIONS_PER_SET = 6;
/** More answer buttons than this for one question become an Input.ChoiceSet (Teams shows ~6 buttons per row). */
export const MAX_ANSWER_BUTTONS = 5;

export interface AcElement {
  type: string;
  id?: string;
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  [key: string]: unknown;
}

export interface AcAction {
  type: 'Action.Execute' | 'Action.ShowCard' | 'Action.ToggleVisibility';
  title: string;
  style?: 'default' | 'positive' | 'destructive';
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  /** Read by screen readers and shown where the card cannot be. */
  fallbackText?: string;
  body: AcElement[];
  actions?: AcAction[];
  msteams?: { width: 'Full' };
}

/** The card as it goes into an activity's attachments. */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}
