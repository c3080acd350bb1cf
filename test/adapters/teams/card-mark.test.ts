/**
 * An interview card sent to one person names them on every Action.Execute, so a
 * teammate who clicks it can be told whose it is. The mark is read back with the
 * click, untrusted: a mark that does not parse is ignored, never a reason to act.
 */
import { markedFor, parseExecuteData } from '../../../adapters/teams/action-data';
import { renderCardForTeams } from '../../../adapters/teams/render';
import { interviewCards } from './fixtures';
import { executeActions } from './helpers/validate-card';

const alice = { id: 'aad-alice', name: 'Alice Jansen' };

it('marks every button of a card, show-card forms included, and leaves the card it was given alone', () => {
  let buttons = 0;
  for (const card of Object.values(interviewCards('en')).flatMap((card) => renderCardForTeams(card))) {
    const before = JSON.stringify(card);
    const marked = markedFor(card, alice);
    expect(JSON.stringify(card)).toBe(before);
    for (const action of executeActions(marked)) {
      const clicked = parseExecuteData(action.data);
      expect(clicked?.cardFor).toEqual(alice);
      buttons++;
    }
  }
  expect(buttons).toBeGreaterThan(10);
});

it('reads a click without a mark, or with one that does not parse, as unmarked', () => {
  const payload = { k: 'dialog', c: 'help' };
  expect(parseExecuteData({ xsp: payload })).toEqual({ payload });
  expect(parseExecuteData({ xsp: payload, xspFor: { id: '', name: 'x' } })).toEqual({ payload });
  expect(parseExecuteData({ xsp: payload, xspFor: 'aad-alice' })).toEqual({ payload });
  expect(parseExecuteData({ xsp: payload, xspFor: { id: 'x'.repeat(600), name: 'x' } })).toEqual({ payload });
});
