/**
 * How to plan a rollout is said in the words of the platform the request came from:
 * Slack people type /exchange-sp; Teams people type @ and the bot's name (in a
 * personal chat, just the words), so no Teams text tells them to type /exchange-sp.
 * English and Dutch, through the core on a real SQLite file.
 */
import type { Bot, Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import { ownerNotices } from '../../../src/delivery/notices';
import type { Store } from '../../../src/store/store';
import { useBot } from '../../support/bot-suite';
import { en, nl } from '../../../conversations/strings';
import { rolloutOf, ANSWER_SETS } from '../../adapters/teams/fixtures';
import { DeliveryError } from '../../../src/delivery/types';

const textOf = (replies: Reply[]) => replies.map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type === 'refused' ? r.text : `<${r.type}>`)).join('\n');

const TEAMS_START = {
  en: 'type @ and my name, then exchange-sp (in our personal chat, exchange-sp alone will do)',
  nl: 'typ @ en mijn naam, daarna exchange-sp (in onze persoonlijke chat is exchange-sp genoeg)',
};

let store: Store;
let bot: Bot;
useBot('exsp-words-', (s) => {
  ({ store, bot } = s);
});

describe.each(['en', 'nl'] as const)('in %s', (lang) => {
  const teams: Inbound = { scope: { platform: 'teams', workspace: 'tenant-1', channel: '19:ops' }, user: { id: 'aad-ann', name: 'Ann' }, locale: lang };
  const slack: Inbound = { scope: { platform: 'slack', workspace: 'T1', channel: 'C1' }, user: { id: 'U1', name: 'Ann' }, locale: lang };
  const start = TEAMS_START[lang];

  it('Teams: status with no open rollout, a step command with none to act on, a click on an ended interview', async () => {
    const status = textOf(await bot.handleMessage(teams, { text: 'status' }));
    expect(status).toBe(lang === 'en' ? `There are no open rollouts in this channel. To plan one: ${start}.` : `Er lopen geen uitrollen in dit kanaal. Om er een te plannen: ${start}.`);
    const confirm = textOf(await bot.handleMessage(teams, { text: lang === 'en' ? 'confirm 3' : 'bevestig 3' }));
    expect(confirm).toBe(
      lang === 'en'
        ? `There is no open rollout in this channel to act on. To plan one: ${start}.`
        : `Er loopt in dit kanaal geen uitrol waarin u iets kunt afhandelen. Om er een te plannen: ${start}.`,
    );
    const ended = textOf(await bot.handleAction(teams, { payload: { k: 'dialog', c: 'confirm' }, actionKey: 'k1' }));
    expect(ended).toBe(
      lang === 'en'
        ? `This interview has already ended (the plan was posted, or it expired). To start a new one: ${start}.`
        : `Dit gesprek is al afgelopen (het plan is geplaatst, of het is verlopen). Om opnieuw te beginnen: ${start}.`,
    );
    for (const text of [status, confirm, ended]) expect(text).not.toContain('/exchange-sp');
  });

  it('Slack keeps its own words', async () => {
    const catalog = lang === 'en' ? en : nl;
    const here = lang === 'en' ? 'in this channel' : 'in dit kanaal';
    expect(textOf(await bot.handleMessage(slack, { text: 'status' }))).toBe(catalog['card.status.none'].replace('{where}', here));
    expect(textOf(await bot.handleMessage(slack, { text: lang === 'en' ? 'confirm 3' : 'bevestig 3' }))).toBe(catalog['rollout.command.no-rollout'].replace('{where}', here));
    expect(textOf(await bot.handleAction(slack, { payload: { k: 'dialog', c: 'confirm' }, actionKey: 'k1' }))).toBe(catalog['card.interview.ended']);
  });

  it("the publisher's word to the owner of a plan that could not be posted, per platform", () => {
    const rollout = rolloutOf(ANSWER_SETS['single Exchange 2000 server, service pack'], lang);
    const refused = ownerNotices.notPosted(rollout, new DeliveryError('refused', 'http_403'));
    const failed = ownerNotices.notPosted(rollout, new DeliveryError('unknown', 'http_502'));
    for (const text of [refused, failed]) {
      expect(text).not.toContain('/exchange-sp');
      expect(text).toMatch(lang === 'en' ? /type @ and my name/ : /typ (zo meteen |daar )?@ en mijn naam/i);
    }
    expect(refused).toContain('(http_403)');
    const slackRollout = { ...rollout, scope: { platform: 'slack' as const, workspace: 'T1', channel: 'C1' } };
    expect(ownerNotices.notPosted(slackRollout, new DeliveryError('unknown', 'http_502'))).toContain('/exchange-sp');
  });
});
