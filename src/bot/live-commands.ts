/**
 * The live record's typed commands (live-words.ts), answered for the person who typed
 * them; each recorded through the store like a click (one transaction, the rules in
 * src/rollout/decide.ts), so its thread line and redraw come from the outbox.
 * - assign and limit act on a step of the channel's latest open rollout (or the one the
 *   console picked with `use`), like "confirm 3";
 * - restrict, window and notify are the owner's: they act on the person's own latest
 *   open rollout in the channel, like `operators`;
 * - mine lists the person's steps across the workspace.
 */
import { randomUUID } from 'node:crypto';
import { msg, t } from '../../conversations/strings';
import { tOn } from '../../conversations/strings/platform';
import type { Locale } from '../../conversations/types';
import { ME_WORDS, NOBODY_WORDS, OFF_WORDS } from '../../conversations/live/words';
import { windowText } from '../cards/live-lines';
import type { StakeholderChannel } from '../rollout/live-model';
import type { ActionResult, Rollout, RolloutAction, RolloutSnapshot, Scope, UserRef } from '../rollout/model';
import { readWindow } from '../rollout/window';
import type { Store } from '../store/store';
import type { LiveCommand } from './live-words';
import { drawMyStepsCard, MAX_MY_ROLLOUTS } from '../cards/mine';
import { textCard, whereFor } from './text-reply';
import { formatRef } from '../rollout/short-ref';
import type { Card } from '../cards/model';
import type { Inbound, MessageInput, Reply } from './types';

export interface LiveCommandDeps {
  store: Store;
  now: () => Date;
  /** The channel's open, posted rollouts, most recent first. */
  posted(scope: Scope): Promise<Rollout[]>;
  actionReplies(inbound: Inbound, locale: Locale, result: ActionResult): Promise<Reply[]>;
  /** A rollout of this scope by id or short reference ("#42"). */
  findRollout(scope: Scope, idOrRef: string): Promise<RolloutSnapshot | undefined>;
}

export interface LiveCommands {
  handle(inbound: Inbound, locale: Locale, input: MessageInput, command: LiveCommand): Promise<Reply[]>;
  mySteps(inbound: Inbound, locale: Locale): Promise<Card>;
}

const refused = (text: string): Reply[] => [{ type: 'refused', text }];

/** The one person named: a mention, "me", or "nobody" (null); undefined when that is not clear. */
function readAssignee(who: string, mentions: UserRef[], me: UserRef): UserRef | null | undefined {
  const word = who.trim().toLowerCase();
  if (ME_WORDS.includes(word)) return me;
  if (NOBODY_WORDS.includes(word)) return null;
  const named = mentions.filter((m) => who.includes(`@${m.name}`));
  return named.length === 1 && who.replace(`@${named[0].name}`, '').trim() === '' ? named[0] : undefined;
}

