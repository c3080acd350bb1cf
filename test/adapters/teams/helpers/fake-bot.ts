/** A Bot that records calls and answers with scripted replies (for auth and transport tests). */
import type { ActionInput, Bot, Inbound, MessageInput, Reply } from '../../../../src/bot/types';

export interface RecordingBot extends Bot {
  messages: { inbound: Inbound; input: MessageInput }[];
  actions: { inbound: Inbound; input: ActionInput }[];
}

export function createRecordingBot(reply: Reply[] = [{ type: 'private', card: { fallback: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] } }]): RecordingBot {
  const messages: RecordingBot['messages'] = [];
  const actions: RecordingBot['actions'] = [];
  return {
    messages,
    actions,
    async handleMessage(inbound, input) {
      messages.push({ inbound, input });
      return reply;
    },
    async handleAction(inbound, input) {
      actions.push({ inbound, input });
      return reply;
    },
    async drawRollout() {
      return undefined;
    },
    async openRollouts() {
      return [];
    },
    async mySteps() {
      return { fallback: 'Your steps', blocks: [{ type: 'header', text: 'Your steps' }] };
    },
    async planNotPosted() {},
    async userContext(inbound) {
      return { locale: inbound.locale ?? 'en', interviewing: false };
    },
    async healthy() {
      return true;
    },
  };
}
