/**
 * Activities shaped as Teams sends them (scrubbed from real payloads): a message to
 * the bot in a channel thread, in a personal chat, and the adaptiveCard/action invoke
 * of an Action.Execute click. Factories take overrides.
 */
export const APP_ID = '00000000-0000-0000-0000-00000000b07a';
export const BOT = { id: `28:${APP_ID}`, name: 'Exchange SP' };
export const TENANT = '72f988bf-0000-0000-0000-000000000001';
export const CHANNEL = '19:8d7c3a1e0f0b4e2a9c1d@thread.tacv2';
export const ALICE = { id: '29:1alice-mri', name: 'Alice Jansen', aadObjectId: 'aad-alice' };
export const BOB = { id: '29:1bob-mri', name: 'Bob de Vries', aadObjectId: 'aad-bob' };

type Json = Record<string, unknown>;
let counter = 1;
const nextId = () => `1712${String(counter++).padStart(9, '0')}`;

export interface Where {
  serviceUrl: string;
  conversationId?: string;
  conversationType?: 'channel' | 'personal' | 'groupChat';
  tenant?: string;
  locale?: string;
}

function base(where: Where, from: typeof ALICE): Json {
  const tenant = where.tenant ?? TENANT;
  const conversationType = where.conversationType ?? 'channel';
  return {
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: where.locale ?? 'en-US',
    from: { ...from },
    recipient: { ...BOT },
    conversation: {
      conversationType,
      isGroup: conversationType !== 'personal',
      tenantId: tenant,
      id: where.conversationId ?? `${CHANNEL};messageid=1711000000001`,
    },
    channelData:
      conversationType === 'channel'
        ? { teamsChannelId: CHANNEL, teamsTeamId: '19:team@thread.tacv2', channel: { id: CHANNEL }, team: { id: '19:team@thread.tacv2' }, tenant: { id: tenant } }
        : { tenant: { id: tenant } },
  };
}

/** "@Exchange SP <text>" in a channel (or plain text in a personal chat). */
export function messageActivity(where: Where, text: string, options: { from?: typeof ALICE; mentions?: (typeof ALICE)[] } = {}): Json {
  const personal = where.conversationType === 'personal';
  const mentionBot = personal ? [] : [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }];
  const others = (options.mentions ?? []).map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }));
  const othersText = (options.mentions ?? []).map((m) => ` <at>${m.name}</at>`).join('');
  return {
    ...base(where, options.from ?? ALICE),
    type: 'message',
    id: nextId(),
    textFormat: 'plain',
    text: `${personal ? '' : `<at>${BOT.name}</at> `}${text}${othersText}`,
    entities: [...mentionBot, ...others, { type: 'clientInfo', locale: where.locale ?? 'en-US', platform: 'Web' }],
  };
}

/** The invoke Teams sends for an Action.Execute click on the card in message `replyToId`. */
export function invokeActivity(where: Where, data: unknown, options: { from?: typeof ALICE; replyToId?: string; id?: string } = {}): Json {
  return {
    ...base(where, options.from ?? ALICE),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: options.id ?? `f:${nextId()}`,
    replyToId: options.replyToId,
    value: { action: { type: 'Action.Execute', verb: 'step', data }, trigger: 'manual' },
  };
}

/** The invoke Teams sends while someone types in a people picker with Data.Query (dynamic typeahead). */
export function searchActivity(where: Where, value: unknown, options: { from?: typeof ALICE } = {}): Json {
  return { ...base(where, options.from ?? ALICE), type: 'invoke', name: 'application/search', id: `f:${nextId()}`, value };
}
