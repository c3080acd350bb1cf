/**
 * Who may act, read from "operators ...": only the word "anyone" opens a plan to the
 * channel; anything that names nobody is refused and changes nothing.
 */
import { readOperators, operatorsCommandRest } from '../../../conversations/interview/operators';
import { t } from '../../../conversations/strings';

const owner = { id: 'U-OWN', name: 'Olivia' };
const alice = { id: 'U-A', name: 'Alice' };
const annMarie = { id: 'U-AM', name: 'Ann Marie' };
const calledAnyone = { id: 'U-ANY', name: 'anyone' };

const read = (rest: string, mentions = [] as { id: string; name: string }[]) => {
  const choice = readOperators(rest, mentions, owner);
  return choice.ok ? choice.operators.map((p) => p.id) : t('en', choice.reason, { where: 'in this channel' });
};

test.each<[string, string, { id: string; name: string }[], string[] | RegExp]>([
  ['mentions become the operators', '@Alice @Ann Marie', [alice, annMarie], ['U-A', 'U-AM']],
  ['"and" and commas between names are fine', '@Alice, and @Ann Marie.', [alice, annMarie], ['U-A', 'U-AM']],
  ['the owner among others is left out (they may always act)', '@Olivia @Alice', [owner, alice], ['U-A']],
  ['a person named "anyone" is that person', '@anyone', [calledAnyone], ['U-ANY']],
  ['"anyone" opens the plan', 'anyone', [], []],
  ['"Iedereen" too, in any case', 'Iedereen', [], []],
  ['an unlinked @name is refused', '@bob', [], /could not tell who "@bob" is/],
  ['a plain name is refused', 'carol', [], /"carol"/],
  ['"nobody" is not "anyone"', 'nobody', [], /"nobody"/],
  ['"niemand" is not "iedereen"', 'niemand', [], /"niemand"/],
  ['one unknown name spoils the list (nothing half-applied)', '@Alice carol', [alice], /"carol"/],
  ['only the owner names nobody', '@Olivia', [owner], /As the owner you can always act/],
  ['nothing at all is a usage hint', '', [], /Name the people who may act/],
  ['anyone and names together is ambiguous', 'anyone @Alice', [alice], /not both/],
  ['"@anyone" typed unlinked is not the word', '@anyone', [], /"@anyone"/],
])('%s', (_what, rest, mentions, expected) => {
  const result = read(rest, mentions);
  if (expected instanceof RegExp) expect(result).toEqual(expect.stringMatching(expected));
  else expect(result).toEqual(expected);
});

describe('a list longer than a rollout may have', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `U-${i}`, name: `Person ${i}` }));
  const text = (list: { name: string }[]) => list.map((p) => `@${p.name}`).join(' ');

  it('50 people, the most a rollout may have, are taken', () => {
    expect(read(text(people(50)), people(50))).toHaveLength(50);
  });

  it('more mentions than 50 are refused as too many, in English and Dutch', () => {
    const choice = readOperators(text(people(51)), people(51), owner);
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(t('en', choice.reason)).toBe('That names 51 people, but a rollout can have at most 50 operators. Nothing was changed.');
    expect(t('nl', choice.reason)).toBe('Dat zijn 51 personen, maar een uitrol kan hoogstens 50 uitvoerders hebben. Er is niets gewijzigd.');
  });

  it('mentions the adapter did not look up (past 50) count as people named, not as unknown words', () => {
    // 640 mentions: the first 50 resolved, the rest left as "@handle" words.
    const all = people(640);
    expect(read(text(all), all.slice(0, 50))).toMatch(/names 640 people, but a rollout can have at most 50 operators/);
  });

  it('also when Slack sent them with no space between ("@U01@U02...")', () => {
    const all = people(60);
    expect(read(all.map((p) => `@${p.name}`).join(''), all.slice(0, 50))).toMatch(/names 60 people/);
  });

  it('a few unknown plain words still get the list of names we could not place', () => {
    expect(read(`${text(people(3))} carol`, people(3))).toMatch(/could not tell who "carol" is/);
  });
});

test('the command words, with or without the exchange-sp prefix', () => {
  expect(operatorsCommandRest('operators @a')).toBe('@a');
  expect(operatorsCommandRest('/exchange-sp uitvoerders iedereen')).toBe('iedereen');
  expect(operatorsCommandRest('Operator')).toBe('');
  expect(operatorsCommandRest('status')).toBeUndefined();
});
