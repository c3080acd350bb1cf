/**
 * The campaign's cards, in the neutral card model (src/cards/model.ts):
 * - the campaign card (the hub's): the shared steps with their buttons, and every
 *   server by wave with its progress, drawn from the hub's log and the campaign's
 *   projection; one function for the first post and every redraw;
 * - a server's card: its plan card exactly as a single rollout's (drawPlanCard), with
 *   one line under the title saying where it stands in the campaign.
 * Long campaigns stay within the platforms' limits: a wave is one text block however
 * many servers it holds, and the renderers split what still does not fit.
 */
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Button, Card, CardBlock } from './model';
import { accessLine, drawPlanCard, type DrawOptions } from './plan-card';
import { drawStep, situationOf } from './step-view';
import { formatTime } from './time';
import type { PlanStep } from '../../conversations/plan/model';
import type { Rollout, RolloutEvent } from '../rollout/model';
import { formatRef } from '../rollout/short-ref';
import { deriveRolloutState, numberRanges, type RolloutState } from '../rollout/status';
import { memberMayStart, memberOf, previousWave, waveOpen, wavesOf, type CampaignMember, type CampaignView } from '../campaign/model';

/** The cards of a rollout: the campaign card for a hub, the plan card (with its campaign line) for a member. */
export function drawRolloutCards(rollout: Rollout, events: RolloutEvent[], campaign: CampaignView | undefined, options: DrawOptions = {}): Card[] {
  if (campaign && campaign.id === rollout.id) return [drawCampaignCard(rollout, events, campaign)];
  if (campaign && memberOf(campaign, rollout.id)) return [drawMemberCard(rollout, events, campaign, options)];
  return [drawPlanCard(rollout, events, options)];
}

/** Every server complete and every shared step settled. */
export function campaignComplete(hub: Rollout, hubEvents: RolloutEvent[], view: CampaignView): boolean {
  return deriveRolloutState(hub.plan, hubEvents).completed && view.members.every((m) => m.completed);
}

export function drawCampaignCard(hub: Rollout, hubEvents: RolloutEvent[], view: CampaignView): Card {
  const { locale, plan } = hub;
  const state = deriveRolloutState(plan, hubEvents);
  const title = t(locale, plan.title);
  const complete = view.members.filter((m) => m.completed).length;
  const overall = t(locale, msg('campaign.card.overall', { complete, count: view.members.length }));
  const blocks: CardBlock[] = [{ type: 'header', text: title }];
  if (plan.summary.length) blocks.push({ type: 'text', text: plan.summary.map((line) => t(locale, line)).join('\n') });
  blocks.push({
    type: 'context',
    text: [t(locale, msg('campaign.card.meta', { ref: formatRef(hub.ref), owner: hub.owner.name, at: formatTime(hub.createdAt, locale) })), accessLine(hub, state)].join(' · '),
  });
  const finished = campaignComplete(hub, hubEvents, view);
  blocks.push({ type: 'text', style: 'strong', text: finished ? t(locale, 'campaign.card.complete') : overall });
  if (plan.warnings.length) {
    blocks.push({ type: 'text', style: 'strong', text: t(locale, 'card.warnings') });
    for (const warning of plan.warnings) blocks.push({ type: 'text', style: 'warning', text: t(locale, warning) });
  }
  blocks.push({ type: 'divider' }, { type: 'text', style: 'strong', text: t(locale, 'campaign.card.shared') });
  if (!state.completed) blocks.push({ type: 'context', text: t(locale, 'campaign.card.sharedHint') });
  plan.steps.forEach((step, index) => blocks.push(sharedStep(hub, state, step, index + 1)));
  blocks.push({ type: 'divider' });
  // How to release is said once, at the first wave that waits (the same words serve the later ones).
  const firstWaiting = wavesOf(view).find((w) => view.members.some((m) => m.wave === w && !memberMayStart(view, m)));
  for (const wave of wavesOf(view)) blocks.push(...waveBlocks(locale, hub, view, wave, wave === firstWaiting));
  blocks.push({ type: 'divider' }, { type: 'context', text: t(locale, 'campaign.card.commands') });
  return { fallback: t(locale, msg('campaign.card.fallback', { title, overall })), blocks };
}

/** A shared step as a plan shows it: in full with its buttons while open, on one line once settled. */
function sharedStep(hub: Rollout, state: RolloutState, step: PlanStep, number: number): CardBlock {
  const situation = situationOf(hub.plan, state, step, number);
  const settled = situation.stage === 'done' || situation.stage === 'skipped';
  return drawStep(hub, situation, { view: settled ? 'line' : 'full', readOnly: state.completed });
}