export function createLiveCommands(deps: LiveCommandDeps): LiveCommands {
  const { store, now } = deps;

  async function record(inbound: Inbound, locale: Locale, rollout: Rollout, action: RolloutAction, confirmation?: string): Promise<Reply[]> {
    const result = await store.applyAction(inbound.scope, rollout.id, action, now());
    const replies = await deps.actionReplies(inbound, locale, result);
    return result.outcome === 'recorded' && confirmation ? [textCard(confirmation), ...replies] : replies;
  }

  /** The rollout a step command acts on: the one named ("#42") or picked (console `use`), else the channel's latest. */
  async function channelRollout(inbound: Inbound, named: string | undefined): Promise<Rollout | undefined> {
    if (named) return (await deps.findRollout(inbound.scope, named))?.rollout;
    return (await deps.posted(inbound.scope))[0];
  }

  /** The person's own rollout for owner settings: the one named or picked if theirs, else their latest in the channel. */
  async function ownRollout(inbound: Inbound, named: string | undefined): Promise<Rollout | undefined> {
    const candidates = named ? [(await deps.findRollout(inbound.scope, named))?.rollout] : await deps.posted(inbound.scope);
    return candidates.find((r): r is Rollout => r !== undefined && r.status === 'active' && r.owner.id === inbound.user.id);
  }

  function stepOf(rollout: Rollout, number: string | undefined) {
    const index = Number(number);
    return Number.isInteger(index) && index >= 1 ? rollout.plan.steps[index - 1] : undefined;
  }

  const noSuchStep = (locale: Locale, rollout: Rollout, number: string) =>
    refused(t(locale, msg('rollout.command.no-such-step', { number: number.slice(0, 12), title: t(locale, rollout.plan.title), ref: formatRef(rollout.ref), total: rollout.plan.steps.length })));

  async function mySteps(inbound: Inbound, locale: Locale): Promise<Card> {
    const { platform, workspace } = inbound.scope;
    const open = (await store.listRollouts({ platform, workspace }, { status: 'active', limit: MAX_MY_ROLLOUTS * 5 })).filter((r) => r.messages.length > 0);
    const snapshots = await Promise.all(open.map((r) => store.getRollout(r.scope, r.id)));
    return drawMyStepsCard(locale, inbound.user, snapshots.filter((s): s is NonNullable<typeof s> => Boolean(s)));
  }

  async function handle(inbound: Inbound, locale: Locale, input: MessageInput, command: LiveCommand): Promise<Reply[]> {
    const base = { actor: inbound.user, actionKey: randomUUID() };
    switch (command.command) {
      case 'mine':
        return [{ type: 'private', card: await mySteps(inbound, locale) }];
      case 'assign':
      case 'limit': {
        const named = command.ref ?? input.rollout;
        const rollout = await channelRollout(inbound, named);
        if (!rollout) return refused(named ? t(locale, 'card.error.unknownRollout', { where: whereFor(locale, inbound) }) : tOn(inbound.scope.platform, locale, msg('rollout.command.no-rollout', { where: whereFor(locale, inbound) })));
        if (command.number === undefined) return refused(t(locale, command.command === 'assign' ? 'live.assign.usage' : 'live.limit.usage'));
        const step = stepOf(rollout, command.number);
        if (!step) return noSuchStep(locale, rollout, command.number);
        if (command.command === 'limit') {
          if (command.minutes === undefined) return refused(t(locale, 'live.limit.usage'));
          const confirmation = command.minutes === null ? undefined : t(locale, msg('live.limit.set', { step: command.number, id: formatRef(rollout.ref), minutes: command.minutes }));
          return record(inbound, locale, rollout, { ...base, verb: 'set-limit', stepId: step.id, minutes: command.minutes }, confirmation);
        }
        if (!command.who) return refused(t(locale, 'live.assign.usage'));
        const assignee = readAssignee(command.who, input.mentions ?? [], inbound.user);
        if (assignee === undefined) return refused(t(locale, msg('live.assign.unknown', { names: `"${command.who.slice(0, 40)}"` })));
        return record(inbound, locale, rollout, { ...base, verb: 'assign', stepId: step.id, assignee });
      }
      case 'restrict':
      case 'window':
      case 'notify': {
        const rollout = await ownRollout(inbound, command.ref ?? input.rollout);
        if (!rollout) return refused(t(locale, 'live.noOwnRollout'));
        if (command.command === 'restrict') {
          if (command.on === undefined) return refused(t(locale, 'live.restrict.usage'));
          const confirmation = t(locale, msg(command.on ? 'live.restrict.on' : 'live.restrict.off', { id: formatRef(rollout.ref) }));
          return record(inbound, locale, rollout, { ...base, verb: 'restrict', on: command.on }, confirmation);
        }
        if (command.command === 'window') {
          const reading = readWindow(command.rest, now().getTime(), inbound.timeZone);
          if (!reading.ok) return refused(t(locale, reading.reason));
          const confirmation = reading.window
            ? t(locale, msg('live.window.set', { id: formatRef(rollout.ref), window: windowText(locale, reading.window) }))
            : t(locale, msg('live.window.removed', { id: formatRef(rollout.ref) }));
          return record(inbound, locale, rollout, { ...base, verb: 'set-window', window: reading.window }, confirmation);
        }
        const channel = readStakeholders(command.rest, input.channels ?? []);
        if (channel === undefined) return refused(t(locale, 'live.notify.usage'));
        const confirmation = channel
          ? t(locale, msg('live.notify.set', { channel: channel.name, id: formatRef(rollout.ref) }))
          : t(locale, msg('live.notify.off', { id: formatRef(rollout.ref) }));
        return record(inbound, locale, rollout, { ...base, verb: 'notify', channel }, confirmation);
      }
    }
  }

  return { handle, mySteps };
}

/** "#change-board" as the adapter resolved it, or "off" (null); undefined otherwise. */
function readStakeholders(rest: string, channels: { id: string; name: string }[]): StakeholderChannel | null | undefined {
  const word = rest.trim().toLowerCase();
  if (OFF_WORDS.includes(word)) return null;
  const named = channels.filter((c) => rest.includes(`#${c.name}`));
  if (named.length !== 1 || rest.replace(`#${named[0].name}`, '').trim() !== '') return undefined;
  return { id: named[0].id, name: named[0].name };
}
