/**
 * One authenticated Teams turn: a message to the bot or an Action.Execute click, turned
 * into a core call, and the core's replies carried out.
 * - Messages: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
 * - Clicks arrive as `adaptiveCard/action` invokes and are answered with the card to
 *   show the clicker (or a text only they see):
 *   https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 *   Everything else a click causes runs after the answer, so Teams never waits on it.
 *   The plan in the channel, its updates for everyone and its thread lines are the
 *   publisher's (src/delivery, through delivery.ts), delivered from the store.
 * - In a channel or group chat, replies for the person alone go to their personal chat
 *   with the bot (replies.ts, personal-chat.ts); a message there opens that chat first,
 *   so a plan started here can tell its owner there how it went (the address's owner).
 */
import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import { t } from '../../conversations/strings';
import type { Bot, Inbound, Reply } from '../../src/bot/types';
import type { Logger } from '../../src/runtime/log';
import { lookUpWithin } from '../../src/runtime/mention-lookup';
import type { UserRef } from '../../src/rollout/model';
import { parseExecuteData } from './action-data';
import {
  ADAPTIVE_CARD_ACTION,
  executeDataOf,
  inboundOf,
  isAddressedToBot,
  messageInputOf,
  otherMentions,
  tenantOf,
  type TeamsActivity,
} from './activity';
import { INVOKE_CARD_TYPE, INVOKE_MESSAGE_TYPE } from './adaptive-card';
import { withoutSdkRetries } from './connectors';
import { conversationOf, type TeamsConversation } from './conversation';
import type { TeamsAddress } from './delivery';
import { createPersonalChats } from './personal-chat';
import { renderCardForTeams } from './render';
import { cardsFor, createReplyCarrier, isForThePersonAlone, unreachableLine, type ReplyTarget } from './replies';
import { openFormCard, refusedCard } from './card-invokes';
import { answerSearch, namePicked, SEARCH_INVOKE } from './people-search';
import type { RetryOptions } from './retry';

export interface TurnDeps {
  bot: Bot;
  logger: Logger;
  retry: RetryOptions;
  /** Keeps work that runs after an invoke answer, so stop() can wait for it. */
  track(work: Promise<unknown>): void;
}

type InvokeBody = { statusCode: 200; type: typeof INVOKE_CARD_TYPE | typeof INVOKE_MESSAGE_TYPE; value: unknown };

