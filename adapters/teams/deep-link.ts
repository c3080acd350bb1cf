/**
 * A link that opens a posted plan message in Teams ("my steps", the status list): the
 * message's deep link, built from the conversation its MessageRef keeps. A channel
 * message is found by its channel, its thread's first message and the tenant; a chat
 * message by the chat. Teams opens the link in its client; undefined when the ref is
 * not a Teams message of ours.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-teams#deep-link-to-a-chat-or-channel-message
 */
import type { MessageRef } from '../../src/rollout/model';
import { conversationOfRef } from './conversation';

export function planDeepLink(ref: MessageRef): string | undefined {
  const conversation = conversationOfRef(ref);
  if (!conversation || !/^[\w:@.;=-]+$/.test(ref.id)) return undefined;
  const [chatOrChannel, threadRoot] = conversation.conversationId.split(';messageid=');
  const base = `https://teams.microsoft.com/l/message/${encodeURIComponent(chatOrChannel)}/${encodeURIComponent(ref.id)}`;
  if (conversation.conversationType === 'channel' || /@thread\.(tacv2|skype)$/.test(chatOrChannel) && conversation.conversationType !== 'groupChat') {
    const query = new URLSearchParams({ parentMessageId: threadRoot ?? ref.id, ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}) });
    return `${base}?${query.toString()}`;
  }
  return `${base}?${new URLSearchParams({ context: JSON.stringify({ contextType: 'chat' }) }).toString()}`;
}
