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
 */
import { ActivityTypes, TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import { t } from '../../conversations/strings';
import type { Bot, Inbound, Reply } from '../../src/bot/types';
import type { Logger } from '../../src/log';
import { lookUpWithin } from '../../src/mention-lookup';
import type { UserRef } from '../../src/plan/rollout-model';
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
import { cardActivity, conversationOf, createMessenger, textActivity } from './conversation';
import type { TeamsAddress } from './delivery';
import { renderCardForTeams } from './render';
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

  /** The core's view of the sender, with where a plan they post goes (the thread they are in). */
  const inboundWithAddress = (activity: TeamsActivity): Inbound => {
    const address: TeamsAddress = { post: conversationOf(activity, tenantOf(activity)) };
    return { ...inboundOf(activity), address };
  };

  async function onMessage(context: TurnContext, activity: TeamsActivity): Promise<void> {
    if (!isAddressedToBot(activity)) return;
    const inbound = inboundWithAddress(activity);
    const input = messageInputOf(activity, await resolveMentions(context, activity));
    const replies = await bot.handleMessage(inbound, input);
    await carryOut(connectorOf(context), activity, inbound, replies);
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
      ...(picked ? { people: await namePicked(context, clicked.text, logger) } : {}),
    });
    const [shown, rest] = invokeAnswer(activity, replies);
    // Taken now: botbuilder revokes the turn context when the turn ends.
    const connector = connectorOf(context);
    await answer(context, shown);
    deps.track(carryOut(connector, activity, inbound, rest));
  }

  /** The reply that answers the click; the others are carried out after it. */
  function invokeAnswer(activity: TeamsActivity, replies: Reply[]): [InvokeBody, Reply[]] {
    const refused = replies.find((r) => r.type === 'refused');
    // A refused click on a plan: the clicker's card, with the reason under what was clicked.
    const redrawn = refused?.on && refusedCard(refused.on);
    if (refused) return [redrawn ? { statusCode: 200, type: INVOKE_CARD_TYPE, value: redrawn } : message(refused.text), replies.filter((r) => r !== refused)];
    const update = replies.find((r) => r.type === 'update-plan');
    if (update) {
      const cards = update.cards.flatMap((card) => renderCardForTeams(card));
      // A split plan: answer with the part that was clicked.
      const part = Math.max(0, update.rollout.messages.findIndex((m) => m.id === activity.replyToId));
      return [{ statusCode: 200, type: INVOKE_CARD_TYPE, value: cards[part] ?? cards[0] }, replies];
    }
    const shown = replies.find((r) => r.type === 'private');
    if (shown) {
      return [{ statusCode: 200, type: INVOKE_CARD_TYPE, value: renderCardForTeams(shown.card)[0] }, replies.filter((r) => r !== shown)];
    }
    return [message(''), replies];
  }

  async function carryOut(connector: ConnectorClient, activity: TeamsActivity, _inbound: Inbound, replies: Reply[]): Promise<void> {
    const here = conversationOf(activity, tenantOf(activity));
    const messenger = createMessenger(connector, here, deps.retry);
    for (const reply of replies) {
      try {
        switch (reply.type) {
          case 'private':
            // Teams has no ephemeral messages: in a channel the interview is visible to all.
            for (const card of renderCardForTeams(reply.card)) await messenger.send(cardActivity(here, card));
            break;
          case 'refused':
            await messenger.send(textActivity(here, reply.text));
            break;
          case 'update-plan':
            break; // answered to the clicker already; everyone's copy is the publisher's
          case 'file':
            // Bots cannot attach files in channels without a consent flow; the log travels
            // as a code block, within Teams' message size (the CLI export has no such limit).
            await messenger.send(textActivity(here, fileMessage(reply.summary, reply.filename, reply.content)));
            break;
        }
      } catch (error) {
        logger.warn('teams: could not carry out a reply', { type: reply.type, error: String(error) });
      }
    }
  }

  /**
   * Teams mention entities carry the 29: id; rollouts know people by AAD object id.
   * Capped, a few at a time, within one budget (src/mention-lookup.ts).
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

/** Teams messages stay under ~28 KB; the export is cut at a line boundary well below that. */
const FILE_TEXT_BUDGET = 20_000;

export function fileMessage(summary: string, filename: string, content: string): string {
  let body = content;
  if (body.length > FILE_TEXT_BUDGET) {
    const cut = body.lastIndexOf('\n', FILE_TEXT_BUDGET);
    body = `${body.slice(0, cut > 0 ? cut : FILE_TEXT_BUDGET)}\n…`;
  }
  return `${summary} (${filename})\n\n\`\`\`\n${body.trimEnd()}\n\`\`\``;
}
