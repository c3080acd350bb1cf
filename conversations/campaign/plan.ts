/**
 * A campaign's plans: every server keeps its own plan from buildPlan (the eight paths
 * of FACTS.md, unchanged), and the steps that concern the organisation rather than
 * one server are taken out of those plans and planned once, on the campaign card:
 * - reading the release notes (E2K-2 / E55-2, with K1..K3, C5, C6, or the hotfix's own
 *   article): once per kind of update, with the servers it is for; servers whose
 *   step reads the same (same version, product, change) share one;
 * - the system state of the domain controllers, which every server's full backup
 *   names (E2K-1 / E55-1): backed up once for the domain. Each server's own full
 *   backup then covers its databases and its own system state.
 * The servers' steps past the preparation wait for these shared steps (the campaign
 * gate, src/campaign/gate.ts), as a single plan's apply steps wait for its
 * preparation. Pure: the same servers always give the same plans.
 */
import { buildPlan } from '../plan/build';
import { msg, type Msg } from '../strings';
import type { CompleteAnswers } from '../types';
import type { Plan, PlanStep } from '../plan/model';

/** The step ids a server plan hands over to the campaign. */
export const RELEASE_NOTES_STEP = 'release-notes';
export const FULL_BACKUP_STEP = 'full-backup';
/** The campaign's step for the domain controllers' system state. */
export const DC_BACKUP_STEP = 'dc-system-state';

export interface CampaignServerAnswers {
  server: string;
  wave: number;
  answers: CompleteAnswers;
}

export interface CampaignPlans {
  /** The shared steps, for the campaign card. */
  hub: Plan;
  /** One plan per server, in the order given. */
  members: { server: string; wave: number; answers: CompleteAnswers; plan: Plan }[];
}

/** Throws (as buildPlan does) for answers no plan can serve; the interview never lets those through. */
export function buildCampaignPlans(servers: CampaignServerAnswers[]): CampaignPlans {
  const built = servers.map((s) => ({ ...s, full: buildPlan(s.answers) }));
  const shared: PlanStep[] = [...releaseNoteSteps(built), domainControllerBackup(servers.map((s) => s.answers))];
  return {
    hub: {
      title: msg('campaign.plan.title', { count: servers.length }),
      summary: [msg('campaign.plan.summary', { count: servers.length })],
      // K4: weigh the consequences and test before production; the pilot is that test.
      warnings: [msg('campaign.plan.pilotFirst')],
      notes: [],
      steps: shared,
    },
    members: built.map((s) => ({ server: s.server, wave: s.wave, answers: s.answers, plan: memberPlan(s.server, s.answers, s.full) })),
  };
}

/** The server's own plan without what the campaign does once; its gates kept consistent. */
function memberPlan(server: string, answers: CompleteAnswers, full: Plan): Plan {
  const handedOver = new Set([RELEASE_NOTES_STEP]);
  const steps = full.steps
    .filter((s) => !handedOver.has(s.id))
    .map((s) => ({
      ...s,
      requires: s.requires.filter((id) => !handedOver.has(id)),
      details: s.id === FULL_BACKUP_STEP ? s.details.map(ownSystemStateOnly) : s.details,
    }));
  const title = answers.change === 'service-pack' ? 'campaign.member.title.sp' : 'campaign.member.title.hotfix';
  return { ...full, title: msg(title, { server, version: answers.version }), steps };
}

/** The full backup's "and the domain controllers" goes to the campaign's shared step. */
function ownSystemStateOnly(detail: Msg): Msg {
  return detail.key === 'plan.step.fullBackup.what' ? msg('campaign.member.fullBackup.what') : detail;
}

/** One release-notes step per distinct text, naming the servers it is for. */
function releaseNoteSteps(built: { server: string; full: Plan }[]): PlanStep[] {
  const groups = new Map<string, { step: PlanStep; servers: string[] }>();
  for (const { server, full } of built) {
    const step = full.steps.find((s) => s.id === RELEASE_NOTES_STEP);
    if (!step) continue;
    const signature = JSON.stringify([step.title, step.details, step.facts, step.kbs]);
    const group = groups.get(signature);
    if (group) group.servers.push(server);
    else groups.set(signature, { step, servers: [server] });
  }
  const several = groups.size > 1;
  return [...groups.values()].map(({ step, servers }, i) => ({
    id: several ? `${RELEASE_NOTES_STEP}-${i + 1}` : RELEASE_NOTES_STEP,
    phase: 'before',
    title: step.title,
    details: [msg('campaign.shared.forServers', { servers: servers.join(', ') }), ...step.details],
    facts: step.facts,
    kbs: step.kbs,
    requires: [],
  }));
}

/** E2K-1 / E55-1: the domain controllers' system state, once for the domain. */
function domainControllerBackup(answers: CompleteAnswers[]): PlanStep {
  const facts = [
    ...(answers.some((a) => a.version === '2000') ? ['E2K-1'] : []),
    ...(answers.some((a) => a.version === '5.5') ? ['E55-1'] : []),
  ];
  return {
    id: DC_BACKUP_STEP,
    phase: 'before',
    title: msg('campaign.shared.dcBackup.title'),
    details: [msg('campaign.shared.dcBackup.what'), msg('campaign.shared.dcBackup.rollback')],
    facts,
    kbs: [],
    requires: [],
  };
}
