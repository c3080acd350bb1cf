/** Teams activity -> the core's Inbound and MessageInput. */
import { activitySchema, inboundOf, isAddressedToBot, messageInputOf } from '../../../adapters/teams/activity';
import { ALICE, BOB, CHANNEL, messageActivity, TENANT } from '../../kit/teams-activities';

const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const parse = (raw: unknown) => activitySchema.parse(raw);

it('scopes a channel message to the tenant and the channel, whichever thread it is in', () => {
  const inThread = parse(messageActivity({ ...where, conversationId: `${CHANNEL};messageid=1711000000099` }, 'status'));
  expect(inboundOf(inThread)).toEqual({
    scope: { platform: 'teams', workspace: TENANT, channel: CHANNEL },
    user: { id: ALICE.aadObjectId, name: ALICE.name },
    locale: 'en',
    // Everyone in the channel sees the bot's messages: replies for Alice alone go elsewhere.
    conversation: 'shared',
    place: 'channel',
  });
});

it('tells a personal chat, a channel, a group chat and an emulator without a type apart', () => {
  const kind = (at: Parameters<typeof messageActivity>[0]) => inboundOf(parse(messageActivity(at, 'help'))).conversation;
  expect(kind({ ...where, conversationType: 'personal', conversationId: 'a:1x' })).toBe('personal');
  expect(kind({ ...where, conversationType: 'channel', conversationId: `${CHANNEL};messageid=1` })).toBe('shared');
  expect(kind({ ...where, conversationType: 'groupChat', conversationId: '19:group@thread.v2' })).toBe('shared');
  const untyped = messageActivity(where, 'help') as { conversation: Record<string, unknown> };
  delete untyped.conversation.conversationType;
  expect(inboundOf(parse(untyped)).conversation).toBeUndefined();
});

it.each([
  ['personal', 'personal'],
  ['groupChat', 'group'],
  ['channel', 'channel'],
] as const)('a %s conversation is a %s place (the words of its cards say so)', (conversationType, place) => {
  const raw = messageActivity({ ...where, conversationType, conversationId: 'a:1x' }, 'status');
  expect(inboundOf(parse(raw)).place).toBe(place);
});

it('takes the tenant from conversation.tenantId when channelData has none, and Dutch from nl-*', () => {
  const raw = messageActivity({ ...where, conversationType: 'personal', conversationId: 'a:1x', locale: 'nl-BE' }, 'hallo');
  delete (raw.channelData as Record<string, unknown>).tenant;
  const inbound = inboundOf(parse(raw));
  expect(inbound.scope.workspace).toBe(TENANT);
  expect(inbound.locale).toBe('nl');
});

it('strips the bot mention and lists the other people mentioned', () => {
  const activity = parse(messageActivity(where, 'operators', { mentions: [BOB] }));
  expect(messageInputOf(activity)).toEqual({
    text: `operators @${BOB.name}`,
    mentions: [{ id: BOB.id, name: BOB.name }],
    isCommand: false,
  });
  const resolved = new Map([[BOB.id, { id: BOB.aadObjectId, name: BOB.name }]]);
  expect(messageInputOf(activity, resolved).mentions).toEqual([{ id: BOB.aadObjectId, name: BOB.name }]);
});

it('writes each mention into the text under the name the core gets, so it is never read as a typed word', () => {
  const anyone = { ...BOB, name: 'anyone' };
  const activity = parse(messageActivity(where, 'operators', { mentions: [anyone] }));
  // The directory knows the person as "Bob de Vries"; the tag said "anyone".
  const resolved = new Map([[BOB.id, { id: BOB.aadObjectId, name: 'Bob de Vries' }]]);
  expect(messageInputOf(activity, resolved)).toEqual({
    text: 'operators @Bob de Vries',
    mentions: [{ id: BOB.aadObjectId, name: 'Bob de Vries' }],
    isCommand: false,
  });
});

it('marks "exchange-sp ..." as a command and decodes HTML entities Teams adds', () => {
  const activity = parse(messageActivity(where, 'exchange-sp 2000&nbsp;cluster &amp; more'));
  expect(messageInputOf(activity)).toEqual({ text: 'exchange-sp 2000 cluster & more', isCommand: true });
});

it('answers only messages addressed to it in channels (Teams with RSC delivers all)', () => {
  const mentioned = parse(messageActivity(where, 'help'));
  const notMentioned = parse({ ...messageActivity(where, 'help'), entities: [], text: 'help' });
  const personal = parse(messageActivity({ ...where, conversationType: 'personal', conversationId: 'a:1x' }, 'help'));
  expect([isAddressedToBot(mentioned), isAddressedToBot(notMentioned), isAddressedToBot(personal)]).toEqual([true, false, true]);
});

it('refuses activities without the fields every Teams activity has', () => {
  expect(activitySchema.safeParse({ type: 'message' }).success).toBe(false);
  expect(activitySchema.safeParse({ ...messageActivity(where, 'x'), serviceUrl: 'javascript:alert(1)' }).success).toBe(false);
});
