/**
 * The core's replies (src/bot/types.ts `Reply`) carried out in Teams, after a message
 * or after the answer to a click. Teams has no private messages in channels and group
 * chats: there, whatever is for the person alone ('private', 'refused', 'file') goes
 * to their personal chat with the bot, and only a 'public' line stays where they wrote.
 * When that chat cannot be opened, one line there says so instead: a reply meant for
 * one person never appears in a shared conversation.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
import type { ConnectorClient } from 'botframework-connector';
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Reply } from '../../src/bot/types';
import type { Logger } from '../../src/runtime/log';
import type { UserRef } from '../../src/rollout/model';
import { markedFor } from './action-data';
import { cardActivity, createMessenger, textActivity, type TeamsConversation } from './conversation';
import { renderCardForTeams } from './render';
import { statusOf, type RetryOptions } from './retry';

/** Where a turn's replies go. */
export interface ReplyTarget {
  /** The conversation (and thread) the person wrote or clicked in. */
  here: TeamsConversation;
  /** A channel or group chat: everyone there sees what the bot sends. */
  shared: boolean;
  /** The person the replies are for. */
  person: UserRef;
  /** Their personal chat with the bot, opened on first need; undefined when Teams will not open it. */
  personalChat(): Promise<TeamsConversation | undefined>;
  /** Teams refused a message to that chat (403/404: the app was removed): it is opened afresh next time. */
  forgetPersonalChat(): void;
  /** Their language, for the line that says the personal chat could not be opened. */
  locale(): Promise<Locale>;
}

/** Replies that only the person who asked may see. */
export function isForThePersonAlone(reply: Reply): boolean {
  return reply.type === 'private' || reply.type === 'refused' || reply.type === 'file';
}

/** The interview cards a person is sent name them, so a teammate's click on one is told whose it is. */
export function cardsFor(reply: Extract<Reply, { type: 'private' }>, person: UserRef) {
  return renderCardForTeams(reply.card).map((card) => markedFor(card, person));
}

/** The line that says the personal chat could not be opened, in the person's language. */
export async function unreachableLine(target: ReplyTarget): Promise<string> {
  return t(await target.locale(), msg('reach.privateChat.unreachable', { user: target.person.name }));
}

type Outgoing = Parameters<ReturnType<typeof createMessenger>['send']>[0];

export function createReplyCarrier(deps: { logger: Logger; retry: RetryOptions }) {
  return async function carryOut(connector: ConnectorClient, target: ReplyTarget, replies: Reply[]): Promise<void> {
    const { here } = target;
    const forThePerson = replies.some(isForThePersonAlone);
    const privately = target.shared ? (forThePerson ? await target.personalChat() : undefined) : here;
    if (forThePerson && !privately) {
      // Neither the private reply nor a line claiming it was sent: only how to make it reachable.
      await sendOrLog(connector, here, textActivity(here, await unreachableLine(target)), 'unreachable');
      return;
    }
    // Set whenever a reply for the person is in the list (the only replies that read it).
    const toPerson = privately ?? here;
    /** Teams refused the personal chat itself (the app was removed since it was opened). */
    let chatRefused = false;
    const toThePerson = async (activity: Outgoing, what: string) => {
      if (chatRefused) return;
      const status = await sendOrLog(connector, toPerson, activity, what);
      if (target.shared && (status === 403 || status === 404)) chatRefused = true;
    };
    for (const reply of replies) {
      switch (reply.type) {
        case 'public':
          // After the person's replies, so it never claims what did not happen.
          if (!chatRefused) await sendOrLog(connector, here, textActivity(here, reply.text), reply.type);
          break;
        case 'private':
          for (const card of cardsFor(reply, target.person)) await toThePerson(cardActivity(toPerson, card), reply.type);
          break;
        case 'refused':
          await toThePerson(textActivity(toPerson, reply.text), reply.type);
          break;
        case 'file':
          // Bots cannot attach files without a consent flow; the log travels as a code block,
          // within Teams' message size (the CLI export has no such limit).
          await toThePerson(textActivity(toPerson, fileMessage(reply.summary, reply.filename, reply.content)), reply.type);
          break;
        case 'update-plan':
          break; // answered to the clicker already; everyone's copy is the publisher's
      }
    }
    if (chatRefused) {
      target.forgetPersonalChat();
      await sendOrLog(connector, here, textActivity(here, await unreachableLine(target)), 'unreachable');
    }
  };

  /** Sends one activity; a failure is logged, and its HTTP status returned (undefined when sent). */
  async function sendOrLog(connector: ConnectorClient, where: TeamsConversation, activity: Outgoing, what: string): Promise<number | undefined> {
    try {
      await createMessenger(connector, where, deps.retry).send(activity);
      return undefined;
    } catch (error) {
      deps.logger.warn('teams: could not carry out a reply', { type: what, error: String(error) });
      return statusOf(error) ?? 0;
    }
  }
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
