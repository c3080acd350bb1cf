/**
 * The interview speaks of where the plan will go in the words of that place: a
 * channel, a group chat, a personal chat with the bot, or the console ("here"), in
 * English and Dutch; the place is kept with the interview's state.
 */
import type { Locale, Place } from '../../../conversations/types';
import { stepDialog } from '../../../src/interview/engine';
import { CTX, flattenCard } from './flatten';

const WORDS: Record<Locale, Record<Place, { post: string; anyone: string }>> = {
  en: {
    channel: { post: 'Post the plan in this channel (type post or yes)', anyone: 'Operators: anyone in this channel' },
    group: { post: 'Post the plan in this group chat (type post or yes)', anyone: 'Operators: anyone in this group chat' },
    personal: { post: 'Post the plan in this chat (type post or yes)', anyone: 'Operators: anyone in this chat' },
    here: { post: 'Post the plan here (type post or yes)', anyone: 'Operators: anyone here' },
  },
  nl: {
    channel: { post: 'Plaats het plan in dit kanaal (typ plaatsen of ja)', anyone: 'Uitvoerders: iedereen in dit kanaal' },
    group: { post: 'Plaats het plan in deze groepschat (typ plaatsen of ja)', anyone: 'Uitvoerders: iedereen in deze groepschat' },
    personal: { post: 'Plaats het plan in deze chat (typ plaatsen of ja)', anyone: 'Uitvoerders: iedereen in deze chat' },
    here: { post: 'Plaats het plan hier (typ plaatsen of ja)', anyone: 'Uitvoerders: iedereen hier' },
  },
};

describe.each(['en', 'nl'] as const)('in %s', (locale) => {
  it.each(['channel', 'group', 'personal', 'here'] as const)('the summary in a %s says where the plan goes', (place) => {
    const answers = locale === 'en' ? '2000 standard sp no adc no ts' : '2000 standaard servicepack geen adc geen ts';
    const result = stepDialog(undefined, { type: 'start', text: answers }, { ...CTX(locale), place });
    expect(result.state?.place).toBe(place);
    const [output] = result.outputs;
    const text = output.type === 'post-plan' ? '' : flattenCard(output.card);
    expect(text).toContain(WORDS[locale][place].post);
    expect(text).toContain(WORDS[locale][place].anyone);
    expect(text).not.toMatch(/\{\w+\}/);
  });
});

it('an interview carried to another place takes that place\'s words', () => {
  const first = stepDialog(undefined, { type: 'start', text: '2000 standard sp no adc' }, { ...CTX('en'), place: 'personal' });
  const next = stepDialog(first.state, { type: 'text', text: 'no' }, { ...CTX('en'), place: 'channel' });
  expect(next.state?.place).toBe('channel');
  const [output] = next.outputs;
  expect(output.type !== 'post-plan' && flattenCard(output.card)).toContain('Post the plan in this channel');
});
