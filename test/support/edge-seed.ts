/**
 * Rollouts the hostile-input suite aims at: one at home (Slack T1/C1, with one click
 * recorded through HTTP whose exact request is kept for replays) and others in
 * another Slack workspace, another channel and another Teams tenant.
 */
import { buildPlan } from '../../conversations/plan/build';
import type { CompleteAnswers } from '../../conversations/types';
import type { Scope } from '../../src/rollout/model';
import type { Store } from '../../src/store/store';

const answers: CompleteAnswers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false };

export interface Seeded {
  home: string;
  /** Rollouts in another workspace (T2/C1) and another channel (T1/C2). */
  foreignSlack: string[];
  /** A Teams rollout of another tenant in the same channel id. */
  foreignTeams: string;
}

export async function seedLocalRollouts(store: Store, teamsChannel: string): Promise<Seeded> {
  const create = async (scope: Scope, key: string) =>
    (await store.createRollout({ scope, owner: { id: 'U1', name: 'Alice' }, locale: 'en', answers, plan: buildPlan(answers), operators: [], actionKey: key })).rollout.id;
  return {
    home: await create({ platform: 'slack', workspace: 'T1', channel: 'C1' }, 'home'),
    foreignSlack: [
      await create({ platform: 'slack', workspace: 'T2', channel: 'C1' }, 'other-workspace'),
      await create({ platform: 'slack', workspace: 'T1', channel: 'C2' }, 'other-channel'),
    ],
    foreignTeams: await create({ platform: 'teams', workspace: 'other-tenant-0000', channel: teamsChannel }, 'other-tenant'),
  };
}
