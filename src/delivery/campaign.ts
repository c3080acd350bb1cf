/**
 * Where a campaign's rollouts are delivered (src/delivery): the campaign card is
 * posted like a plan; each server's card goes in its thread, and only once the
 * campaign card is there (a server waits for it, and never goes out if the campaign
 * card could not be posted). Thread lines of every server go to that one thread,
 * each headed with the server's name, so the team reads the campaign in one place.
 * The owner is told once, for the campaign card, not for each server.
 */
import { msg, t, where } from '../../conversations/strings';
import { formatRef } from '../rollout/short-ref';
import type { Card } from '../cards/model';
import { threadNoteFor } from '../cards/notes';
import type { MessageRef, Rollout, RolloutEvent } from '../rollout/model';
import { drawRolloutCards } from '../cards/campaign';
import { memberOf, type CampaignView } from '../campaign/model';

/** How long a server's card waits before looking again for its campaign card (plus its place, to keep the order). */
export const WAIT_FOR_CAMPAIGN_CARD_MS = 250;

/** The thread line of one event, or undefined when the event has none. */
export type LineFor = (rollout: Rollout, event: RolloutEvent, events: RolloutEvent[]) => string | undefined;

export type Placement =
  /** Not a campaign's rollout: delivered as always. */
  | { kind: 'plain' }
  /** A server whose campaign card is not posted yet: try again a little later. */
  | { kind: 'wait'; retryInMs: number }
  /** A server whose campaign card will never be posted: it stays out of the channel too. */
  | { kind: 'never' }
  | {
      kind: 'campaign';
      cards: Card[];
      /** The message whose thread holds this rollout's messages and lines (a server's: the campaign card). */
      thread?: MessageRef;
      lineFor: LineFor;
      /** What the owner is told once it is posted (where it is, and read elsewhere); none for a server: the owner hears once. */
      ownerNotice?: { text: string; textAway: string };
    };

export function placeInCampaign(rollout: Rollout, events: RolloutEvent[], view: CampaignView | undefined, nowMs?: number): Placement {
  if (!view) return { kind: 'plain' };
  // `nowMs`: the publisher's clock (a maintenance window counts down on a card, issue 12).
  const cards = drawRolloutCards(rollout, events, view, nowMs !== undefined ? { nowMs } : {});
  if (view.id === rollout.id) {
    const posted = (away: boolean) =>
      t(rollout.locale, msg('campaign.interview.posted', { title: t(rollout.locale, rollout.plan.title), ref: formatRef(rollout.ref), where: where(rollout.locale, rollout.place, away) }));
    return { kind: 'campaign', cards, lineFor: hubLine, ownerNotice: { text: posted(false), textAway: posted(true) } };
  }
  const member = memberOf(view, rollout.id);
  if (!member) return { kind: 'plain' };
  const root = view.hubMessages[0];
  if (!root) return view.hubFailed ? { kind: 'never' } : { kind: 'wait', retryInMs: WAIT_FOR_CAMPAIGN_CARD_MS + member.position };
  const lineFor: LineFor = (r, event, all) => {
    const line =
      event.type === 'released'
        ? t(r.locale, msg('campaign.thread.released', { user: event.actor.name, server: member.server, note: event.note ?? '' }))
        : threadNoteFor(r, event, all);
    return line === undefined ? undefined : t(r.locale, msg('campaign.thread.server', { server: member.server, line }));
  };
  return { kind: 'campaign', cards, thread: root, lineFor };
}

/** The campaign card's own thread lines; its completion means the shared steps are all settled. */
const hubLine: LineFor = (rollout, event, events) =>
  event.type === 'completed' ? t(rollout.locale, 'campaign.thread.sharedDone') : threadNoteFor(rollout, event, events);
