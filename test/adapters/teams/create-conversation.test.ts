/**
 * The fake Bot Connector opens a person's personal chat (POST /v3/conversations) as
 * strictly as the service: the bot, exactly one member, the tenant and isGroup false
 * (or absent) are required, and a body without them gets the service's own 400. One
 * person gets the same chat every time; a person for whom the app is not installed
 * gets the service's 403.
 */
import { TENANT } from '../../kit/teams-activities';
import { startFakeConnector, type FakeConnector } from '../../kit/fake-connector';

let connector: FakeConnector;
beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(() => connector.close());

const open = async (body: unknown) => {
  const res = await fetch(`${connector.serviceUrl}v3/conversations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
};

const good = {
  isGroup: false,
  bot: { id: '28:bot', name: 'Exchange SP' },
  members: [{ id: '29:1alice', name: 'Alice' }],
  tenantId: TENANT,
  channelData: { tenant: { id: TENANT } },
};
const badParameters = { error: { code: 'BadSyntax', message: 'Incorrect conversation creation parameters' } };

it('opens one personal chat per person and answers with its id', async () => {
  const first = await open(good);
  expect(first).toEqual({ status: 201, json: { id: expect.stringMatching(/^a:/) } });
  expect(await open({ ...good, tenantId: undefined })).toEqual(first);
  expect(connector.personalChatOf('29:1alice')).toBe((first.json as { id: string }).id);
  const other = await open({ ...good, members: [{ id: '29:1bob' }] });
  expect(other.json).not.toEqual(first.json);
  expect(connector.refused).toEqual([]);
});

it.each([
  ['no members', { ...good, members: [] }, badParameters],
  ['two members (Teams cannot create group chats)', { ...good, members: [{ id: '29:1a' }, { id: '29:1b' }] }, badParameters],
  ['isGroup true', { ...good, isGroup: true }, badParameters],
  ['no bot', { ...good, bot: undefined }, badParameters],
  ['a member without an id', { ...good, members: [{ name: 'Alice' }] }, badParameters],
  ['two different tenants', { ...good, tenantId: 'another-tenant' }, badParameters],
  ['an initial activity the service would refuse', { ...good, activity: { type: 'message', conversation: { conversationType: '' }, text: 'hi' } }, badParameters],
  ['no tenant', { ...good, tenantId: undefined, channelData: {} }, { error: { code: 'BadSyntax', message: 'Could not parse tenant id' } }],
  ['a body that is not JSON', '{"isGroup": false,', { error: { code: 'BadSyntax', message: 'Invalid JSON' } }],
])('refuses %s with 400 like the service', async (_what, body, answer) => {
  expect(await open(body)).toEqual({ status: 400, json: answer });
  expect(connector.refused).toHaveLength(1);
  expect(connector.personalChatsOpened).toEqual([]);
});

it('answers 403 for a person who does not have the app', async () => {
  connector.notInstalledFor.add('29:1alice');
  expect(await open(good)).toEqual({
    status: 403,
    json: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } },
  });
  expect(connector.personalChatOf('29:1alice')).toBeUndefined();
});
