/**
 * A person's personal (1:1) chat with the bot, where their interview and every reply
 * meant for them alone go when they write in a channel or group chat (Teams has no
 * private messages there). Opened with the Bot Connector's createConversation:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#create-conversation
 *
 * Teams answers with the same conversation every time for one bot and one person, so
 * the answer is kept (per process, bounded) and costs one call per person. It refuses
 * with 403 (BotNotInConversationRoster) when the app is not installed for that person
 * and no policy installs it: then there is no chat, and the caller says so in the
 * channel instead (never the private reply itself).
 */
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from '../../src/runtime/log';
import { tenantOf, type TeamsActivity } from './activity';
import type { TeamsConversation } from './conversation';
import { statusOf, withRetry, type RetryOptions } from './retry';

/** Personal chats remembered per process; past this the oldest is forgotten (and asked for again). */
export const MAX_REMEMBERED_CHATS = 10_000;

export interface PersonalChats {
  /** The sender's personal chat with the bot, or undefined when Teams will not open one (logged). */
  open(connector: ConnectorClient, activity: TeamsActivity): Promise<TeamsConversation | undefined>;
  /** Teams refused a message to that chat (the person removed the app): ask again next time. */
  forget(activity: TeamsActivity): void;
}

export function createPersonalChats(options: { logger: Logger; retry: RetryOptions }): PersonalChats {
  const known = new Map<string, TeamsConversation>();
  const keyOf = (activity: TeamsActivity, tenantId: string | undefined) => [activity.serviceUrl, tenantId, activity.recipient.id, activity.from.id].join('\n');

  return {
    forget(activity) {
      known.delete(keyOf(activity, tenantOf(activity)));
    },

    async open(connector, activity) {
      const tenantId = tenantOf(activity);
      // Teams needs the tenant to find the person; only emulators send none.
      if (!tenantId) return undefined;
      const key = keyOf(activity, tenantId);
      const remembered = known.get(key);
      if (remembered) return remembered;
      try {
        // The same conversation comes back every time, so a retry cannot open a second one.
        const response = await withRetry(
          () =>
            connector.conversations.createConversation({
              isGroup: false,
              bot: { id: activity.recipient.id, name: activity.recipient.name ?? '' },
              members: [{ id: activity.from.id, name: activity.from.name ?? '' }],
              tenantId,
              channelData: { tenant: { id: tenantId } },
            }),
          { ...options.retry, idempotent: true },
        );
        if (!response.id) throw new Error('createConversation answered without a conversation id');
        const chat: TeamsConversation = {
          serviceUrl: activity.serviceUrl,
          channelId: activity.channelId,
          conversationId: response.id,
          tenantId,
          conversationType: 'personal',
          isGroup: false,
          bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
        };
        if (known.size >= MAX_REMEMBERED_CHATS) known.delete(known.keys().next().value as string);
        known.set(key, chat);
        return chat;
      } catch (error) {
        // Not remembered: once the person adds the app, the next message finds the chat.
        options.logger.info('teams: could not open a personal chat', { status: statusOf(error), error: String(error) });
        return undefined;
      }
    },
  };
}
