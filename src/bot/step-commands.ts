/**
 * Step actions, clicked or typed, the same way on every platform. A click names its
 * rollout and step; a typed command ("confirm 3") names a step by its number on the
 * channel's latest open rollout (or the one the console user picked with `use`).
 * Both go through `applyStep`, which adds two things to the store's rules:
 * - a refused skip of a step that protects data is remembered for a few minutes, so
 *   skipping it again (a second click, or "skip 2 anyway") goes through;
 * - a refused action that carried a note shows the note back to its writer, who can
 *   copy it instead of typing it again.
 */
import { msg, t, where } from '../../conversations/strings';
import { tOn } from '../../conversations/strings/platform';
import type { Locale } from '../../conversations/types';
import { isSkipRiskRefusal } from '../../conversations/plan/protective';
import { SKIP_ANYWAY_MINUTES } from '../rollout/decide';
import type { ActionResult, Rollout, RolloutSnapshot, Scope, StepVerb } from '../rollout/model';
import { formatRef } from '../rollout/short-ref';
import type { Store } from '../store/store';
import { whereFor } from './text-reply';
import type { Inbound, Reply } from './types';
import type { StepCommand } from './step-words';
import type { RefusalAt } from './card-actions';

/** Longest note shown back in a refusal (Slack shows at most 3,000 characters in a reply). */
const MAX_ECHO = 2000;

export interface StepCommandDeps {
  store: Store;
  now: () => Date;
  /** The channel's open, posted rollouts, most recent first. */
  posted(scope: Scope): Promise<Rollout[]>;
  /** The core's replies to a store result (redraw, refusal; drawn at `refusal.at` for a click). */
  actionReplies(inbound: Inbound, locale: Locale, result: ActionResult, refusal?: RefusalAt): Promise<Reply[]>;
  /** A rollout by its long id or its short reference ("#42"), in this scope only. */
  findRollout(scope: Scope, idOrRef: string): Promise<RolloutSnapshot | undefined>;
}

export interface StepRequest {
  rolloutId: string;
  stepId: string;
  verb: StepVerb;
  note?: string;
  actionKey: string;
  /** Typed "anyway": skip a protective step without being asked again. */
  anyway?: boolean;
  /** Clicked on the card (not typed): a refusal is drawn next to the step. */
  clicked?: boolean;
}

export interface StepCommands {
  apply(inbound: Inbound, locale: Locale, request: StepRequest): Promise<Reply[]>;
  /** A typed step command; `rolloutId` is the rollout the person picked (an id or "#42"), if any. */
  typed(inbound: Inbound, locale: Locale, command: StepCommand, actionKey: string, rolloutId?: string): Promise<Reply[]>;
}

interface SkipWarning {
  at: string;
  actionKey: string;
}

export function createStepCommands(deps: StepCommandDeps): StepCommands {
  const { store, now } = deps;
  const refused = (text: string): Reply[] => [{ type: 'refused', text }];

  const warningKey = (inbound: Inbound, request: StepRequest) =>
    ['skip-warned', inbound.scope.platform, inbound.scope.workspace, inbound.scope.channel, request.rolloutId, request.stepId, inbound.user.id].join(':');

  /** True when this person was told the risk of skipping this step, by another action, minutes ago. */
  async function warnedBefore(key: string, actionKey: string): Promise<boolean> {
    const warning = (await store.getSetting(key)) as Partial<SkipWarning> | undefined;
    if (!warning || typeof warning.at !== 'string' || warning.actionKey === actionKey) return false;
    const age = now().getTime() - Date.parse(warning.at);
    return age >= 0 && age <= SKIP_ANYWAY_MINUTES * 60_000;
  }

  async function apply(inbound: Inbound, locale: Locale, request: StepRequest): Promise<Reply[]> {
    const key = request.verb === 'skip' ? warningKey(inbound, request) : undefined;
    const riskAccepted = key ? request.anyway === true || (await warnedBefore(key, request.actionKey)) : false;
    const result = await store.applyAction(
      inbound.scope,
      request.rolloutId,
      {
        verb: request.verb,
        stepId: request.stepId,
        actor: inbound.user,
        note: request.note,
        actionKey: request.actionKey,
        ...(riskAccepted ? { riskAccepted } : {}),
      },
      now(),
    );
    if (key && result.outcome === 'refused' && isSkipRiskRefusal(result.reason.key)) {
      const warning: SkipWarning = { at: now().toISOString(), actionKey: request.actionKey };
      await store.putSetting(key, warning);
    }
    if (key && riskAccepted && result.outcome === 'recorded') await store.deleteSetting(key);
    // Whatever the reason, the writer of a refused note gets their text back to copy.
    const note = request.note?.trim();
    const shown = note && note.length > MAX_ECHO ? `${note.slice(0, MAX_ECHO)}…` : note;
    const suffix = shown ? `\n\n${t(locale, msg('rollout.note.yours', { note: shown }))}` : '';
    if (request.clicked) return deps.actionReplies(inbound, locale, result, { at: request.stepId, suffix });
    const replies = await deps.actionReplies(inbound, locale, result);
    return suffix ? replies.map((r) => (r.type === 'refused' ? { ...r, text: `${r.text}${suffix}` } : r)) : replies;
  }

  async function typed(inbound: Inbound, locale: Locale, command: StepCommand, actionKey: string, rolloutId?: string): Promise<Reply[]> {
    let rollout: Rollout | undefined;
    const here = whereFor(locale, inbound);
    // "confirm #42 3" names its rollout; else the one the person picked; else the latest.
    const named = command.ref ?? rolloutId;
    if (named) {
      rollout = (await deps.findRollout(inbound.scope, named))?.rollout;
      if (!rollout) return refused(t(locale, 'card.error.unknownRollout', { where: here }));
    } else {
      rollout = (await deps.posted(inbound.scope))[0];
      if (!rollout) return refused(tOn(inbound.scope.platform, locale, msg('rollout.command.no-rollout', { where: here })));
    }
    if (command.number === undefined) return refused(t(locale, command.verb === 'take' ? 'live.take.usage' : 'rollout.command.usage'));
    const index = Number(command.number);
    const step = Number.isInteger(index) && index >= 1 ? rollout.plan.steps[index - 1] : undefined;
    if (!step) {
      const params = { number: command.number.slice(0, 12), title: t(locale, rollout.plan.title), ref: formatRef(rollout.ref), total: rollout.plan.steps.length };
      return refused(t(locale, msg('rollout.command.no-such-step', params)));
    }
    return apply(inbound, locale, {
      rolloutId: rollout.id,
      stepId: step.id,
      verb: command.verb,
      actionKey,
      ...(command.note ? { note: command.note } : {}),
      ...(command.anyway ? { anyway: true } : {}),
    });
  }

  return { apply, typed };
}
