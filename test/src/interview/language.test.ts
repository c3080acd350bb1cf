/**
 * Which language the interview speaks: the words typed at the start decide it when
 * the user never chose one (the platform's language or LANG is only a guess); a chosen
 * language stays. And a message too long to read gets a clear answer in that
 * language and changes nothing.
 */
import { MAX_INTERVIEW_TEXT } from '../../../conversations/interview/scan';
import type { Locale } from '../../../conversations/types';
import { stepDialog } from '../../../src/interview/engine';
import type { DialogContext, DialogEvent } from '../../../src/interview/types';
import { CTX, flattenOutputs, play } from './flatten';

const guess = (locale: Locale): DialogContext => ({ ...CTX(locale), localeIsGuess: true });
const startWith = (text: string, ctx: DialogContext) => stepDialog(undefined, { type: 'start', text }, ctx);

describe('the words at the start choose the language when the user has not', () => {
  test.each<[string, Locale, Locale, string]>([
    ['2000 standard niet geclusterd servicepack', 'en', 'nl', 'Begrepen: Exchange 2000, Standard Edition, niet geclusterd (Standard Edition wordt nooit geclusterd), servicepack.'],
    ['exchange 2000 standaard, geen adc', 'en', 'nl', 'Begrepen:'],
    ['2000 enterprise not clustered service pack', 'nl', 'en', 'Understood: Exchange 2000, Enterprise Edition, not clustered, service pack.'],
    // Words both languages use leave the guess as it was.
    ['2000 standard sp', 'nl', 'nl', 'Begrepen: Exchange 2000, Standard Edition'],
    ['2000 standard sp', 'en', 'en', 'Understood: Exchange 2000, Standard Edition'],
  ])('"%s" with the guess %s speaks %s', (text, guessed, expected, phrase) => {
    const r = startWith(text, guess(guessed));
    expect(r.state?.locale).toBe(expected);
    expect(flattenOutputs(r.outputs)).toContain(phrase);
  });

  test('a Teams message without a state starts the same way', () => {
    const r = stepDialog(undefined, { type: 'text', text: '2000 standaard niet geclusterd' }, guess('en'));
    expect(r.state?.locale).toBe('nl');
  });

  test('a language the user chose stays, whatever the words', () => {
    expect(startWith('2000 standard niet geclusterd servicepack', CTX('en')).state?.locale).toBe('en');
    expect(startWith('2000 enterprise not clustered service pack', CTX('nl')).state?.locale).toBe('nl');
  });

  test('"english" typed with Dutch words wins', () => {
    expect(startWith('english 2000 standaard niet geclusterd', guess('nl')).state?.locale).toBe('en');
  });

  test('later messages do not switch the language; only nl / english do', () => {
    const begun = startWith('2000', guess('en')).state;
    const next = stepDialog(begun, { type: 'text', text: 'standaard niet geclusterd' }, guess('en'));
    expect(next.state?.locale).toBe('en');
  });
});

describe('a message longer than the parser reads', () => {
  const long = `2000 standard ${'x'.repeat(MAX_INTERVIEW_TEXT)}`;

  test.each<[Locale, string]>([
    ['en', 'That message is too long for me'],
    ['nl', 'Dat bericht is te lang voor mij'],
  ])('at the start: a clear answer (%s), and no interview is begun', (locale, phrase) => {
    const r = startWith(long, CTX(locale));
    expect(r.state).toBeUndefined();
    expect(flattenOutputs(r.outputs)).toContain(phrase);
    expect(flattenOutputs(r.outputs)).toContain(String(MAX_INTERVIEW_TEXT));
  });

  test('mid-interview: the answers stay and the question is asked again', () => {
    play([
      ['2000', ['Which Exchange product']],
      [long, ['That message is too long for me', `${long.length} characters`, 'Nothing was changed', 'Which Exchange product', '!Standard Edition'], { version: '2000' }],
    ]);
    play([['2000', []], [long, ['Dat bericht is te lang voor mij', 'Welk Exchange-product'], { version: '2000' }]], 'nl');
  });

  test('a typed answer in a name field that long is refused the same way', () => {
    const begun = play([['2000 enterprise a/p', []]]).state;
    const event: DialogEvent = { type: 'answer', question: 'nodeA', value: 'A'.repeat(MAX_INTERVIEW_TEXT + 1) };
    const r = stepDialog(begun, event, CTX());
    expect(r.state?.answers).toEqual(begun?.answers);
    expect(flattenOutputs(r.outputs)).toContain('That message is too long for me');
  });

  test('a message of exactly the limit is read', () => {
    const text = `2000 ${' '.repeat(MAX_INTERVIEW_TEXT - 10)}sbs`;
    expect(text.length).toBeLessThanOrEqual(MAX_INTERVIEW_TEXT);
    expect(startWith(text, CTX()).state?.answers).toEqual({ version: '2000', product: 'sbs', topology: 'single' });
  });
});
