/**
 * Outgoing activities are ones the Bot Connector accepts. In the M365 Agents
 * Playground every message the bot sent was refused with 400 BadArgument because its
 * envelope said `conversationType: ''`; the fake connector now refuses it the same way.
 */
import { conversationOf, cardActivity, textActivity, conversationOfRef, planMessageRef } from '../../../adapters/teams/conversation';
import { activitySchema } from '../../../adapters/teams/activity';
import { messageActivity, CHANNEL, TENANT } from '../../kit/teams-activities';
import { checkOutgoingActivity } from '../../kit/connector-rules';
import { startFakeConnector, type FakeConnector } from '../../kit/fake-connector';

let connector: FakeConnector;
beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(() => connector.close());

const send = (conversationId: string, body: unknown) =>
  fetch(`${connector.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const oldEnvelope = {
  type: 'message',
  channelId: 'msteams',
  from: { id: '28:bot', name: 'Exchange SP' },
  conversation: { id: CHANNEL, isGroup: false, conversationType: '', name: '', tenantId: TENANT },
  text: 'hello',
};

it('refuses the envelope the bot used to send, with the service answer', async () => {
  const res = await send(CHANNEL, oldEnvelope);
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: { code: 'BadArgument', message: 'Invalid input' } });
  expect(connector.calls).toHaveLength(0);
  expect(connector.refused).toHaveLength(1);
});

it('accepts the same activity without a conversation type', async () => {
  const { conversationType: _dropped, ...conversation } = oldEnvelope.conversation;
  const res = await send(CHANNEL, { ...oldEnvelope, conversation });
  expect(res.status).toBe(201);
  expect(connector.calls).toHaveLength(1);
});

it.each([
  ['an unknown activity type', { ...oldEnvelope, conversation: { id: CHANNEL }, type: 'note' }, 400],
  ['an unknown attachment type', { ...oldEnvelope, conversation: { id: CHANNEL }, attachments: [{ contentType: 'application/x-card', content: {} }] }, 400],
  ['an Adaptive Card newer than Teams renders', { ...oldEnvelope, conversation: { id: CHANNEL }, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.6', body: [] } }] }, 400],
  ['a message with nothing in it', { type: 'message', conversation: { id: CHANNEL } }, 400],
  ['a message over 100 KB', { ...oldEnvelope, conversation: { id: CHANNEL }, text: 'x'.repeat(60_000) }, 413],
])('refuses %s like the service', (_what, body, status) => {
  expect(checkOutgoingActivity(JSON.stringify(body))?.status).toBe(status);
});

describe('the bot describes each conversation as Teams described it', () => {
  const where = { serviceUrl: 'http://127.0.0.1:1/' };
  const parse = (raw: unknown) => activitySchema.parse(raw);

  it.each([
    ['a channel thread', { ...where, conversationId: `${CHANNEL};messageid=1` }, 'channel', true],
    ['a personal chat', { ...where, conversationType: 'personal' as const, conversationId: 'a:1x' }, 'personal', false],
    ['a group chat', { ...where, conversationType: 'groupChat' as const, conversationId: '19:group@thread.v2' }, 'groupChat', true],
  ])('%s', (_what, at, type, isGroup) => {
    const here = conversationOf(parse(messageActivity(at, 'help')), TENANT);
    for (const activity of [textActivity(here, 'hi'), cardActivity(here, { type: 'AdaptiveCard', $schema: 'x', version: '1.5', body: [] })]) {
      expect(activity.conversation).toEqual({ id: at.conversationId, conversationType: type, isGroup, tenantId: TENANT });
      expect(activity.channelData).toEqual({ tenant: { id: TENANT } });
      expect(checkOutgoingActivity(JSON.stringify(activity))).toBeUndefined();
    }
  });

  it('leaves out what Teams did not say (an emulator without a type, a reference stored before types were kept)', () => {
    const raw = messageActivity({ ...where, conversationId: 'c-1' }, 'help') as { conversation: Record<string, unknown> };
    delete raw.conversation.conversationType;
    delete raw.conversation.isGroup;
    const here = conversationOf(parse({ ...raw, conversation: { ...raw.conversation, conversationType: '' } }));
    expect(textActivity(here, 'hi').conversation).toEqual({ id: 'c-1' });
    const stored = conversationOfRef({ id: 'm1', meta: { teams: { serviceUrl: where.serviceUrl, channelId: 'msteams', conversationId: 'c-2', bot: { id: '28:bot' } } } });
    expect(stored && textActivity(stored, 'hi').conversation).toEqual({ id: 'c-2' });
    // A reference written now keeps the type for later updates.
    const now = conversationOf(parse(messageActivity({ ...where, conversationId: 'c-3' }, 'help')));
    expect(conversationOfRef(planMessageRef('m2', now))?.conversationType).toBe('channel');
  });
});
