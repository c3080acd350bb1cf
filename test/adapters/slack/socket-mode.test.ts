/**
 * Socket Mode (SLACK_APP_TOKEN set): the real Bolt app opens its connection through
 * apps.connections.open on the fake Web API and receives the same slash command and
 * block_actions payloads as envelopes over a local WebSocket, acknowledging each one.
 * The whole story with the real core and a SQLite file: questions, plan, a confirmation
 * on the card and in the thread; a malformed envelope changes nothing.
 * https://docs.slack.dev/apis/events-api/using-socket-mode
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Publisher } from '../../../src/delivery/publisher';
import { ROOMY_LIMITS, startTestPublisher } from '../../support/publisher';
import { createSlackDeliveryAdapter, createSlackAdapter, type SlackAdapter } from '../../../adapters/slack';
import { parseButtonValue } from '../../../adapters/slack/button-value';
import { createBot } from '../../../src/bot';
import { createLogger, silentLogger } from '../../../src/runtime/log';
import type { Scope } from '../../../src/rollout/model';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { startFakeSlack, type FakeCall, type FakeSlack } from '../../kit/fake-slack';
import { blockActionsBody, slashCommandBody, SIGNING_SECRET, type ClickOptions } from '../../kit/slack-requests';

interface Btn { action_id: string; value: string; style?: string }
interface Blk { type: string; text?: { text: string }; elements?: Btn[]; accessory?: Btn }
interface Msg { text: string; blocks?: Blk[] }

const APP_TOKEN = 'xapp-1-A1-test-socket-token';
const TICKET = 'socket-ticket-5e6f7a8b';
/** Everything the adapter logged, at debug as with LOG_LEVEL=debug. */
const logLines: string[] = [];
const scope: Scope = { platform: 'slack', workspace: 'T1', channel: 'C1' };

