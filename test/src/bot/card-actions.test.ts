/**
 * What the plan card offers besides the step buttons, in the core, on a real SQLite
 * file: "Who may act" picked with the platform's people picker (owner only, the
 * typed command's rules: never wider than "anyone" says), a step's full text for its
 * clicker, and a plan that keeps the place it was posted in.
 */
import type { Bot, Inbound, Reply } from '../../../src/bot/types';
import type { CardBlock, PeopleBlock } from '../../../src/cards/model';
import { renderCardAsText } from '../../../src/cards/text';
import { deriveRolloutState } from '../../../src/rollout/status';
import type { Store } from '../../../src/store/store';
import { useBot } from '../../support/bot-suite';

const scope = { platform: 'slack' as const, workspace: 'T-ACME', channel: 'C-OPS' };
const alice: Inbound = { scope, user: { id: 'U-ALICE', name: 'Alice' } };
const bob: Inbound = { scope, user: { id: 'U-BOB', name: 'Bob' } };
const carol = { id: 'U-CAROL', name: 'Carol' };

const textOf = (replies: Reply[]) =>
  replies.map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type === 'refused' ? r.text : `<${r.type}>`)).join('\n');

describe('the plan card in the core', () => {
  let store: Store;
  let bot: Bot;
  let keys = 0;
  useBot('exsp-card-actions-', (s) => {
    ({ store, bot } = s);
  }, { now: () => new Date('2026-11-24T09:00:00Z') });

  async function postPlan(who: Inbound = alice, text = '2000 standard sp no adc no ts') {
    await bot.handleMessage(who, { text, isCommand: true });
    const replies = await bot.handleAction(who, { payload: { k: 'dialog', c: 'confirm' }, actionKey: `post-${++keys}` });
    const [rollout] = await store.listRollouts(who.scope, { limit: 1 });
    return { rollout, replies };
  }
  const operatorsOf = async (id: string) => {
    const { rollout, events } = (await store.getRollout(scope, id))!;
    return deriveRolloutState(rollout.plan, events).operators;
  };
  const pick = (who: Inbound, r: string, found: { id: string; name: string }[], unknownIds: string[] = []) =>
    bot.handleAction(who, { payload: { k: 'operators', r, v: 'pick' }, actionKey: `pick-${++keys}`, people: { found, unknownIds } });
  const peopleOf = (blocks: CardBlock[]) => blocks.find((b): b is PeopleBlock => b.type === 'people');

  describe('who may act, from the people picker', () => {
    it('the owner picks people: only they and the owner may act from then on', async () => {
      const { rollout } = await postPlan();
      const replies = await pick(alice, rollout.id, [bob.user, carol]);
      expect(replies.map((r) => r.type)).toEqual(['update-plan']);
      expect(await operatorsOf(rollout.id)).toEqual([bob.user, carol]);
      const drawn = replies[0].type === 'update-plan' ? peopleOf(replies[0].cards()[0].blocks) : undefined;
      expect(drawn).toMatchObject({ text: 'Only Bob, Carol and Alice (owner) can act on this plan.', selected: [bob.user, carol] });
    });

    it("someone else's pick is refused, drawn under the picker for them alone, and changes nothing", async () => {
      const { rollout } = await postPlan();
      const replies = await pick(bob, rollout.id, [bob.user]);
      expect(replies).toEqual([{ type: 'refused', text: 'Only Alice, who posted this plan, can choose its operators.', on: expect.anything() }]);
      const [refused] = replies;
      expect(refused.type === 'refused' && refused.on?.step).toBeUndefined();
      const drawn = refused.type === 'refused' ? peopleOf(refused.on!.cards[0].blocks) : undefined;
      expect(drawn?.refusal).toBe('Only Alice, who posted this plan, can choose its operators.');
      expect(await operatorsOf(rollout.id)).toEqual([]);
      // Nor may they open it to anyone.
      const anyone = await bot.handleAction(bob, { payload: { k: 'operators', r: rollout.id, v: 'anyone' }, actionKey: 'anyone-bob' });
      expect(anyone.map((r) => r.type)).toEqual(['refused']);
    });

    it.each([
      ['nobody', [], [], /^Name the people who may act.*let anyone in this channel act\. Nothing was changed\.$/],
      ['only the owner', [alice.user], [], /^As the owner you can always act on your plan/],
      ['someone the platform could not name', [bob.user], ['U-GHOST'], /^I could not tell who "@U-GHOST" is/],
      ['more people than a rollout may have', Array.from({ length: 51 }, (_, i) => ({ id: `U-${i}`, name: `Person ${i}` })), [], /^That names 51 people, but a rollout can have at most 50 operators/],
    ])('a pick of %s is refused like the typed command, and never opens the plan', async (_what, found, unknownIds, reason) => {
      const { rollout } = await postPlan();
      await pick(alice, rollout.id, [carol]);
      const replies = await pick(alice, rollout.id, found, unknownIds);
      expect(replies.map((r) => r.type)).toEqual(['refused']);
      expect(textOf(replies)).toMatch(reason);
      expect(await operatorsOf(rollout.id)).toEqual([carol]);
    });

    it('people already chosen are known by the id the rollout keeps, even when the platform cannot name them now', async () => {
      const { rollout } = await postPlan();
      await pick(alice, rollout.id, [carol]);
      await pick(alice, rollout.id, [bob.user], [carol.id]);
      expect(await operatorsOf(rollout.id)).toEqual([bob.user, carol]);
    });

    it('"Anyone in this channel" opens the plan, for its owner', async () => {
      const { rollout } = await postPlan();
      await pick(alice, rollout.id, [bob.user]);
      const replies = await bot.handleAction(alice, { payload: { k: 'operators', r: rollout.id, v: 'anyone' }, actionKey: 'anyone-alice' });
      expect(replies.map((r) => r.type)).toEqual(['update-plan']);
      expect(await operatorsOf(rollout.id)).toEqual([]);
    });

    it('a picker pointing at a rollout of another channel finds nothing and changes nothing', async () => {
      const { rollout } = await postPlan();
      const elsewhere: Inbound = { ...alice, scope: { ...scope, channel: 'C-OTHER' } };
      expect(await pick(elsewhere, rollout.id, [bob.user])).toEqual([{ type: 'refused', text: 'I do not know that rollout in this channel. Nothing was changed.' }]);
      expect(await operatorsOf(rollout.id)).toEqual([]);
    });
  });

  describe("a step's details, for its clicker", () => {
    it.each([
      ['en', '2000 standard sp no adc no ts', 'Sources (fact ids from KB 328839): E2K-1', '1. Read the release notes of the service pack'],
      ['nl', '2000 standaard servicepack geen adc geen ts', 'Bronnen (feit-id\'s uit KB 328839): E2K-1', '1. Lees de releasenotes van het servicepack'],
    ] as const)('in %s: the full text, the citation and the FACTS ids, privately', async (locale, answers, sources, first) => {
      const who: Inbound = { ...alice, locale };
      const { rollout } = await postPlan(who, `${locale === 'nl' ? 'nl ' : ''}${answers}`);
      const replies = await bot.handleAction(who, { payload: { k: 'details', r: rollout.id, s: 'full-backup' }, actionKey: 'details-1' });
      expect(replies.map((r) => r.type)).toEqual(['private']);
      const text = textOf(replies);
      expect(text).toContain(sources);
      expect(text).toContain('KB 328839');
      expect(text).toContain('#1 · ');
      expect(text).not.toContain(first);
      // Nothing is recorded by looking.
      expect((await store.getRollout(scope, rollout.id))!.events.map((e) => e.type)).toEqual(['created']);
      const unknown = await bot.handleAction(who, { payload: { k: 'details', r: rollout.id, s: 'no-such-step' }, actionKey: 'details-2' });
      expect(unknown.map((r) => r.type)).toEqual(['refused']);
    });
  });

  describe('a plan keeps the place it was posted in', () => {
    it.each([
      ['group', 'en', 'Posting the plan in this group chat:', 'Anyone in this group chat can confirm steps.'],
      ['personal', 'en', 'Posting the plan in this chat:', undefined],
      ['channel', 'nl', 'Het plan wordt in dit kanaal geplaatst:', 'Iedereen in dit kanaal kan stappen bevestigen.'],
      ['group', 'nl', 'Het plan wordt in deze groepschat geplaatst:', 'Iedereen in deze groepschat kan stappen bevestigen.'],
      ['personal', 'nl', 'Het plan wordt in deze chat geplaatst:', undefined],
    ] as const)('in a %s chat (%s)', async (place, locale, posting, access) => {
      const who: Inbound = { ...alice, place, locale };
      const { rollout, replies } = await postPlan(who, locale === 'nl' ? 'nl 2000 standaard servicepack geen adc geen ts' : undefined);
      expect(textOf(replies)).toContain(posting);
      expect(rollout.place).toBe(place);
      const drawing = (await bot.drawRollout(scope, `#${rollout.ref}`))!;
      const people = peopleOf(drawing.cards[0].blocks);
      // In a chat with the bot alone there is nobody to let in: no picker.
      expect(people?.text).toBe(access);
    });
  });
});
