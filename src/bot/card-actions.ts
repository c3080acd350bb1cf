/**
 * What the plan card offers besides the step buttons: a step's full text for its
 * clicker (where a card cannot open it in place), and "Who may act" chosen with the
 * platform's people picker. The picker follows the rules of the typed command
 * (conversations/interview/operators.ts): only its owner changes it, the people it
 * names must be known, and nothing but the explicit "anyone" opens a plan.
 * Also: a refused click drawn where it happened (RefusedOn).
 */
import { t, where } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { readOperators } from '../../conversations/interview/operators';
import type { ActionPayload } from '../cards/actions';
import { drawPlanCard, drawStepDetails, PEOPLE_SECTION } from '../cards/plan-card';
import type { Rollout, RolloutEvent, UserRef } from '../rollout/model';
import { deriveRolloutState, stepNumber } from '../rollout/status';
import type { Store } from '../store/store';
import type { ActionInput, Inbound, RefusedOn, Reply } from './types';
import { whereFor } from './text-reply';

type DetailsPayload = Extract<ActionPayload, { k: 'details' }>;
type OperatorsPayload = Extract<ActionPayload, { k: 'operators' }>;

export interface CardActionDeps {
  store: Store;
  now: () => Date;
  actionReplies(inbound: Inbound, locale: Locale, result: Awaited<ReturnType<Store['applyAction']>>, refusal?: RefusalAt): Promise<Reply[]>;
}

/** Where a refused click is drawn (a step id, or PEOPLE_SECTION), and what follows its reason. */
export interface RefusalAt {
  at: string;
  /** Added after the reason (the refused note, shown back to copy). */
  suffix?: string;
}

/** The plan redrawn with the reason at `at`, and the step it names, for the clicker alone. */
export function refusedOn(rollout: Rollout, events: RolloutEvent[], at: string, text: string, nowMs?: number): RefusedOn {
  const on: RefusedOn = { rollout, cards: [drawPlanCard(rollout, events, { refusal: { at, text }, ...(nowMs !== undefined ? { nowMs } : {}) })] };
  const step = rollout.plan.steps.find((s) => s.id === at);
  if (step) on.step = { number: stepNumber(rollout.plan, step.id), title: t(rollout.locale, step.title) };
  return on;
}

export function createCardActions(deps: CardActionDeps) {
  const { store } = deps;
  const unknownRollout = (inbound: Inbound, locale: Locale): Reply[] => [
    { type: 'refused', text: t(locale, 'card.error.unknownRollout', { where: whereFor(locale, inbound) }) },
  ];

  /** The step's full text, its status and its FACTS ids, privately. */
  async function details(inbound: Inbound, locale: Locale, payload: DetailsPayload): Promise<Reply[]> {
    const snapshot = await store.getRollout(inbound.scope, payload.r);
    if (!snapshot) return unknownRollout(inbound, locale);
    const card = drawStepDetails(snapshot.rollout, snapshot.events, payload.s);
    if (!card) return [{ type: 'refused', text: t(locale, 'rollout.refused.unknown-step') }];
    return [{ type: 'private', card }];
  }

  /**
   * "Who may act", picked on the card. People the platform could not name are looked
   * for among the operators already chosen (a picker shows them preselected by the id
   * the rollout keeps); anyone still unknown makes the choice fail, as an unlinked
   * name does in the typed command.
   */
  async function operators(inbound: Inbound, locale: Locale, payload: OperatorsPayload, input: ActionInput): Promise<Reply[]> {
    const snapshot = await store.getRollout(inbound.scope, payload.r);
    if (!snapshot) return unknownRollout(inbound, locale);
    const { rollout, events } = snapshot;
    const apply = (chosen: UserRef[]) =>
      store.applyAction(inbound.scope, rollout.id, { verb: 'set-operators', operators: chosen, actor: inbound.user, actionKey: input.actionKey }, deps.now());
    const here = { at: PEOPLE_SECTION };
    // Someone else's choice is refused by the rules, whatever it names.
    if (payload.v === 'anyone' || inbound.user.id !== rollout.owner.id) return deps.actionReplies(inbound, locale, await apply([]), here);
    const known = new Map(deriveRolloutState(rollout.plan, events).operators.map((o) => [o.id, o]));
    const picked = input.people ?? { found: [], unknownIds: [] };
    const named = [...picked.found, ...picked.unknownIds.flatMap((id) => known.get(id) ?? [])];
    const unnamed = picked.unknownIds.filter((id) => !known.has(id));
    // The words the typed command would have: each person as a mention, named or not (so too many is "too many").
    const words = [...named.map((p) => `@${p.name}`), ...unnamed.map((id) => `@${id}`)].join(' ');
    const choice = readOperators(words, named, rollout.owner);
    if (!choice.ok) {
      const text = t(locale, choice.reason, { where: where(locale, rollout.place) });
      return [{ type: 'refused', text, on: refusedOn(rollout, events, PEOPLE_SECTION, text, deps.now().getTime()) }];
    }
    return deps.actionReplies(inbound, locale, await apply(choice.operators), here);
  }

  return { details, operators };
}
