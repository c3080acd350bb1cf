/**
 * "Release wave 2…" on the campaign card in Slack, through the real Bolt adapter, the
 * real core and a SQLite file, against the strict fake Slack: the button opens a modal
 * that asks why; only the owner's reason releases the wave (the same 'released' event
 * and thread line as the typed command); someone else, a blank reason, a wave already
 * open and tampered values are refused and record nothing; the same submission twice
 * records once. In English and in Dutch.
 */
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import type { ShownMessage } from '../../kit/fake-slack';
import { blockActionsBody, postSlack, viewSubmissionBody } from '../../kit/slack-requests';
import { postCampaign } from './campaign-driver';
import { useSlackBot, type Harness } from './harness';

interface Btn { action_id: string; value: string; text: { text: string } }
interface Blk { type: string; text?: { text: string }; elements?: Btn[] }

let store: Store;
let h: Harness;
let clicks = 0;

useSlackBot('exchange-sp-slack-campaign-release-', (s) => {
  ({ store, h } = s);
  h.fake.users.set('U1', { name: 'Alice Admin', locale: 'en-US' });
  h.fake.users.set('U2', { name: 'Bob Builder', locale: 'en-GB' });
  h.fake.users.set('U5', { name: 'Anna Beheer', locale: 'nl-NL' });
});

const releaseButton = (card: ShownMessage): Btn | undefined =>
  (card.blocks as Blk[]).flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : [])).find((b) => b.value?.includes('"k":"release"'));
const lastPrivate = () => h.fake.calls('response_url').at(-1)?.body as { text: string };
const threadLines = (channel: string, ts: string) => h.fake.thread(channel, ts).filter((m) => m.blocks.length === 0).map((m) => m.text);
const releases = async (scope: Scope, hubId: string) => {
  const view = (await store.campaignOf(scope, hubId))!;
  const logs = await Promise.all(view.members.map((m) => store.getRollout(scope, m.rolloutId)));
  return logs.flatMap((l) => l!.events.filter((e) => e.type === 'released').map((e) => `${e.actor.name}: ${e.note}`));
};

/** Clicks a button value as `user`; answers the modal opened for it (its private_metadata and texts), if one opened. */
async function open(value: string, user: string, channel: string) {
  const before = h.fake.calls('views.open').length;
  const body = blockActionsBody({ value, actionId: `release-${++clicks}`, actionTs: `1700000100.${String(clicks).padStart(6, '0')}`, responseUrl: h.fake.responseUrl(`rel${clicks}`), user, channel });
  expect((await postSlack(h.baseUrl, body)).status).toBe(200);
  await h.adapter.settled();
  const opened = h.fake.calls('views.open').slice(before)[0];
  return opened?.body.view as { title: { text: string }; submit: { text: string }; private_metadata: string; blocks: { label: { text: string } }[] } | undefined;
}

async function submit(metadata: string, reason: string, user: string) {
  const res = await postSlack(h.baseUrl, viewSubmissionBody(metadata, reason, { user }));
  expect(res.status).toBe(200);
  await h.adapter.settled();
  return res.body ? (JSON.parse(res.body) as { response_action: string; errors?: Record<string, string> }) : undefined;
}

