/** How typed step commands are read, in English and Dutch; words that are no step verb are not. */
import { parseStepCommand } from '../../../src/bot/step-words';

test.each([
  ['confirm 3', { verb: 'confirm', number: '3', anyway: false }],
  ['/exchange-sp confirm step 3', { verb: 'confirm', number: '3', anyway: false }],
  ['bevestig stap 3', { verb: 'confirm', number: '3', anyway: false }],
  ['skip 4 done last night', { verb: 'skip', number: '4', note: 'done last night', anyway: false }],
  ['overslaan 2 toch back-up liep om 02:00', { verb: 'skip', number: '2', note: 'back-up liep om 02:00', anyway: true }],
  ['skip 2 anyway: ran at 02:00', { verb: 'skip', number: '2', note: 'ran at 02:00', anyway: true }],
  ['skip 2 anywayish', { verb: 'skip', number: '2', note: 'anywayish', anyway: false }],
  ['problem 5 setup stopped\nwith an error', { verb: 'problem', number: '5', note: 'setup stopped\nwith an error', anyway: false }],
  ['ongedaan 3', { verb: 'undo', number: '3', anyway: false }],
  ['UNDO 12', { verb: 'undo', number: '12', anyway: false }],
  ['confirm', { verb: 'confirm', anyway: false }],
  ['confirm abc', { verb: 'confirm', anyway: false }],
  ['confirm 3abc', { verb: 'confirm', anyway: false }],
])('%j', (text, expected) => {
  expect(parseStepCommand(text)).toEqual(expected);
});

test.each(['constructor 3', 'toString 1', '__proto__ 2', 'hasOwnProperty', 'status', '2000 standard sp', 'confirmed 3', ''])(
  '%j is no step command',
  (text) => {
    expect(parseStepCommand(text)).toBeUndefined();
  },
);

test.each(['constructor', '__proto__ x', 'toString'])('%j is no channel command either', async (text) => {
  const { parseChannelCommand } = await import('../../../src/bot/words');
  expect(parseChannelCommand(text)).toBeUndefined();
});
