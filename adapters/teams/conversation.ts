/**
 * Where a Teams message lives and how to send, reply to, update and delete one
 * through the Bot Connector REST API (botframework-connector's ConnectorClient):
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-send-and-receive-messages
 * A plan's MessageRef keeps its activity id plus this conversation in `meta`, so an
 * update can be sent long after the turn that posted it (another click, a restart).
 */
import type { ConnectorClient } from 'botframework-connector';
import { z } from 'zod';
import type { MessageRef } from '../../src/rollout/model';
import type { TeamsActivity } from './activity';
import { cardAttachment, type AdaptiveCard } from './adaptive-card';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './retry';

/**
 * The conversation types the Bot Connector accepts on an outgoing activity; it answers
 * 400 BadArgument to anything else, the empty string included. Absent is accepted too.
 */
export const CONVERSATION_TYPES = ['personal', 'groupChat', 'channel'] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

export const conversationSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  /** The full conversation id, ";messageid=..." included: replies stay in the thread. */
  conversationId: z.string().min(1),
  tenantId: z.string().optional(),
  /** As Teams sent it; references stored before this field existed have none. */
  conversationType: z.enum(CONVERSATION_TYPES).optional(),
  isGroup: z.boolean().optional(),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
});
export type TeamsConversation = z.infer<typeof conversationSchema>;

/** The conversation an activity came from, with only the values Teams itself gave. */
export function conversationOf(activity: TeamsActivity, tenantId?: string): TeamsConversation {
  const { conversationType, isGroup } = activity.conversation;
  const known = CONVERSATION_TYPES.find((type) => type === conversationType);
  return {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    ...(tenantId ? { tenantId } : {}),
    ...(known ? { conversationType: known } : {}),
    ...(typeof isGroup === 'boolean' ? { isGroup } : {}),
    bot: { id: activity.recipient.id, name: activity.recipient.name },
  };
}

export function planMessageRef(activityId: string, conversation: TeamsConversation): MessageRef {
  return { id: activityId, meta: { teams: conversation } };
}

/** The conversation a stored plan message was posted in; undefined when the meta is not ours. */
export function conversationOfRef(ref: MessageRef): TeamsConversation | undefined {
  const parsed = conversationSchema.safeParse(ref.meta?.teams);
  return parsed.success ? parsed.data : undefined;
}

type OutgoingActivity = Parameters<ConnectorClient['conversations']['sendToConversation']>[1];

/**
 * The envelope of every activity we send: the conversation as Teams described it, and
 * nothing invented. The connector refuses placeholder values (an empty
 * conversationType is a 400 BadArgument), so a field we do not know stays out.
 */
function envelope(conversation: TeamsConversation): OutgoingActivity {
  const { conversationId: id, conversationType, isGroup, tenantId } = conversation;
  const account = {
    id,
    ...(conversationType ? { conversationType } : {}),
    ...(isGroup !== undefined ? { isGroup } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
  return {
    type: 'message',
    channelId: conversation.channelId,
    serviceUrl: conversation.serviceUrl,
    from: { id: conversation.bot.id, name: conversation.bot.name ?? '' },
    // botframework-schema types these fields as required; the service does not.
    conversation: account as OutgoingActivity['conversation'],
    ...(tenantId ? { channelData: { tenant: { id: tenantId } } } : {}),
  };
}

export function cardActivity(conversation: TeamsConversation, card: AdaptiveCard): OutgoingActivity {
  // `summary` is what Teams shows in notifications and the chat list for a card.
  return { ...envelope(conversation), summary: card.fallbackText, attachments: [cardAttachment(card)] };
}

export function textActivity(conversation: TeamsConversation, text: string): OutgoingActivity {
  // Core text has no markup: plain keeps "*" and "_" in names literal.
  return { ...envelope(conversation), text, textFormat: 'plain' };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A text whose "@Name" words for `mentions` become Teams mentions (`<at>Name</at>` and
 * a mention entity each), so those people are notified; without mentions, a plain
 * text. The rest is escaped: a note can never forge a mention.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#add-mentions-to-your-messages
 */
export function mentionActivity(conversation: TeamsConversation, text: string, mentions: readonly { id: string; name: string }[]): OutgoingActivity {
  const present = mentions.filter((m) => text.includes(`@${m.name}`));
  if (!present.length) return textActivity(conversation, text);
  let body = escapeXml(text);
  const entities: Record<string, unknown>[] = [];
  for (const person of [...present].sort((a, b) => b.name.length - a.name.length)) {
    const tag = `<at>${escapeXml(person.name)}</at>`;
    body = body.split(`@${escapeXml(person.name)}`).join(tag);
    entities.push({ type: 'mention', text: tag, mentioned: { id: person.id, name: person.name } });
  }
  return { ...envelope(conversation), text: body, textFormat: 'xml', entities } as OutgoingActivity;
}

/**
 * The Bot Connector calls we make. Each is retried on 429 (nothing was done); an
 * update or delete also on 5xx, but never a new message: after a 5xx it may exist
 * already, and a retry would show it twice.
 */
export interface TeamsMessenger {
  send(activity: OutgoingActivity): Promise<string>;
  reply(toActivityId: string, activity: OutgoingActivity): Promise<string>;
  update(activityId: string, activity: OutgoingActivity): Promise<void>;
  remove(activityId: string): Promise<void>;
}

export function createMessenger(
  connector: ConnectorClient,
  conversation: TeamsConversation,
  retry: RetryOptions = DEFAULT_RETRY,
): TeamsMessenger {
  const id = conversation.conversationId;
  const ops = connector.conversations;
  return {
    async send(activity) {
      const response = await withRetry(() => ops.sendToConversation(id, activity), { ...retry, idempotent: false });
      return response.id;
    },
    async reply(toActivityId, activity) {
      const response = await withRetry(() => ops.replyToActivity(id, toActivityId, { ...activity, replyToId: toActivityId }), {
        ...retry,
        idempotent: false,
      });
      return response.id;
    },
    async update(activityId, activity) {
      await withRetry(() => ops.updateActivity(id, activityId, { ...activity, id: activityId }), retry);
    },
    async remove(activityId) {
      await withRetry(() => ops.deleteActivity(id, activityId), retry);
    },
  };
}
