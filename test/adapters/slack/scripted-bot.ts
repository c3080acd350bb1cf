/** A core that records what reaches it and answers with whatever a test scripts. */
import type { ActionInput, Bot, Inbound, MessageInput, Reply } from '../../../src/bot/types';
import type { Card } from '../../../src/cards/model';
import type { Rollout } from '../../../src/plan/rollout-model';

export interface ScriptedBot extends Bot {
  messages: { inbound: Inbound; input: MessageInput }[];
  actions: { inbound: Inbound; input: ActionInput }[];
  planMessages: { rolloutId: string; ids: string[] }[];
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
    planMessages: [],
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
    async setPlanMessages(_scope, rolloutId, messages) {
      bot.planMessages.push({ rolloutId, ids: messages.map((m) => m.id) });
      if (bot.drawn) bot.drawn.rollout.messages = messages;
    },
    async drawRollout() {
      bot.draws++;
      return bot.drawn;
    },
    openRollouts: async () => [],
    planNotPosted: async (_scope, rolloutId) => void bot.notPosted.push(rolloutId),
    healthy: async () => true,
    userContext: async (inbound) => ({ locale: inbound.locale ?? 'en', interviewing: false }),
  };
  return bot;
}
