/**
 * The interview's text path is linear: the word scanner reads each character a
 * bounded number of times (counted, not timed: test/support/counting-text.ts), and a
 * text over MAX_INTERVIEW_TEXT is not read at all.
 */
import { parseText, tokenize } from '../../../conversations/interview/parse';
import { MAX_INTERVIEW_TEXT, scanWords } from '../../../conversations/interview/scan';
import { countingText, hostileTexts } from '../../support/counting-text';

const SMALL = 10_000;
const LARGE = 40_000;

function workOf(text: string): number {
  const counted = countingText(text);
  scanWords(counted.text);
  return counted.work();
}

describe.each(Object.keys(hostileTexts(SMALL)))('scanning %s', (name) => {
  test('costs a few operations per character, 10k and 40k alike', () => {
    const small = workOf(hostileTexts(SMALL)[name]);
    const large = workOf(hostileTexts(LARGE)[name]);
    expect(small).toBeLessThanOrEqual(4 * SMALL);
    expect(large).toBeLessThanOrEqual(4 * LARGE);
    // Four times the text, about four times the work (a quadratic scan would be sixteen).
    expect(large).toBeLessThanOrEqual(small * 4 * 1.25);
  });
});

test('the scanner gives the same words as before for ordinary text', () => {
  expect(tokenize('Exchange 5.5, SBS. Local.map!')).toEqual(['Exchange', '5.5', 'SBS', 'Local.map']);
  expect(tokenize('exchange 5,5 ; active / passive "EXCH1". (EXCH2) ?')).toEqual(['exchange', '5.5', 'active/passive', 'EXCH1', 'EXCH2', '?']);
  expect(scanWords('foo!! a\u00a0/\u2003b 1,x')).toEqual([
    { word: 'foo', raw: 'foo!!' },
    { word: 'a/b', raw: 'a/b' },
    { word: '1', raw: '1' },
    { word: 'x', raw: 'x' },
  ]);
});

test('a text over the limit is not read at all, whatever it holds', () => {
  for (const text of Object.values(hostileTexts(20_000))) {
    const counted = countingText(text);
    const parsed = parseText(counted.text);
    expect(parsed.tooLong).toEqual({ length: 20_000, max: MAX_INTERVIEW_TEXT });
    expect(parsed.answers).toEqual({});
    expect(counted.work()).toBe(0);
  }
});

test('hostile text at the limit parses into words and answers as usual', () => {
  for (const text of Object.values(hostileTexts(MAX_INTERVIEW_TEXT - 10))) {
    const parsed = parseText(`2000 ${text}`);
    expect(parsed.tooLong).toBeUndefined();
  }
  expect(parseText(`${' '.repeat(MAX_INTERVIEW_TEXT - 5)}2000`).answers).toEqual({ version: '2000' });
});
