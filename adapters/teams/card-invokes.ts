/**
 * Invoke answers that redraw the clicker's own copy of a plan (Universal Actions:
 * the card in an `adaptiveCard/action` answer replaces the card for the one who
 * clicked, and for nobody else):
 * - Skip… or Problem…: the plan with that step's note form open under it;
 * - a refused click: the plan with the reason under the step that was clicked.
 * A long plan is split over several messages; the answer is the part that shows the
 * form or the refusal.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
import type { Bot, Inbound, RefusedOn } from '../../src/bot/types';
import type { ActionPayload } from '../../src/cards/actions';
import type { AdaptiveCard } from './adaptive-card';
import { renderCardForTeams } from './render';
import { stepElementId } from './render-step';

/** The part with an element whose id starts with `idPrefix`, else the part at `fallback`, else the first. */
export function partShowing(cards: AdaptiveCard[], idPrefix: string, fallback = 0): AdaptiveCard | undefined {
  const shows = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(shows);
    if (typeof node !== 'object' || node === null) return false;
    const element = node as Record<string, unknown>;
    if (typeof element.id === 'string' && element.id.startsWith(idPrefix)) return true;
    return Object.values(element).some(shows);
  };
  return cards.find(shows) ?? cards[fallback] ?? cards[0];
}

/** The clicker's card with the note form of this step button open; undefined when the rollout is not in this scope. */
export async function openFormCard(bot: Bot, inbound: Inbound, payload: ActionPayload, replyToId?: string): Promise<AdaptiveCard | undefined> {
  if (payload.k !== 'step') return undefined;
  const drawing = await bot.drawRollout(inbound.scope, payload.r);
  if (!drawing) return undefined;
  // A step no longer open has no such form: the answer is then simply the latest plan.
  const openForm = payload.v === 'skip' || payload.v === 'problem' ? { stepId: payload.s, verb: payload.v } : undefined;
  const cards = drawing.cards.flatMap((card) => renderCardForTeams(card, openForm ? { openForm } : {}));
  const clicked = Math.max(0, drawing.rollout.messages.findIndex((m) => m.id === replyToId));
  return partShowing(cards, stepElementId.form(payload.s), clicked);
}

/** The clicker's card with the reason under what was clicked. */
export function refusedCard(on: RefusedOn): AdaptiveCard | undefined {
  return partShowing(on.cards.flatMap((card) => renderCardForTeams(card)), stepElementId.refusal(''));
}
