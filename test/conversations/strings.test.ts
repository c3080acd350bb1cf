/**
 * Every string area (conversations/strings/<area>.en.ts + .nl.ts): the Dutch text must
 * use exactly the placeholders of the English one, or `t` would leave a `{name}`
 * visible in one language. Also guards the merge in strings/index.ts, where a key
 * defined in two areas would silently overwrite the other.
 */
import { cardEn } from '../../conversations/strings/card.en';
import { cardNl } from '../../conversations/strings/card.nl';
import { en, nl } from '../../conversations/strings';
import { interviewEn } from '../../conversations/strings/interview.en';
import { interviewNl } from '../../conversations/strings/interview.nl';
import { planEn } from '../../conversations/strings/plan.en';
import { planNl } from '../../conversations/strings/plan.nl';
import { rolloutEn } from '../../conversations/strings/rollout.en';
import { rolloutNl } from '../../conversations/strings/rollout.nl';
import { consoleEn } from '../../conversations/strings/console.en';
import { consoleNl } from '../../conversations/strings/console.nl';
import { reachEn } from '../../conversations/strings/reach.en';
import { reachNl } from '../../conversations/strings/reach.nl';
import { campaignEn } from '../../conversations/strings/campaign.en';
import { campaignNl } from '../../conversations/strings/campaign.nl';
import { campaignCloseEn } from '../../conversations/strings/campaign-close.en';
import { campaignCloseNl } from '../../conversations/strings/campaign-close.nl';
import { liveEn } from '../../conversations/strings/live.en';
import { liveNl } from '../../conversations/strings/live.nl';

const AREAS: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['interview', interviewEn, interviewNl],
  ['plan', planEn, planNl],
  ['rollout', rolloutEn, rolloutNl],
  ['card', cardEn, cardNl],
  ['console', consoleEn, consoleNl],
  ['reach', reachEn, reachNl],
  ['campaign', campaignEn, campaignNl],
  ['campaign-close', campaignCloseEn, campaignCloseNl],
  ['live', liveEn, liveNl],
];

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}

describe.each(AREAS)('the %s strings', (_area, english, dutch) => {
  test('en and nl have the same keys', () => {
    expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
  });

  test('en and nl use identical placeholder sets per key', () => {
    const mismatches = Object.keys(english)
      .map((key) => ({ key, en: placeholders(english[key] ?? ''), nl: placeholders(dutch[key] ?? '') }))
      .filter((row) => row.en.join() !== row.nl.join());
    expect(mismatches).toEqual([]);
  });
});

test('no key is defined in two areas', () => {
  const counts = new Map<string, number>();
  for (const [, english] of AREAS) for (const key of Object.keys(english)) counts.set(key, (counts.get(key) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
});

test('the merged catalogue holds every key of every area in both languages', () => {
  const all = AREAS.flatMap(([, english]) => Object.keys(english));
  expect(Object.keys(en).sort()).toEqual([...all].sort());
  expect(Object.keys(nl).sort()).toEqual([...all].sort());
});
