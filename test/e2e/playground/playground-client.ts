/**
 * The M365 Agents Playground's own HTTP API, as its web client uses it (read from
 * @microsoft/m365agentsplayground 0.2.28; there is no published reference):
 * - POST /_conversation/v1/conversations/{id}/messages  {type:'text', text, textFormat,
 *   from, mentions}: a message typed by the Playground's current user. `from` must be a
 *   member, but the bot always receives the current user: only invokes honour `from`.
 *   In a channel the message starts a new thread; the answer names it
 *   (postConversationId = "{channel};messageid={id}").
 * - POST /_conversation/v1/invoke  {name:'adaptiveCard/action', from, conversation,
 *   replyToId, value}: a click on an Action.Execute button, by anyone in the team; the
 *   answer is the bot's invoke response ({type, value}).
 * - WebSocket /_ws_conversation/v1/conversations/stream: what the web client shows:
 *   createMessage / updateMessage of the bot's messages.
 * - WebSocket /_ws/log/stream: the log panel, including every call the bot makes to
 *   the Playground's Bot Connector (/_connector/v3/...) with the status it got.
 */
import WebSocket from 'ws';
import { executeValue, type ExecuteAction } from './card-reader';
import type { PlaygroundPerson, PlaygroundTeam } from './playground-team';

/** A bot message as the channel sees it now. */
export interface SeenMessage {
  id: string;
  /** The conversation it is in: a channel thread ("{channel};messageid={root}") or a chat. */
  conversationId: string;
  text?: string;
  /** The Adaptive Card it carries, as last drawn for everyone. */
  card?: unknown;
  /** 1 when posted, +1 for each update. */
  version: number;
}

/** A call the bot made to the Playground's Bot Connector, and its answer. */
export interface ConnectorCall {
  activityName: string;
  status: number;
  /** The message it created or updated, when it did. */
  messageId?: string;
  request: unknown;
  response: unknown;
}

export interface InvokeAnswer {
  type: string;
  value: unknown;
}

interface StreamMessage {
  messageId: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
  postConversationId?: string;
}

const WAIT_MS = 20_000;

export interface PlaygroundClient {
  /** The current user types `text` in a conversation; in channels the bot is @mentioned first. */
  say(conversationId: string, text: string, options?: { mentionBot?: boolean }): Promise<{ messageId: string; threadId: string }>;
  /** `who` clicks an Action.Execute button of a bot message. */
  click(who: PlaygroundPerson, message: SeenMessage, action: ExecuteAction, inputs?: Record<string, string>): Promise<InvokeAnswer>;
  /** Every bot message so far, oldest first. */
  messages(): SeenMessage[];
  inConversation(conversationId: string): SeenMessage[];
  connectorCalls(): ConnectorCall[];
  /** The Playground's warnings about what the bot sent (unsupported card features...). */
  warnings(): string[];
  /** Waits (bounded) until `find` returns something; fails with `what` otherwise. */
  waitFor<T>(what: string, find: () => T | undefined | false): Promise<T>;
  close(): void;
}

async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

function openStream(url: string, onMessage: (data: Record<string, unknown>) => void): Promise<WebSocket> {
  const socket = new WebSocket(url);
  socket.on('message', (data) => onMessage(JSON.parse(String(data)) as Record<string, unknown>));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

export async function connectPlayground(baseUrl: string, team: PlaygroundTeam): Promise<PlaygroundClient> {
  const seen = new Map<string, SeenMessage>();
  const calls: ConnectorCall[] = [];
  const warnings: string[] = [];
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const wsBase = baseUrl.replace(/^http/, 'ws');

  // Connected before anything happens: the Playground replays nothing to late clients.
  const conversation = await openStream(`${wsBase}/_ws_conversation/v1/conversations/stream`, (event) => {
    const message = event.message as StreamMessage | undefined;
    if (!message || (event.action !== 'createMessage' && event.action !== 'updateMessage')) return;
    const previous = seen.get(message.messageId);
    seen.set(message.messageId, {
      id: message.messageId,
      conversationId: previous?.conversationId ?? message.postConversationId ?? String(event.actionConversationId),
      text: message.text,
      card: message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content,
      version: (previous?.version ?? 0) + 1,
    });
    changed();
  });
  const log = await openStream(`${wsBase}/_ws/log/stream`, (event) => {
    const item = event.log as Record<string, unknown> | undefined;
    if (!item) return;
    if (item.type === 'bot' && item.from === 'User Application') {
      const response = item.response as { statusCode: number; body: unknown };
      const messageId = (response.body as { id?: unknown } | undefined)?.id;
      calls.push({
        activityName: String(item.activityName),
        status: response.statusCode,
        ...(typeof messageId === 'string' ? { messageId } : {}),
        request: (item.request as { body: unknown }).body,
        response: response.body,
      });
    } else if (item.level === 'Warning' && typeof item.displayText === 'string') {
      warnings.push(item.displayText);
    }
    changed();
  });

  return {
    async say(conversationId, text, options = {}) {
      const mention = `<at>${team.bot.name}</at>`;
      const body = {
        type: 'text',
        text: options.mentionBot ? `${mention} ${text}` : text,
        textFormat: 'plain',
        from: { id: team.currentUser.id },
        mentions: options.mentionBot ? [{ mentioned: { id: team.bot.id, name: team.bot.name }, text: mention }] : [],
      };
      const res = await postJson(`${baseUrl}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
      if (res.status !== 200) throw new Error(`the Playground refused the message: ${res.status} ${JSON.stringify(res.json)}`);
      const answer = res.json as { messageId: string; postConversationId?: string };
      return { messageId: answer.messageId, threadId: answer.postConversationId ?? conversationId };
    },
    async click(who, message, action, inputs) {
      const res = await postJson(`${baseUrl}/_conversation/v1/invoke`, {
        name: 'adaptiveCard/action',
        from: { id: who.id },
        conversation: { id: message.conversationId },
        replyToId: message.id,
        value: executeValue(action, inputs),
      });
      if (res.status !== 200) throw new Error(`the invoke failed: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json as InvokeAnswer;
    },
    messages: () => [...seen.values()],
    inConversation: (conversationId) => [...seen.values()].filter((m) => m.conversationId === conversationId),
    connectorCalls: () => [...calls],
    warnings: () => [...warnings],
    waitFor(what, find) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found === undefined || found === false) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          const refused = calls.filter((c) => c.status >= 300).map((c) => `${c.status} ${JSON.stringify(c.response)}`);
          reject(new Error(`waited ${WAIT_MS} ms for ${what}${refused.length ? `; the Playground refused: ${refused.join('; ')}` : ''}`));
        }, WAIT_MS);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    close() {
      conversation.close();
      log.close();
    },
  };
}