/** One wave: its heading with where it stands, one line per server, and (`hint`) how to release it while it waits. */
function waveBlocks(locale: Locale, hub: Rollout, view: CampaignView, wave: number, hint: boolean): CardBlock[] {
  const members = view.members.filter((m) => m.wave === wave);
  const before = previousWave(view, wave);
  const state = members.every((m) => m.completed)
    ? t(locale, 'campaign.card.wave.complete')
    : waveOpen(view, wave)
      ? t(locale, 'campaign.card.wave.open')
      : t(locale, msg('campaign.card.wave.waits', { previous: before ?? 1 }));
  const heading = wave === 1 ? msg('campaign.card.wave.pilot', { state }) : msg('campaign.card.wave', { wave, state });
  const blocks: CardBlock[] = [
    { type: 'text', style: 'strong', text: t(locale, heading) },
    { type: 'text', text: members.map((m) => serverLine(locale, m)).join('\n') },
  ];
  if (hint && before !== undefined) {
    blocks.push({ type: 'context', text: t(locale, msg('campaign.card.releaseHint', { wave, previous: before, owner: hub.owner.name })) });
    blocks.push({ type: 'actions', buttons: [releaseButton(locale, hub, wave, before, members)] });
  }
  return blocks;
}

/**
 * "Release wave 2…": asks for the reason first (a Slack modal, a Teams form in the card;
 * the console types the command the hint above says), then records the same release as
 * the typed command. Everyone sees it; the store lets only the owner release.
 */
function releaseButton(locale: Locale, hub: Rollout, wave: number, previous: number, members: CampaignMember[]): Button {
  const servers = members.filter((m) => !m.completed && !m.released).map((m) => m.server).join(', ');
  return {
    label: t(locale, msg('campaign.button.release', { wave })),
    action: { k: 'release', r: hub.id, w: wave },
    note: {
      title: t(locale, msg('campaign.release.title', { wave })),
      label: t(locale, msg('campaign.release.label', { wave, servers, previous })),
      placeholder: t(locale, 'campaign.release.placeholder'),
      submit: t(locale, 'campaign.release.submit'),
    },
  };
}

function serverLine(locale: Locale, m: CampaignMember): string {
  const head = m.completed
    ? t(locale, msg('campaign.card.server.complete', { server: m.server }))
    : t(locale, msg('campaign.card.server.progress', { server: m.server, settled: m.settled, total: m.total }));
  const extras = [
    m.problems > 0 ? t(locale, msg('campaign.card.server.problems', { count: m.problems })) : '',
    m.released ? t(locale, msg('campaign.card.server.released', { user: m.released.by.name, note: m.released.note })) : '',
  ].filter(Boolean);
  return [head, ...extras].join(' · ');
}

/** A server's plan card, with the line that places it in its campaign right under the title. */
export function drawMemberCard(rollout: Rollout, events: RolloutEvent[], view: CampaignView, options: DrawOptions = {}): Card {
  const card = drawPlanCard(rollout, events, options);
  const member = memberOf(view, rollout.id);
  if (!member) return card;
  const text = [memberLine(rollout.locale, view, member), memberGate(rollout.locale, view, member, rollout)].filter(Boolean).join(' · ');
  const at = card.blocks[0]?.type === 'header' ? 1 : 0;
  return { ...card, blocks: [...card.blocks.slice(0, at), { type: 'text', text }, ...card.blocks.slice(at)] };
}

function memberLine(locale: Locale, view: CampaignView, member: CampaignMember): string {
  const wave = member.wave === 1 ? t(locale, 'campaign.card.member.pilot') : t(locale, msg('campaign.card.member.wave', { wave: member.wave }));
  return t(locale, msg('campaign.card.member', { ref: formatRef(view.ref), position: member.position, count: view.members.length, wave }));
}

/** Whether the server may start, and if not what it waits for; nothing once it is complete. */
function memberGate(locale: Locale, view: CampaignView, member: CampaignMember, rollout: Rollout): string {
  if (member.completed || rollout.status === 'completed') return '';
  if (member.released) return t(locale, msg('campaign.card.member.released', { user: member.released.by.name, note: member.released.note }));
  if (!memberMayStart(view, member)) {
    const previous = previousWave(view, member.wave) ?? 1;
    const servers = view.members.filter((m) => m.wave === previous && !m.completed).map((m) => m.server).join(', ');
    return t(locale, msg('campaign.card.member.waits', { previous, servers, owner: view.owner.name }));
  }
  if (view.sharedWaiting.length) return t(locale, msg('campaign.card.member.shared', { steps: numberRanges(view.sharedWaiting) }));
  return t(locale, 'campaign.card.member.mayStart');
}
