/** A campaign of two servers (EXCH1 the pilot, CLUS1 in wave 2) posted through the real Slack adapter, as a person would. */
import type { Scope } from '../../../src/rollout/model';
import type { Store } from '../../../src/store/store';
import { blockActionsBody, postSlack, slashCommandBody } from '../../kit/slack-requests';
import type { Harness } from './harness';

interface Btn { action_id: string; value: string; style?: string }
interface Msg { blocks?: { type: string; elements?: Btn[] }[] }

let urls = 0;

/** Posts the campaign in `channel` for `user`; answers its scope, its hub's id and its card's ts. */
export async function postCampaign(h: Harness, store: Store, channel: string, user: string): Promise<{ scope: Scope; hubId: string; cardTs: string }> {
  const text = 'EXCH1 2000 standard sp no adc no ts; CLUS1 2000 enterprise active/passive N1 N2 evs MAIL1 no adc';
  await postSlack(h.baseUrl, slashCommandBody(text, h.fake.responseUrl(`campaign-c${++urls}`), { user, channel }));
  await h.adapter.settled();
  const summary = h.fake.calls('response_url').at(-1)?.body as unknown as Msg;
  const post = (summary.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : [])).find((b) => b.style === 'primary')!;
  await postSlack(h.baseUrl, blockActionsBody({ responseUrl: h.fake.responseUrl(`campaign-k${++urls}`), value: post.value, actionId: post.action_id, ephemeral: true, user, channel }));
  await h.adapter.settled();
  const scope: Scope = { platform: 'slack', workspace: 'T1', channel };
  const rollouts = await store.listRollouts(scope, { limit: 10 });
  const hubId = rollouts.find((r) => r.ref === Math.min(...rollouts.map((x) => x.ref)))!.id;
  const [card] = h.fake.shown(channel);
  return { scope, hubId, cardTs: card.ts };
}
