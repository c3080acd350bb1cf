/**
 * The Dutch interview speaks one way: "u" throughout, one word per concept
 * ("knooppunt", "Opzet", "servicepack", "informatiearchief", "uitrollen"), so the
 * other Dutch string files can follow the same terms.
 */
import { interviewNl } from '../../../conversations/strings/interview.nl';

const texts = Object.entries(interviewNl);

test.each<[string, RegExp]>([
  ['the informal "je", "jij", "jouw" or "jullie"', /\b(je|jij|jou|jouw|jullie)\b/i],
  ['"node" (the term is "knooppunt")', /\bnodes?\b/i],
  ['"topologie" (the term is "Opzet")', /topologie/i],
  ['"service pack" in two words (the term is "servicepack")', /service ?pack-/i],
  ['"service pack" in two words', /service pack/i],
  ['"store" for the information store (the term is "informatiearchief")', /\bstore\b/i],
  ['"installeert u" for rolling out the change (the term is "uitrollen")', /installeert u/i],
])('no interview text uses %s', (_what, pattern) => {
  expect(texts.filter(([, text]) => pattern.test(text)).map(([key]) => key)).toEqual([]);
});

test('the interview header says servicepack, and the change question says uitrollen', () => {
  expect(interviewNl['interview.title']).toContain('servicepack');
  expect(interviewNl['interview.q.change']).toMatch(/rolt u .*uit/);
  expect(interviewNl['interview.label.topology']).toBe('Opzet');
});
