/**
 * The language of a new interview, through the core on a real SQLite file: the
 * platform's language is only a guess, so Dutch words typed at the start give a
 * Dutch interview; a language the person chose (the language button, "english")
 * stays whatever they type.
 */
import type { Bot, Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import type { Store } from '../../../src/store/store';
import { useBot } from '../../support/bot-suite';

const teamsUser: Inbound = { scope: { platform: 'teams', workspace: 'tenant-1', channel: '19:ops' }, user: { id: 'aad-ann', name: 'Ann' }, locale: 'en' };
const slackUser: Inbound = { scope: { platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS' }, user: { id: 'U-PIM', name: 'Pim' } };

/** The replies as the console shows them, lower-cased (the text rendering capitalises questions). */
const textOf = (replies: Reply[]) => replies.map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type)).join('\n').toLowerCase();

describe('the language of a new interview', () => {
  let store: Store;
  let bot: Bot;
  useBot('exsp-locale-', (s) => {
    ({ store, bot } = s);
  }, { now: () => new Date('2026-11-24T09:00:00Z') });

  it('Dutch words at the start give a Dutch interview, whatever the platform guessed', async () => {
    const teams = textOf(await bot.handleMessage(teamsUser, { text: '2000 standard niet geclusterd servicepack' }));
    expect(teams).toContain('begrepen: exchange 2000, standard edition');
    expect(teams).toContain('is de active directory connector (adc) geïnstalleerd?');
    const slack = textOf(await bot.handleMessage(slackUser, { text: '2000 standaard niet geclusterd', isCommand: true }));
    expect(slack).toContain('wat rolt u uit: een servicepack of een hotfix?');
  });

  it('a language the person chose stays', async () => {
    await bot.handleMessage(teamsUser, { text: '2000' });
    await bot.handleAction(teamsUser, { payload: { k: 'lang', l: 'en' }, actionKey: 'lang-1' });
    await bot.handleMessage(teamsUser, { text: 'cancel' });
    const again = textOf(await bot.handleMessage(teamsUser, { text: '2000 standard niet geclusterd servicepack' }));
    expect(again).toContain('understood: exchange 2000, standard edition');
    expect(again).not.toContain('begrepen');
  });
});
