/** Looking up a message's mentions: capped, a few at a time, within one budget. */
import { lookUpWithin, MAX_MENTIONS_RESOLVED, MENTION_LOOKUP_CONCURRENCY } from '../../../src/runtime/mention-lookup';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `U${i}`);

it('looks up at most the cap, never more than the bound at once, and keeps every answer', async () => {
  let open = 0;
  let peak = 0;
  const started: string[] = [];
  const found = await lookUpWithin(keys(640), async (key) => {
    started.push(key);
    peak = Math.max(peak, ++open);
    await new Promise((resolve) => setImmediate(resolve));
    open--;
    return key.toLowerCase();
  });
  expect(started).toEqual(keys(MAX_MENTIONS_RESOLVED));
  expect(peak).toBe(MENTION_LOOKUP_CONCURRENCY);
  expect(found.size).toBe(MAX_MENTIONS_RESOLVED);
  expect(found.get('U7')).toBe('u7');
});

it('leaves out a look-up that fails, and goes on with the others', async () => {
  const found = await lookUpWithin(keys(5), async (key) => {
    if (key === 'U2') throw new Error('user_not_found');
    return key;
  });
  expect([...found.keys()].sort()).toEqual(['U0', 'U1', 'U3', 'U4']);
});

it('answers when the budget runs out, with what came back, and starts nothing after', async () => {
  const started: string[] = [];
  const never = new Promise<string>(() => undefined);
  const found = await lookUpWithin(
    keys(20),
    (key) => {
      started.push(key);
      return key === 'U0' ? Promise.resolve('quick') : never;
    },
    { max: 50, concurrency: 2, budgetMs: 30 },
  );
  expect(found).toEqual(new Map([['U0', 'quick']]));
  // U0 answered and its worker took U2; both other workers hang: three started, no more.
  expect(started).toEqual(['U0', 'U1', 'U2']);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(started).toHaveLength(3);
});

it('an empty list costs nothing', async () => {
  expect((await lookUpWithin([], async () => 'x')).size).toBe(0);
});
