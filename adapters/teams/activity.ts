/**
 * Inbound Teams activities, parsed with zod before anything reads them, and turned
 * into the core's Inbound (scope, user, locale) and MessageInput (text, mentions).
 * Activity shape: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 * Mentions: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#work-with-mentions
 *
 * Scope.channel is the conversation id WITHOUT ";messageid=...": Teams appends the
 * thread's root message id for channel threads, and a rollout belongs to the channel
 * (like a Slack channel), whichever thread a teammate clicks or types in. The full id
 * is kept in the conversation reference, so replies still land in the right thread.
 */
import { z } from 'zod';
import type { Locale, Place } from '../../conversations/types';
import type { Inbound, MessageInput } from '../../src/bot/types';
import type { Scope, UserRef } from '../../src/rollout/model';
import { plainTextOf } from './message-text';
import { startsWithCommandName } from '../../conversations/command';

const account = z.looseObject({
  id: z.string().min(1).max(512),
  name: z.string().max(512).optional(),
  aadObjectId: z.string().max(128).optional(),
  role: z.string().optional(),
});

export const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  timestamp: z.string().optional(),
  locale: z.string().max(32).optional(),
  /** The sender's time zone (IANA), as Teams sends it on messages: a window they type is read on their clock. */
  localTimezone: z.string().max(64).optional(),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    tenantId: z.string().max(128).optional(),
    conversationType: z.string().max(64).optional(),
    isGroup: z.boolean().optional(),
  }),
  channelData: z
    .looseObject({ tenant: z.looseObject({ id: z.string().max(128).optional() }).optional() })
    .optional(),
  text: z.string().max(20_000).optional(),
  entities: z.array(z.unknown()).max(100).optional(),
  name: z.string().max(128).optional(),
  value: z.unknown().optional(),
  replyToId: z.string().max(512).optional(),
});

export type TeamsActivity = z.infer<typeof activitySchema>;

const mentionSchema = z.looseObject({
  type: z.literal('mention'),
  text: z.string().max(1024).optional(),
  mentioned: account,
});
type Mention = z.infer<typeof mentionSchema>;

/** The invoke that Action.Execute sends: https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards */
export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
const invokeValueSchema = z.looseObject({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string().max(64).optional(), data: z.unknown() }),
});

/** The `data` of an Action.Execute invoke, or undefined when the value has another shape. */
export function executeDataOf(activity: TeamsActivity): unknown {
  const parsed = invokeValueSchema.safeParse(activity.value);
  return parsed.success ? parsed.data.action.data : undefined;
}

export function tenantOf(activity: TeamsActivity): string | undefined {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
}

/** The conversation id without the thread suffix Teams adds in channels. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

export function localeOf(activity: TeamsActivity): Locale {
  return activity.locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

type Account = z.infer<typeof account>;

export function userOf(who: Account): UserRef {
  return { id: who.aadObjectId ?? who.id, name: who.name ?? who.id };
}

/**
 * What the conversation is to the sender (Inbound.conversation): Teams shows every bot
 * message in a channel or group chat to all its members, so replies for one person go
 * to their personal chat with the bot. Emulators that send no type: neither.
 */
export function conversationKindOf(activity: TeamsActivity): Inbound['conversation'] {
  const type = activity.conversation.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'channel' || type === 'groupChat') return 'shared';
  return undefined;
}

/** A channel, a group chat, or a personal (1:1) chat with the bot, as Teams says; a channel when it does not. */
export function placeOf(activity: TeamsActivity): Place {
  const type = activity.conversation.conversationType;
  return type === 'personal' ? 'personal' : type === 'groupChat' ? 'group' : 'channel';
}

export function inboundOf(activity: TeamsActivity): Inbound {
  const scope: Scope = {
    platform: 'teams',
    // Emulators send no tenant; their conversations share one pseudo-workspace.
    workspace: tenantOf(activity) ?? 'no-tenant',
    channel: channelOf(activity.conversation.id),
  };
  const conversation = conversationKindOf(activity);
  return {
    scope,
    user: userOf(activity.from),
    locale: localeOf(activity),
    place: placeOf(activity),
    ...(conversation ? { conversation } : {}),
    ...(activity.localTimezone ? { timeZone: activity.localTimezone } : {}),
  };
}

/**
 * A mention of a channel rather than a person ("notify @change-board" in a team): Teams
 * names it by the channel's conversation id (19:…@thread…), and may say so in
 * `mentioned.conversationIdentityType`.
 */
function isChannelMention(mention: Mention): boolean {
  const kind = (mention.mentioned as { conversationIdentityType?: unknown }).conversationIdentityType;
  return kind === 'channel' || /^19:[^;]+@thread\.[a-z0-9]+$/i.test(mention.mentioned.id);
}

function mentionsOf(activity: TeamsActivity): Mention[] {
  return (activity.entities ?? []).flatMap((entity) => {
    const parsed = mentionSchema.safeParse(entity);
    return parsed.success ? [parsed.data] : [];
  });
}

/** In channels and group chats Teams delivers only @mentions (unless RSC), but we check anyway. */
export function isAddressedToBot(activity: TeamsActivity): boolean {
  const type = activity.conversation.conversationType;
  if (type === undefined || type === 'personal') return true;
  return mentionsOf(activity).some((m) => m.mentioned.id === activity.recipient.id);
}

/**
 * The text without the bot's <at>mention</at>; other mentions become "@Name" and are
 * listed as users (for "operators @a @b"). `resolve` may look a mention up (Teams
 * mention entities carry the 29: id; the core compares AAD object ids).
 */
export function messageInputOf(activity: TeamsActivity, resolved: Map<string, UserRef> = new Map()): MessageInput {
  const mentions: UserRef[] = [];
  /** Each mention's tag as it stands in the text, and what replaces it. */
  const tags = new Map<string, string>();
  const channels: { id: string; name: string }[] = [];
  for (const mention of mentionsOf(activity)) {
    const isBot = mention.mentioned.id === activity.recipient.id;
    const tag = mention.text ?? `<at>${mention.mentioned.name ?? ''}</at>`;
    if (!isBot && isChannelMention(mention)) {
      // A channel: "#name" in the text, and listed as a channel (for `notify`).
      const channel = { id: mention.mentioned.id, name: mention.mentioned.name ?? mention.mentioned.id };
      if (!tags.has(tag)) tags.set(tag, `#${channel.name}`);
      if (!channels.some((c) => c.id === channel.id)) channels.push(channel);
      continue;
    }
    // The text names a person exactly as `mentions` does (the core takes "@name" out by that name).
    const person = resolved.get(mention.mentioned.id) ?? userOf(mention.mentioned);
    if (!tags.has(tag)) tags.set(tag, isBot ? ' ' : `@${person.name}`);
    if (!isBot && !mentions.some((m) => m.id === person.id)) mentions.push(person);
  }
  const text = plainTextOf(activity.text ?? '', tags);
  const isCommand = startsWithCommandName(text);
  return { text, isCommand, ...(mentions.length ? { mentions } : {}), ...(channels.length ? { channels } : {}) };
}

/** Mentioned users other than the bot (to resolve their AAD ids before handling the message). */
export function otherMentions(activity: TeamsActivity): UserRef[] {
  return mentionsOf(activity)
    .filter((m) => m.mentioned.id !== activity.recipient.id && !isChannelMention(m))
    .map((m) => ({ id: m.mentioned.id, name: m.mentioned.name ?? m.mentioned.id }));
}
