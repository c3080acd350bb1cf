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
  return choice.ok ? choice.operators.map((p) => p.id) : t('en', choice.reason);
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

test('the command words, with or without the exchange-sp prefix', () => {
  expect(operatorsCommandRest('operators @a')).toBe('@a');
  expect(operatorsCommandRest('/exchange-sp uitvoerders iedereen')).toBe('iedereen');
  expect(operatorsCommandRest('Operator')).toBe('');
  expect(operatorsCommandRest('status')).toBeUndefined();
});
