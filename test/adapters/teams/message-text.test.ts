/**
 * The words of a Teams message (adapters/teams/message-text.ts): mentions, markup and
 * entities, read in one pass. The work is counted, not timed
 * (test/support/counting-text.ts): a 20 kB message of hostile markup costs a few
 * operations per character, so it cannot hold the event loop.
 */
import { plainTextOf } from '../../../adapters/teams/message-text';
import { countingText, hostileTexts } from '../../support/counting-text';

/** As many mention tags as an activity may carry (activitySchema: 100 entities). */
const TAGS = new Map(Array.from({ length: 100 }, (_, i) => [`<at>P${i}</at>`, `@Person ${i}`] as const));

const SMALL = 10_000;
const LARGE = 40_000;

function workOf(text: string): number {
  const counted = countingText(text);
  plainTextOf(counted.text, TAGS);
  return counted.work();
}

describe.each(Object.keys(hostileTexts(SMALL)))('reading %s', (name) => {
  test('costs a few operations per character, 10k and 40k alike', () => {
    const small = workOf(hostileTexts(SMALL)[name]);
    const large = workOf(hostileTexts(LARGE)[name]);
    expect(small).toBeLessThanOrEqual(6 * SMALL);
    expect(large).toBeLessThanOrEqual(6 * LARGE);
    expect(large).toBeLessThanOrEqual(small * 4 * 1.25);
  });
});

test.each<[string, string]>([
  ['<at>Exchange SP</at> operators <at>P1</at> and <at>P2</at>', 'operators @Person 1 and @Person 2'],
  ['<p>2000 <b>standard</b></p><br/>sp', '2000 standard sp'],
  ['<at>Unknown</at> help', 'Unknown help'],
  ['a &lt;b&gt; &amp; c&nbsp;d &#39;e&#39; &quot;f&quot; &apos;g&apos; &copy; &amp', 'a <b> & c d \'e\' "f" \'g\' &copy; &amp'],
  ['a < b > c, <3 and <<a>>', 'a < b > c, <3 and < >'],
  ['  many   \n spaces\t', 'many spaces'],
  ['<AT>P1</AT> upper-case tags', '@Person 1 upper-case tags'],
])('%j reads as %j', (text, expected) => {
  const tags = new Map([...TAGS, ['<at>Exchange SP</at>', ' '], ['<AT>P1</AT>', '@Person 1']]);
  expect(plainTextOf(text, tags)).toBe(expected);
});
