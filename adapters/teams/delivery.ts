/**
 * Teams' side of the delivery outbox (src/delivery): the plan's messages, their
 * updates and the thread lines, through the Bot Connector REST API, one call per
 * method (the publisher paces and retries), and the connector's failures told apart.
 * Teams throttles per conversation: 7 messages a second, 60 in 30 seconds.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/update-and-delete-bot-messages
 */
import { z } from 'zod';
import { DeliveryError, type DeliveryAdapter, type DeliveryTarget, type PlatformLimits } from '../../src/delivery/types';
import type { Logger } from '../../src/runtime/log';
import type { MessageRef } from '../../src/rollout/model';
import type { AdaptiveCard } from './adaptive-card';
import { NOT_LOOPBACK, type ConnectorFor } from './connectors';
import {
  cardActivity,
  conversationOfRef,
  conversationSchema,
  createMessenger,
  mentionActivity,
  planMessageRef,
  textActivity,
  type TeamsConversation,
} from './conversation';
import { fileMessage } from './replies';
import { renderCardForTeams } from './render';
import { retryAfterMs, statusOf } from './retry';

/**
 * A token bucket lets through its burst plus its rate in any window, so "7 a second"
 * is a burst of 3 at 4 a second, and "60 in 30 seconds" a burst of 15 at 1.5 a second.
 */
const TEAMS_CONVERSATION_LIMITS = [
  { perSecond: 4, burst: 3 },
  { perSecond: 1.5, burst: 15 },
];
export const TEAMS_DELIVERY_LIMITS: PlatformLimits = {
  postsPerChannel: TEAMS_CONVERSATION_LIMITS,
  editsPerChannel: TEAMS_CONVERSATION_LIMITS,
};

/** What the adapter keeps with a rollout it creates (Inbound.address). */
export const teamsAddressSchema = z.object({
  /** Where the plan goes: the conversation (and channel thread) the interview ran in. */
  post: conversationSchema,
  /** Where to tell the owner privately, when that is another conversation (their 1:1 chat). */
  owner: conversationSchema.optional(),
});
export type TeamsAddress = z.infer<typeof teamsAddressSchema>;

/** A Bot Connector failure as the publisher sees it. */
export function teamsFailure(error: unknown): DeliveryError {
  const status = statusOf(error);
  if (status === 429) return new DeliveryError('rate-limited', 'http_429', retryAfterMs(error) ?? 1000);
  if (status === 404) return new DeliveryError('gone', 'http_404');
  if (status !== undefined && status >= 500) return new DeliveryError('unknown', `http_${status}`);
  if (status !== undefined) return new DeliveryError('refused', `http_${status}`);
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === NOT_LOOPBACK) return new DeliveryError('refused', code);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return new DeliveryError('unsent', code);
  return new DeliveryError('unknown', code || (error instanceof Error ? error.name : 'error'));
}

/** One attempt per call: the publisher decides about retries. */
const ONCE = { attempts: 1, baseMs: 0, maxMs: 0 };

export function createTeamsDelivery(options: { connectorFor: ConnectorFor; logger: Logger; limits?: PlatformLimits }): DeliveryAdapter<AdaptiveCard> {
  const { connectorFor } = options;

  /** Where the plan lives: its stored reference, else the address the turn left. */
  const conversationOf = (target: DeliveryTarget, ref?: MessageRef): TeamsConversation => {
    const fromRef = (ref && conversationOfRef(ref)) ?? target.rollout.messages.map(conversationOfRef).find(Boolean);
    if (fromRef) return fromRef;
    const address = teamsAddressSchema.safeParse(target.address ?? {});
    if (!address.success) throw new DeliveryError('refused', 'no_conversation');
    return address.data.post;
  };
  const messenger = async (conversation: TeamsConversation) => createMessenger(await connectorFor(conversation.serviceUrl), conversation, ONCE);
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof DeliveryError ? error : teamsFailure(error);
    }
  };

  return {
    platform: 'teams',
    limits: options.limits ?? TEAMS_DELIVERY_LIMITS,
    // Teams shows long texts folded; a thread line message stays readable at this size.
    maxThreadText: 4000,
    render: (_target, cards) => cards.flatMap((card) => renderCardForTeams(card)),
    post: (target, card) =>
      call(async () => {
        if (target.thread) {
          // A campaign's server: its card is a reply to the campaign card, in that card's conversation.
          const conversation = conversationOf(target, target.thread);
          const id = await (await messenger(conversation)).reply(target.thread.id, cardActivity(conversation, card));
          return planMessageRef(id, conversation);
        }
        const conversation = conversationOf(target);
        const id = await (await messenger(conversation)).send(cardActivity(conversation, card));
        return planMessageRef(id, conversation);
      }),
    edit: (target, ref, card) =>
      call(async () => {
        const conversation = conversationOf(target, ref);
        await (await messenger(conversation)).update(ref.id, cardActivity(conversation, card));
      }),
    remove: (target, ref) =>
      call(async () => {
        await (await messenger(conversationOf(target, ref))).remove(ref.id);
      }),
    postInThread: (target, root, text, mentions = []) =>
      call(async () => {
        const conversation = conversationOf(target, root);
        await (await messenger(conversation)).reply(root.id, mentionActivity(conversation, text, mentions));
      }),
    postElsewhere: (target, channel, text) =>
      call(async () => {
        // Another channel of the same team: a new post there, through the same service.
        const base = conversationOf(target);
        const conversation: TeamsConversation = { ...base, conversationId: channel.id, conversationType: 'channel', isGroup: true };
        await (await messenger(conversation)).send(textActivity(conversation, text));
      }),
    attachFile: (target, root, file) =>
      call(async () => {
        // A bot cannot put a file in a channel without a SharePoint upload: the export comes as a
        // message in the thread (cut at a line boundary within Teams' message size).
        const conversation = conversationOf(target, root);
        const activity = { ...textActivity(conversation, fileMessage(file.summary, file.filename, file.content)), textFormat: 'markdown' as const };
        await (await messenger(conversation)).reply(root.id, activity);
      }),
    async tellOwner(target, notice) {
      const address = teamsAddressSchema.safeParse(target.address ?? {});
      const owner = address.success ? address.data.owner : undefined;
      // Where the interview ran in the channel, the plan appearing there says it all;
      // only a failure is worth a message there.
      const where = owner ?? (notice.kind === 'not-posted' && address.success ? address.data.post : undefined);
      if (!where) return;
      // In the owner's personal chat the plan is somewhere else: "in the channel".
      const text = owner ? notice.textAway ?? notice.text : notice.text;
      await call(async () => {
        await (await messenger(where)).send(textActivity(where, text));
      });
    },
  };
}