let dir: string;
let store: Store;
let fake: FakeSlack;
let wss: WebSocketServer;
let adapter: SlackAdapter;
let socket: WebSocket;
const acks = new Map<string, unknown>();
const ackWaiters = new Map<string, () => void>();
let envelopes = 0;
let urls = 0;
let publisher: Publisher;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'exchange-sp-socket-'));
  store = createSqliteStore({ file: path.join(dir, 'socket.sqlite') });
  await store.migrate();
  fake = await startFakeSlack();
  fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US' });
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  fake.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=${TICKET}`;
  const connected = new Promise<WebSocket>((resolve) =>
    wss.once('connection', (ws) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        acks.set(message.envelope_id, message.payload);
        ackWaiters.get(message.envelope_id)?.();
      });
      // What Slack says first on every new connection.
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'local' }, connection_info: { app_id: 'A1' } }));
      resolve(ws);
    }),
  );
  const config = { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, appToken: APP_TOKEN, apiUrl: fake.apiUrl };
  const bot = createBot({ store, logger: silentLogger });
  adapter = createSlackAdapter({
    bot,
    settings: store,
    logger: createLogger('debug', (line) => logLines.push(line)),
    config,
    tuning: { localeTimeoutMs: 3000, retryPolicy: { attempts: 3, baseDelayMs: 20, maxRetryAfterMs: 1000, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) } },
  });
  publisher = startTestPublisher(store, [createSlackDeliveryAdapter({ config, settings: store, logger: silentLogger, limits: ROOMY_LIMITS })], { bot });
  await adapter.start();
  socket = await connected;
});

afterAll(async () => {
  const closed = [...wss.clients].map((client) => new Promise((resolve) => client.once('close', resolve)));
  await adapter.stop();
  await publisher.stop();
  // Let the client's close handshake finish, as Slack would; cutting it short leaves
  // the client waiting 30 s for an answer that never comes.
  await Promise.all(closed);
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await fake.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends an envelope as Slack would and waits for the app's ack of it. */
async function deliver(type: 'slash_commands' | 'interactive', payload: unknown): Promise<unknown> {
  const id = `env-${++envelopes}`;
  const acked = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`envelope ${id} not acknowledged`)), 3000);
    ackWaiters.set(id, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type === 'slash_commands', retry_attempt: 0, retry_reason: '' }));
  await acked;
  await adapter.settled();
  await publisher.idle();
  return acks.get(id);
}

const formToObject = (form: string) => Object.fromEntries(new URLSearchParams(form));
const slash = (text: string) => deliver('slash_commands', formToObject(slashCommandBody(text, fake.responseUrl(`s${++urls}`))));
const click = (options: Omit<ClickOptions, 'responseUrl'>) =>
  deliver('interactive', JSON.parse(new URLSearchParams(blockActionsBody({ responseUrl: fake.responseUrl(`c${++urls}`), ...options })).get('payload') ?? '{}'));

const lastPrivate = (): Msg => fake.calls('response_url').at(-1)?.body as unknown as Msg;
const planPosts = (): FakeCall[] => fake.calls('chat.postMessage').filter((c) => c.body.thread_ts === undefined);
const threadNotes = (): string[] => fake.calls('chat.postMessage').filter((c) => c.body.thread_ts !== undefined).map((c) => String(c.body.text));
const buttonsOf = (blocks: Blk[] = []): Btn[] => blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);

describe('Slack over Socket Mode', () => {
  it('opens the connection with the app-level token through apps.connections.open', () => {
    const opens = fake.calls('apps.connections.open');
    expect(opens.length).toBe(1);
    expect(opens[0].authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('acknowledges a slash command and answers privately with the first question', async () => {
    await slash('');
    expect(lastPrivate()).toMatchObject({ response_type: 'ephemeral' });
    expect(lastPrivate().text).toMatch(/Exchange/);
  });

  it('runs the interview to a posted plan, and a confirmation shows on the card and in the thread', async () => {
    await slash('2000 standard not clustered service pack no adc no terminal services');
    for (let turn = 0; turn < 10 && planPosts().length === 0; turn++) {
      const next = buttonsOf(lastPrivate().blocks).find((b) => b.style === 'primary');
      expect(next).toBeDefined();
      await click({ value: next?.value, actionId: next?.action_id, ephemeral: true });
    }
    expect(planPosts()).toHaveLength(1);
    const [rollout] = await store.listRollouts(scope);
    const confirm = buttonsOf((planPosts()[0].body as unknown as Msg).blocks).find((b) => {
      const parsed = parseButtonValue(b.value)?.payload;
      return parsed?.k === 'step' && parsed.v === 'confirm';
    });
    expect(confirm).toBeDefined();
    await click({ value: confirm?.value, actionId: confirm?.action_id, user: 'U1', messageTs: rollout.messages[0].id });
    const events = (await store.getRollout(scope, rollout.id))?.events ?? [];
    expect(events.map((e) => [e.type, e.actor.name])).toEqual([['created', 'Alice Admin'], ['confirmed', 'Alice Admin']]);
    const update = fake.calls('chat.update').at(-1)?.body as unknown as Msg;
    expect(JSON.stringify(update.blocks)).toMatch(/:white_check_mark:[^"]*\*1\.[\s\S]*Alice Admin/);
    expect(threadNotes()).toEqual([expect.stringContaining('Alice Admin')]);
  });

  it('acknowledges an envelope it cannot read and changes nothing', async () => {
    const calls = fake.calls().length;
    const [rollout] = await store.listRollouts(scope);
    const before = (await store.getRollout(scope, rollout.id))?.events.length;
    await deliver('interactive', { type: 'block_actions', actions: 'not-a-list', user: null });
    expect((await store.getRollout(scope, rollout.id))?.events.length).toBe(before);
    expect(fake.calls().slice(calls).map((c) => c.method)).toEqual([]);
    // The connection is still good: the next command is answered (help alone begins no interview).
    const answers = fake.calls('response_url').length;
    await slash('help');
    const replies = fake.calls('response_url').slice(answers).map((c) => String(c.body.text));
    expect(replies).toEqual([expect.stringMatching(/^Help/)]);
  });

  it('logs the envelopes at debug without the app token, the ticket, the verification token or a response_url', () => {
    expect(logLines.some((l) => l.includes('DEBUG') && l.includes('Received a message on the WebSocket'))).toBe(true);
    const secrets = [APP_TOKEN, TICKET, 'xoxb-test-token', 'legacy-verification-token', SIGNING_SECRET, ...fake.calls('response_url').map((c) => c.path)];
    const leaks = logLines.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => `${secret} in: ${line}`));
    expect(leaks).toEqual([]);
  });
});