export function createTurnHandler(deps: TurnDeps): (context: TurnContext, activity: TeamsActivity) => Promise<void> {
  const { bot, logger } = deps;
  const personalChats = createPersonalChats({ logger, retry: deps.retry });
  const carryOut = createReplyCarrier({ logger, retry: deps.retry });

  /**
   * Where this turn's replies go. The personal chat is opened once, when first needed;
   * `opened` is what a message turn already got (the chat, or undefined: Teams refused).
   */
  function replyTarget(connector: ConnectorClient, activity: TeamsActivity, inbound: Inbound, opened?: { chat: TeamsConversation | undefined }): ReplyTarget {
    let chat: Promise<TeamsConversation | undefined> | undefined = opened ? Promise.resolve(opened.chat) : undefined;
    return {
      here: conversationOf(activity, tenantOf(activity)),
      shared: inbound.conversation === 'shared',
      person: inbound.user,
      personalChat: () => (chat ??= personalChats.open(connector, activity)),
      forgetPersonalChat: () => personalChats.forget(activity),
      locale: async () => (await bot.userContext(inbound)).locale,
    };
  }

  /**
   * The core's view of the sender, with where a plan they start goes (the thread they
   * are in) and, from a channel or group chat, their personal chat for the owner's
   * notices.
   */
  const inboundWithAddress = (activity: TeamsActivity, personalChat?: TeamsConversation): Inbound => {
    const address: TeamsAddress = { post: conversationOf(activity, tenantOf(activity)), ...(personalChat ? { owner: personalChat } : {}) };
    return { ...inboundOf(activity), address };
  };

  async function onMessage(context: TurnContext, activity: TeamsActivity): Promise<void> {
    if (!isAddressedToBot(activity)) return;
    const connector = connectorOf(context);
    // Opened before the core runs, so an interview begun here knows where its owner is reached.
    const personalChat = inboundOf(activity).conversation === 'shared' ? await personalChats.open(connector, activity) : undefined;
    const inbound = inboundWithAddress(activity, personalChat);
    const input = messageInputOf(activity, await resolveMentions(context, activity));
    const replies = await bot.handleMessage(inbound, input);
    const opened = inbound.conversation === 'shared' ? { chat: personalChat } : undefined;
    await carryOut(connector, replyTarget(connector, activity, inbound, opened), replies);
  }

  async function onCardAction(context: TurnContext, activity: TeamsActivity): Promise<void> {
    const inbound = inboundWithAddress(activity);
    const clicked = parseExecuteData(executeDataOf(activity));
    if (!clicked) {
      logger.info('teams: unknown card action refused', { conversation: inbound.scope.channel });
      return answer(context, message(t(inbound.locale ?? 'en', 'card.error.unknownButton')));
    }
    if (clicked.openForm) {
      // Skip… / Problem…: only the clicker's card, with the note's form open (card-invokes.ts).
      const card = await openFormCard(bot, inbound, clicked.payload, activity.replyToId);
      return answer(context, card ? { statusCode: 200, type: INVOKE_CARD_TYPE, value: card } : message(t(inbound.locale ?? 'en', 'card.error.unknownButton')));
    }
    const picked = clicked.payload.k === 'operators' && clicked.payload.v === 'pick';
    const replies = await bot.handleAction(inbound, {
      payload: clicked.payload,
      // Teams re-delivers an invoke with the same activity id: the store records it once.
      actionKey: activity.id ?? randomUUID(),
      ...(clicked.text ? { text: clicked.text } : {}),
      ...(clicked.cardFor ? { cardFor: clicked.cardFor } : {}),
      ...(picked ? { people: await namePicked(context, clicked.text, logger) } : {}),
    });
    // Taken now: botbuilder revokes the turn context when the turn ends.
    const connector = connectorOf(context);
    const target = replyTarget(connector, activity, inbound);
    const [shown, rest] = await invokeAnswer(activity, target, replies);
    await answer(context, shown);
    deps.track(carryOut(connector, target, rest));
  }

  /** The reply that answers the click; the others are carried out after it. */
  async function invokeAnswer(activity: TeamsActivity, target: ReplyTarget, replies: Reply[]): Promise<[InvokeBody, Reply[]]> {
    const refused = replies.find((r) => r.type === 'refused');
    // A refused click on a plan: the clicker's card, with the reason under what was clicked.
    const redrawn = refused?.on && refusedCard(refused.on);
    if (refused) return [redrawn ? { statusCode: 200, type: INVOKE_CARD_TYPE, value: redrawn } : message(refused.text), replies.filter((r) => r !== refused)];
    const update = replies.find((r) => r.type === 'update-plan');
    if (update) {
      const cards = update.cards().flatMap((card) => renderCardForTeams(card));
      // A split plan: answer with the part that was clicked.
      const part = Math.max(0, update.rollout.messages.findIndex((m) => m.id === activity.replyToId));
      return [{ statusCode: 200, type: INVOKE_CARD_TYPE, value: cards[part] ?? cards[0] }, replies];
    }
    const shown = replies.find((r) => r.type === 'private');
    if (shown && target.shared) {
      // A card for one person (an interview card from before interviews moved to the
      // personal chat) would replace the card in the channel: it goes to the personal chat,
      // and the click is answered in a word (or, with no such chat, told how to open one).
      if (await target.personalChat()) return [message(t(await target.locale(), 'reach.privateChat.sent')), replies];
      return [message(await unreachableLine(target)), replies.filter((r) => !isForThePersonAlone(r))];
    }
    if (shown) {
      return [{ statusCode: 200, type: INVOKE_CARD_TYPE, value: cardsFor(shown, target.person)[0] }, replies.filter((r) => r !== shown)];
    }
    return [message(''), replies];
  }

  /**
   * Teams mention entities carry the 29: id; rollouts know people by AAD object id.
   * Capped, a few at a time, within one budget (src/runtime/mention-lookup.ts).
   */
  async function resolveMentions(context: TurnContext, activity: TeamsActivity): Promise<Map<string, UserRef>> {
    const mentions = new Map(otherMentions(activity).map((m) => [m.id, m]));
    return lookUpWithin([...mentions.keys()], async (id) => {
      try {
        const member = await TeamsInfo.getMember(context, id);
        return { id: member.aadObjectId ?? id, name: member.name ?? mentions.get(id)?.name ?? id };
      } catch (error) {
        logger.debug('teams: could not resolve a mention', { error: String(error) });
        throw error;
      }
    });
  }

  return async (context, activity) => {
    if (activity.type === ActivityTypes.Message) return onMessage(context, activity);
    if (activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION) return onCardAction(context, activity);
    if (activity.type === ActivityTypes.Invoke && activity.name === SEARCH_INVOKE) return answerSearch(context, activity, logger);
    // conversationUpdate, typing, reactions...: nothing to do.
  };
}

function message(text: string): InvokeBody {
  return { statusCode: 200, type: INVOKE_MESSAGE_TYPE, value: text };
}

async function answer(context: TurnContext, body: InvokeBody): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

function connectorOf(context: TurnContext): ConnectorClient {
  return withoutSdkRetries(context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey));
}
