/**
 * What the Bot Connector checks on an activity a bot sends (POST/PUT
 * /v3/conversations/{id}/activities[/{id}]), as the service answers it. Seen in the
 * M365 Agents Playground and documented by Microsoft:
 * - a `conversation.conversationType` other than personal, groupChat or channel (the
 *   empty string included) is `400 {"error":{"code":"BadArgument","message":"Invalid input"}}`;
 * - the activity type, attachment content types and an Adaptive Card's type and
 *   version are checked the same way;
 * - a mention entity must name someone and its `text` (`<at>Name</at>`) must stand in the
 *   message text, or the message is `400 BadArgument`:
 *   https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#add-mentions-to-your-messages
 * - a message over 100 KB (the payload as UTF-16) is `413 MessageSizeTooBig`:
 *   https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
 * A fake that accepted less than this let an envelope through that Teams refuses.
 */
import { z } from 'zod';

export interface ConnectorRefusal {
  status: number;
  body: { error: { code: string; message: string } };
}

const ACTIVITY_TYPES = ['message', 'typing', 'event', 'invoke', 'endOfConversation', 'messageReaction', 'conversationUpdate'] as const;
const CONVERSATION_TYPES = ['personal', 'groupChat', 'channel'] as const;
/** Attachment content types Teams renders from a bot. */
const CONTENT_TYPES = [
  'application/vnd.microsoft.card.adaptive',
  'application/vnd.microsoft.card.hero',
  'application/vnd.microsoft.card.thumbnail',
  'application/vnd.microsoft.card.o365connector',
  'application/vnd.microsoft.teams.card.file.consent',
  'application/vnd.microsoft.teams.card.file.info',
  'text/html',
] as const;
/** Teams renders Adaptive Cards up to 1.5 in bot messages. */
const MAX_CARD_VERSION = [1, 5];
export const MAX_MESSAGE_UTF16_BYTES = 100 * 1024;

const account = z.looseObject({ id: z.string().min(1), name: z.string().optional() });

const adaptiveCard = z.looseObject({
  type: z.literal('AdaptiveCard'),
  version: z.string().regex(/^\d+\.\d+$/).refine((v) => {
    const [major, minor] = v.split('.').map(Number);
    return major < MAX_CARD_VERSION[0] || (major === MAX_CARD_VERSION[0] && minor <= MAX_CARD_VERSION[1]);
  }),
  body: z.array(z.looseObject({ type: z.string().min(1) })).optional(),
  actions: z.array(z.looseObject({ type: z.string().min(1), title: z.string().optional() })).optional(),
});

const attachment = z
  .looseObject({ contentType: z.enum(CONTENT_TYPES), content: z.unknown().optional(), contentUrl: z.string().optional() })
  .superRefine((a, ctx) => {
    if (a.contentType === 'application/vnd.microsoft.card.adaptive' && !adaptiveCard.safeParse(a.content).success) {
      ctx.addIssue({ code: 'custom', message: 'invalid adaptive card' });
    }
  });

export const outgoingActivitySchema = z.looseObject({
  type: z.enum(ACTIVITY_TYPES),
  id: z.string().optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z
    .looseObject({
      id: z.string().min(1).optional(),
      conversationType: z.enum(CONVERSATION_TYPES).optional(),
      isGroup: z.boolean().optional(),
      tenantId: z.string().optional(),
      name: z.string().optional(),
    })
    .optional(),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  summary: z.string().optional(),
  replyToId: z.string().optional(),
  attachments: z.array(attachment).optional(),
  channelData: z.looseObject({}).optional(),
  entities: z.array(z.looseObject({ type: z.string().min(1) })).optional(),
});

const mentionEntity = z.looseObject({
  type: z.literal('mention'),
  text: z.string().regex(/^<at>[^<>]+<\/at>$/),
  mentioned: z.looseObject({ id: z.string().min(1), name: z.string().optional() }),
});

const badArgument: ConnectorRefusal = { status: 400, body: { error: { code: 'BadArgument', message: 'Invalid input' } } };

/** The service's answer to a body it refuses, or undefined when it accepts it. */
export function checkOutgoingActivity(text: string): ConnectorRefusal | undefined {
  if (text.length * 2 > MAX_MESSAGE_UTF16_BYTES) {
    return { status: 413, body: { error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 400, body: { error: { code: 'BadSyntax', message: 'Invalid JSON' } } };
  }
  const parsed = outgoingActivitySchema.safeParse(json);
  if (!parsed.success) return badArgument;
  // A message must carry something to show.
  const activity = parsed.data;
  if (activity.type === 'message' && !activity.text && !(activity.attachments ?? []).length) return badArgument;
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mention = mentionEntity.safeParse(entity);
    if (!mention.success || !(activity.text ?? '').includes(mention.data.text)) return badArgument;
  }
  return undefined;
}

/**
 * What the service checks on POST /v3/conversations (createConversation), as far as a
 * bot's personal chat goes: the body names the bot, exactly one member, the tenant
 * (channelData.tenant.id and/or tenantId, the same when both) and isGroup false or
 * absent; an initial activity, when there is one, passes the checks above. Teams
 * cannot create group chats, and a new channel thread (isGroup true with
 * channelData.channel) is not something this bot does, so both are refused here.
 * The service's answers, as reported against it:
 * - a body it cannot read: 400 {"error":{"code":"BadSyntax","message":"Incorrect conversation creation parameters"}}
 *   (microsoft/BotBuilder-V3#128, MicrosoftDocs/bot-docs#1155);
 * - no tenant: 400 {"error":{"code":"BadSyntax","message":"Could not parse tenant id"}} (MicrosoftDocs/bot-docs#1105).
 */
const createConversationSchema = z.looseObject({
  bot: z.looseObject({ id: z.string().min(1), name: z.string().optional() }),
  members: z.array(z.looseObject({ id: z.string().min(1), name: z.string().optional() })).length(1),
  isGroup: z.literal(false).optional(),
  tenantId: z.string().min(1).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().min(1) }).optional() }).optional(),
  activity: z.unknown().optional(),
  topicName: z.string().optional(),
});

const badParameters: ConnectorRefusal = { status: 400, body: { error: { code: 'BadSyntax', message: 'Incorrect conversation creation parameters' } } };
const noTenant: ConnectorRefusal = { status: 400, body: { error: { code: 'BadSyntax', message: 'Could not parse tenant id' } } };

export type CreateConversationCheck = { ok: true; member: string; tenant: string } | { ok: false; refusal: ConnectorRefusal };

export function checkCreateConversation(text: string): CreateConversationCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, refusal: { status: 400, body: { error: { code: 'BadSyntax', message: 'Invalid JSON' } } } };
  }
  const parsed = createConversationSchema.safeParse(json);
  if (!parsed.success) return { ok: false, refusal: badParameters };
  const body = parsed.data;
  const tenants = [body.channelData?.tenant?.id, body.tenantId].filter((id): id is string => Boolean(id));
  if (!tenants.length) return { ok: false, refusal: noTenant };
  if (new Set(tenants).size > 1) return { ok: false, refusal: badParameters };
  if (body.activity !== undefined && checkOutgoingActivity(JSON.stringify(body.activity))) return { ok: false, refusal: badParameters };
  return { ok: true, member: body.members[0].id, tenant: tenants[0] };
}
