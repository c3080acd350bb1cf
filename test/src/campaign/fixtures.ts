/**
 * A campaign of MAX_CAMPAIGN_SERVERS servers of every kind, drawn in the states that
 * make its cards longest: fresh, half-way (long skip reasons and problem notes on the
 * shared steps, open problems), every later server released early with a reason of the
 * longest length kept, and finished. For the platform limit tests.
 */
import { buildCampaignPlans } from '../../../conversations/campaign/plan';
import type { CompleteAnswers, Locale } from '../../../conversations/types';
import { MAX_CAMPAIGN_SERVERS, type CampaignMember, type CampaignView } from '../../../src/campaign/model';
import { MAX_NOTE_LENGTH } from '../../../conversations/limits';
import type { Plan } from '../../../conversations/plan/model';
import type { Rollout, RolloutEvent, UserRef } from '../../../src/rollout/model';

export const owner: UserRef = { id: 'U1', name: 'Alice <Ops> & Co' };
const bob: UserRef = { id: 'U2', name: 'Bob' };
export const longNote = 'The setup stopped: files in use & <store.exe> would not stop. '.repeat(16).slice(0, MAX_NOTE_LENGTH);

const KINDS: CompleteAnswers[] = [
  { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: true, adcCustomMaps: true, terminalServices: true },
  { version: '2000', product: 'enterprise', topology: 'active-passive', change: 'service-pack', nodeA: 'NODE-A-LONGNAME', nodeB: 'NODE-B-LONGNAME', evsA: 'EVS-A-LONGNAME1', adc: true, adcCustomMaps: false },
  { version: '2000', product: 'enterprise', topology: 'active-active', change: 'service-pack', nodeA: 'NODE-C-LONGNAME', nodeB: 'NODE-D-LONGNAME', evsA: 'EVS-C-LONGNAME1', evsB: 'EVS-D-LONGNAME1', adc: false },
  { version: '2000', product: 'conferencing', topology: 'single', change: 'service-pack', adc: false, terminalServices: false },
  { version: '2000', product: 'sbs', topology: 'single', change: 'service-pack', adc: false, terminalServices: true },
  { version: '5.5', product: 'standard', topology: 'single', change: 'service-pack', mailboxManager: true, interOrgSync: true },
  { version: '5.5', product: 'enterprise', topology: 'active-passive', change: 'service-pack', nodeA: 'NODE-E-LONGNAME', nodeB: 'NODE-F-LONGNAME', evsA: 'EVS-E-LONGNAME1', mailboxManager: true, interOrgSync: false },
  { version: '5.5', product: 'sbs', topology: 'single', change: 'service-pack', mailboxManager: false, interOrgSync: true },
  { version: '2000', product: 'enterprise', topology: 'single', change: 'hotfix', storeHotfix: true, adc: true, adcCustomMaps: true, terminalServices: false },
  { version: '5.5', product: 'enterprise', topology: 'single', change: 'hotfix', storeHotfix: false, mailboxManager: false, interOrgSync: false },
];

/** The longest names there are (15 characters), each server in a wave of its own: the most waves. */
export function twentyServers(waves: 'one-each' | 'pilot-then-all' = 'one-each') {
  const servers = Array.from({ length: MAX_CAMPAIGN_SERVERS }, (_, i) => ({
    server: `EXCHANGE-SRV-${String(i + 1).padStart(2, '0')}`,
    wave: waves === 'one-each' ? i + 1 : i === 0 ? 1 : 2,
    answers: KINDS[i % KINDS.length],
  }));
  return buildCampaignPlans(servers);
}

function rollout(id: string, ref: number, plan: Plan, answers: CompleteAnswers, locale: Locale): Rollout {
  return {
    id,
    ref,
    scope: { platform: 'slack', workspace: 'T1', channel: 'C1' },
    place: 'channel',
    owner,
    locale,
    answers,
    plan,
    messages: [{ id: '1700000000.000100' }],
    createdAt: '2024-11-24T10:32:00Z',
    status: 'active',
    version: 1,
  };
}

export type CampaignState = 'fresh' | 'half-way' | 'released' | 'finished';
export const STATES: CampaignState[] = ['fresh', 'half-way', 'released', 'finished'];

/** The hub, its log, the servers and the campaign view, in one of the states above. */
export function campaignIn(state: CampaignState, locale: Locale, waves: 'one-each' | 'pilot-then-all' = 'one-each') {
  const plans = twentyServers(waves);
  const hub = rollout('hub-0123456789abcd', 41, plans.hub, plans.members[0].answers, locale);
  const at = '2024-11-24T11:00:00Z';
  const hubEvents: RolloutEvent[] = [{ rolloutId: hub.id, seq: 1, type: 'created', actor: owner, at }];
  if (state !== 'fresh') {
    plans.hub.steps.forEach((step, i) => {
      const type = state === 'finished' ? 'skipped' : i % 2 ? 'problem' : 'skipped';
      hubEvents.push({ rolloutId: hub.id, seq: hubEvents.length + 1, type, stepId: step.id, actor: bob, at, note: longNote });
    });
    if (state === 'finished') hubEvents.push({ rolloutId: hub.id, seq: hubEvents.length + 1, type: 'completed', actor: bob, at });
  }
  const members = plans.members.map((m, i) => rollout(`member-${String(i).padStart(10, '0')}`, 42 + i, m.plan, m.answers, locale));
  const view: CampaignView = {
    id: hub.id,
    ref: hub.ref,
    scope: hub.scope,
    place: hub.place,
    owner,
    locale,
    hubMessages: hub.messages,
    hubFailed: false,
    sharedWaiting: state === 'fresh' ? plans.hub.steps.map((_, i) => i + 1) : state === 'half-way' ? [2] : [],
    members: plans.members.map((m, i): CampaignMember => {
      const total = m.plan.steps.length;
      const member: CampaignMember = {
        rolloutId: members[i].id, position: i + 1, server: m.server, wave: m.wave, total,
        settled: state === 'finished' ? total : state === 'fresh' ? 0 : Math.floor(total / 2),
        problems: state === 'half-way' ? 2 : 0,
        completed: state === 'finished',
      };
      if (state === 'released' && m.wave > 1) member.released = { by: owner, at, note: longNote };
      return member;
    }),
  };
  return { hub, hubEvents, members, view };
}
