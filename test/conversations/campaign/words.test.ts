/** The campaign's words, in English and Dutch, and how a list names its servers. */
import { isServerName, parseCampaignCommand, readServerPart, serverList } from '../../../conversations/campaign/words';

test.each([
  ['add another server', { kind: 'add', rest: '' }],
  ['Add another server: EXCH2 5.5 standard', { kind: 'add', rest: 'EXCH2 5.5 standard' }],
  ['nog een server OUD55 5.5', { kind: 'add', rest: 'OUD55 5.5' }],
  ['voeg een server toe', { kind: 'add', rest: '' }],
  ['pilot CLUS1', { kind: 'pilot', server: 'CLUS1' }],
  ['piloot clus1', { kind: 'pilot', server: 'clus1' }],
  ['wave 3 OLD55, EXCH4', { kind: 'wave', wave: 3, servers: ['OLD55', 'EXCH4'] }],
  ['golf 2 OUD55', { kind: 'wave', wave: 2, servers: ['OUD55'] }],
  ['wave two OLD55', { kind: 'wave', servers: ['OLD55'] }],
  ['remove OLD55', { kind: 'remove', server: 'OLD55' }],
  ['verwijder OUD55', { kind: 'remove', server: 'OUD55' }],
  ['change EXCH1', { kind: 'change', server: 'EXCH1' }],
  ['wijzig EXCH1', { kind: 'change', server: 'EXCH1' }],
])('"%s" is a campaign command', (text, expected) => {
  expect(parseCampaignCommand(text)).toEqual(expected);
});

test.each(['2000 enterprise', 'added nothing', 'another servers', 'pilot', 'wave 3', 'yes', 'change version later'])('"%s" is not', (text) => {
  expect(parseCampaignCommand(text)).toBeUndefined();
});

test('a list is parts split by ";"; a part starts with the server\'s name', () => {
  expect(serverList('EXCH1 2000 enterprise not clustered; CLUS1 2000 enterprise active/passive N1 N2; OLD55 5.5 standard')).toEqual([
    'EXCH1 2000 enterprise not clustered',
    'CLUS1 2000 enterprise active/passive N1 N2',
    'OLD55 5.5 standard',
  ]);
  expect(serverList('2000 enterprise')).toBeUndefined();
  expect(readServerPart('CLUS1: 2000 enterprise')).toEqual({ ok: true, name: 'CLUS1', rest: '2000 enterprise' });
  expect(readServerPart('2000 standard')).toMatchObject({ ok: false, problem: { key: 'campaign.refused.name.missing' } });
  expect(readServerPart('EXCH_1 2000')).toMatchObject({ ok: false, problem: { key: 'campaign.refused.name.invalid', params: { name: 'EXCH_1' } } });
  expect(readServerPart('A-VERY-LONG-NAME-16 2000')).toMatchObject({ ok: false, problem: { key: 'campaign.refused.name.invalid' } });
  // Words the interview reads are answers, not names; a name is a NetBIOS name with a letter.
  for (const word of ['enterprise', 'sbs', 'nl', 'yes', 'cancel', '2000', '99']) expect(isServerName(word)).toBe(false);
  for (const word of ['EXCH1', 'OUD55', 'MAIL-01']) expect(isServerName(word)).toBe(true);
});