describe('Release wave 2… on the campaign card', () => {
  it('asks why in a modal; only the owner releases, with a reason, once; the card and the thread follow', async () => {
    const { scope, hubId, cardTs } = await postCampaign(h, store, 'C-REL', 'U1');
    const button = releaseButton(h.fake.shown('C-REL')[0])!;
    expect(button.text.text).toBe('Release wave 2…');

    // Bob may open the form, but his reason releases nothing.
    const bobs = (await open(button.value, 'U2', 'C-REL'))!;
    expect(bobs.title.text).toBe('Release wave 2');
    expect(bobs.blocks[0].label.text).toBe('Why may wave 2 (CLUS1) start before wave 1 is complete?');
    expect(await submit(bobs.private_metadata, 'looks fine to me', 'U2')).toBeUndefined();
    expect(lastPrivate().text).toBe('Only Alice Admin, who posted this campaign, can release CLUS1. Nothing was recorded.');
    expect(await releases(scope, hubId)).toEqual([]);

    // Alice: a blank reason is refused in the modal itself; then her reason is recorded.
    const alices = (await open(button.value, 'U1', 'C-REL'))!;
    expect(await submit(alices.private_metadata, '   ', 'U1')).toEqual({ response_action: 'errors', errors: { note: 'Please give a reason for letting wave 2 start early. Nothing was recorded.' } });
    expect(await releases(scope, hubId)).toEqual([]);
    await submit(alices.private_metadata, ' the pilot ran clean in the lab ', 'U1');
    expect(lastPrivate().text).toBe('Released early, may start now: CLUS1.');
    expect(await releases(scope, hubId)).toEqual(['Alice Admin: the pilot ran clean in the lab']);
    expect(threadLines('C-REL', cardTs)).toEqual(['CLUS1 · Alice Admin let CLUS1 start before its wave. Reason: the pilot ran clean in the lab']);
    // The same submission again (Slack retried it) records nothing more.
    await submit(alices.private_metadata, 'the pilot ran clean in the lab', 'U1');
    expect(await releases(scope, hubId)).toHaveLength(1);
    // No wave waits any more: the card offers no release, and says who released CLUS1 and why.
    const card = h.fake.shown('C-REL')[0];
    expect(releaseButton(card)).toBeUndefined();
    expect((card.blocks as Blk[]).map((b) => b.text?.text ?? '').join('\n')).toContain('CLUS1 · 0 of 7 steps · released early by Alice Admin: the pilot ran clean in the lab');
    // The old button again: already released.
    await submit((await open(button.value, 'U1', 'C-REL'))!.private_metadata, 'again', 'U1');
    expect(lastPrivate().text).toBe('CLUS1 was released already, by Alice Admin.');
  });

  it('a tampered value releases nothing: another rollout, a wave that is not there, a wave of the wrong kind', async () => {
    const { scope, hubId } = await postCampaign(h, store, 'C-TAMPER', 'U1');
    const view = (await store.campaignOf(scope, hubId))!;
    const valueFor = (action: Record<string, unknown>) => releaseButton(h.fake.shown('C-TAMPER')[0])!.value.replace(/\{"k":"release"[^}]*\}/, JSON.stringify(action));
    // A server's id instead of the campaign's.
    await submit((await open(valueFor({ k: 'release', r: view.members[1].rolloutId, w: 2 }), 'U1', 'C-TAMPER'))!.private_metadata, 'why not', 'U1');
    expect(lastPrivate().text).toBe('I do not know that rollout in this channel. Nothing was changed.');
    // A wave the campaign does not have.
    await submit((await open(valueFor({ k: 'release', r: hubId, w: 9 }), 'U1', 'C-TAMPER'))!.private_metadata, 'why not', 'U1');
    expect(lastPrivate().text).toBe('Campaign #1 has no wave 9. Nothing was recorded.');
    // Wave 1 (the pilot) or a wave as text is no value of ours: no modal, the clicker is told.
    for (const w of [1, '2']) {
      expect(await open(valueFor({ k: 'release', r: hubId, w }), 'U1', 'C-TAMPER')).toBeUndefined();
      expect(lastPrivate().text).toMatch(/button/i);
    }
    expect(await releases(scope, hubId)).toEqual([]);
  });

  it('a wave already open needs no release; in Dutch', async () => {
    const { scope, hubId } = await postCampaign(h, store, 'C-NL', 'U5');
    const button = releaseButton(h.fake.shown('C-NL')[0])!;
    expect(button.text.text).toBe('Golf 2 vrijgeven…');
    const form = (await open(button.value, 'U5', 'C-NL'))!;
    expect(form.blocks[0].label.text).toBe('Waarom mag golf 2 (CLUS1) beginnen voordat golf 1 klaar is?');
    // The pilot completes first (the shared steps, then EXCH1): wave 2 is open.
    const view = (await store.campaignOf(scope, hubId))!;
    const anna = { id: 'U5', name: 'Anna Beheer' };
    for (const id of [hubId, view.members[0].rolloutId]) {
      const { rollout } = (await store.getRollout(scope, id))!;
      for (const s of rollout.plan.steps) await store.applyAction(scope, id, { verb: 'confirm', stepId: s.id, actor: anna, actionKey: `done-${id}-${s.id}` }, new Date());
    }
    expect((await store.campaignOf(scope, hubId))!.members[0].completed).toBe(true);
    await h.adapter.settled();
    expect(releaseButton(h.fake.shown('C-NL')[0])).toBeUndefined();
    await submit(form.private_metadata, 'de pilot is klaar', 'U5');
    expect(lastPrivate().text).toBe('CLUS1 hoeft niet vrijgegeven te worden: golf 2 mag al beginnen.');
    expect(await releases(scope, hubId)).toEqual([]);
  });
});
