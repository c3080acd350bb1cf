/** The pacer: token buckets per key, within a platform's limits (no clock: times are given). */
import { SLACK_DELIVERY_LIMITS } from '../../../adapters/slack/delivery';
import { TEAMS_DELIVERY_LIMITS } from '../../../adapters/teams/delivery';
import { createPacer } from '../../../src/delivery/pacer';

const slackPosts = SLACK_DELIVERY_LIMITS.postsPerChannel!;
const teams = TEAMS_DELIVERY_LIMITS.postsPerChannel!;
/** The most calls in any window of `ms` starting at one of the calls. */
const most = (times: number[], ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

test('a burst goes at once, then one a second (Slack posts in one channel)', () => {
  const pacer = createPacer();
  const at = [0, 0, 0, 0].map(() => pacer.reserve('slack/T/C:post', slackPosts, 1000));
  expect(at).toEqual([1000, 1000, 2000, 3000]);
  // No second sees more than burst + 1 calls.
  expect(most(at, 1000)).toBeLessThanOrEqual(3);
});

test('keys do not share buckets: another channel, or edits beside posts', () => {
  const pacer = createPacer();
  pacer.reserve('slack/T/C1:post', slackPosts, 0);
  pacer.reserve('slack/T/C1:post', slackPosts, 0);
  expect(pacer.reserve('slack/T/C2:post', slackPosts, 0)).toBe(0);
  expect(pacer.reserve('slack/T/C1:edit', slackPosts, 0)).toBe(0);
});

test('every limit of a key holds: Teams, at most 7 in any second and 60 in any 30 seconds', () => {
  const pacer = createPacer();
  const at = Array.from({ length: 200 }, () => pacer.reserve('teams/t/c:post', teams, 0));
  expect(most(at, 1000)).toBeLessThanOrEqual(7);
  expect(most(at, 30_000)).toBeLessThanOrEqual(60);
  expect(most(at, 30_000)).toBeGreaterThanOrEqual(55);
});

test('fullAt says when the buckets are full again, so a next holder cannot add its burst to ours', () => {
  const pacer = createPacer();
  expect(pacer.fullAt('k', slackPosts, 500)).toBe(500);
  pacer.reserve('k', slackPosts, 1000);
  pacer.reserve('k', slackPosts, 1000);
  expect(pacer.fullAt('k', slackPosts, 1000)).toBe(3000);
  expect(pacer.fullAt('k', slackPosts, 2500)).toBe(3000);
});

test('a Retry-After closes a key until then', () => {
  const pacer = createPacer();
  expect(pacer.openAt('slack/T/C')).toBe(0);
  pacer.closeUntil('slack/T/C', 5000);
  pacer.closeUntil('slack/T/C', 4000);
  expect(pacer.openAt('slack/T/C')).toBe(5000);
});

test('looking at the next slot takes nothing: a channel given back is not pushed further away', () => {
  const pacer = createPacer();
  pacer.reserve('k', slackPosts, 0);
  pacer.reserve('k', slackPosts, 0);
  const next = pacer.nextSlot('k', slackPosts, 0);
  expect(next).toBe(1000);
  for (let i = 0; i < 10; i++) expect(pacer.nextSlot('k', slackPosts, 0)).toBe(next);
  expect(pacer.reserve('k', slackPosts, 0)).toBe(next);
});
