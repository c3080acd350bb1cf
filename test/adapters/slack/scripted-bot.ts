/** A core that records what reaches it and answers with whatever a test scripts. */
import type { ActionInput, Bot, Inbound, MessageInput, Reply } from '../../../src/bot/types';
import type { Card } from '../../../src/cards/model';
import type { Rollout } from '../../../src/rollout/model';

export interface ScriptedBot extends Bot {
  messages: { inbound: Inbound; input: MessageInput }[];
  actions: { inbound: Inbound; input: ActionInput }[];
  /** Rollouts the adapter reported as not posted. */
  notPosted: string[];
  draws: number;
  reply: (kind: 'message' | 'action') => Reply[];
  drawn: { rollout: Rollout; cards: Card[] } | undefined;
}

export function scriptedBot(): ScriptedBot {
  const bot: ScriptedBot = {
    messages: [],
    actions: [],
    notPosted: [],
    draws: 0,
    reply: () => [],
    drawn: undefined,
    async handleMessage(inbound, input) {
      bot.messages.push({ inbound, input });
      return bot.reply('message');
    },
    async handleAction(inbound, input) {
      bot.actions.push({ inbound, input });
      return bot.reply('action');
    },
    async drawRollout() {
      bot.draws++;
      return bot.drawn;
    },
    openRollouts: async () => [],
    mySteps: async () => ({ fallback: 'Your steps', blocks: [{ type: 'header', text: 'Your steps' }] }),
    planNotPosted: async (_scope, rolloutId) => void bot.notPosted.push(rolloutId),
    healthy: async () => true,
    userContext: async (inbound) => ({ locale: inbound.locale ?? 'en', interviewing: false }),
  };
  return bot;
}
