/**
 * Typed commands on a posted campaign, the same on every platform:
 * - "release wave 2 <reason>" / "release EXCH2 <reason>" (vrijgeven): the owner lets
 *   waiting servers start early (also the campaign card's "Release wave 2…" form, `clicked`); each release is its own action on that server's
 *   rollout, decided and recorded in its transaction (src/campaign/gate.ts);
 * - "confirm EXCH1 3", "skip EXCH1 4 <reason>", "confirm shared 1" (bevestig gedeeld 1):
 *   a step command naming its server, or the campaign's shared steps;
 * - a bare "confirm 3" where the channel's latest rollout is a campaign's: which
 *   server? (answered with the servers to choose from; nothing is recorded).
 * The campaign is the one of the rollout the person picked (the console's `use`), or of
 * the channel's latest open rollout.
 */
import { randomUUID } from 'node:crypto';
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { cleanName, sameServer } from '../../conversations/campaign/words';
import { readOperators } from '../../conversations/interview/operators';
import type { Rollout, Scope, UserRef } from '../rollout/model';
import type { Store } from '../store/store';
import type { StepCommands } from './step-commands';
import { parseStepCommand, type StepCommand } from './step-words';
import { textCard, whereFor } from './text-reply';
import { formatRef } from '../rollout/short-ref';
import type { ActionInput, Inbound, Reply } from './types';
import type { ActionPayload } from '../cards/actions';
import type { CampaignMember, CampaignView } from '../campaign/model';
import { withoutCommandName } from '../../conversations/command';

const RELEASE = /^(?:release|vrijgeven)(?![\w-])\s*([\s\S]*)$/i;
const WAVE = /^(?:wave|golf)\s+(\d{1,2})(?![\w-])\s*([\s\S]*)$/i;
const SHARED = new Set(['shared', 'gedeeld', 'gedeelde']);
/** "<verb> <server> <rest>": the verb is checked by parseStepCommand. */
const NAMED = /^(\S+)\s+(\S+)\s+(\S[\s\S]*)$/;

export interface CampaignCommandDeps {
  store: Store;
  now: () => Date;
  /** The channel's open, posted rollouts, most recent first. */
  posted(scope: Scope): Promise<Rollout[]>;
  steps: StepCommands;
  localeFor(inbound: Inbound): Promise<Locale>;
}

export interface CampaignCommands {
  /** "Release wave 2…" on the campaign card, with the reason typed in its form: the typed command's release. */
  clicked(inbound: Inbound, locale: Locale, payload: Extract<ActionPayload, { k: 'release' }>, input: ActionInput): Promise<Reply[]>;
  /** The campaign's answer to a typed command, or undefined when the text is not about a campaign. */
  typed(inbound: Inbound, text: string, pinned?: string): Promise<Reply[] | undefined>;
  /**
   * "operators @a @b" when the person's latest open rollout belongs to a campaign: who may
   * act on every rollout of it (its open servers and shared steps), one action each.
   * Undefined when it does not belong to one.
   */
  operators(inbound: Inbound, mentions: UserRef[], rest: string): Promise<Reply[] | undefined>;
}

/** A step command that names a server or the shared steps: "confirm EXCH1 3 <note>". */
function namedStep(text: string): { target: string; command: StepCommand } | undefined {
  const plain = parseStepCommand(text);
  if (!plain || plain.number !== undefined) return undefined;
  const match = NAMED.exec(withoutCommandName(text));
  if (!match) return undefined;
  const command = parseStepCommand(`${match[1]} ${match[3]}`);
  return command?.number !== undefined ? { target: cleanName(match[2]), command } : undefined;
}

export function createCampaignCommands(deps: CampaignCommandDeps): CampaignCommands {
  const { store } = deps;
  const refused = (text: string): Reply[] => [{ type: 'refused', text }];
  const names = (view: CampaignView) => view.members.map((m) => m.server).join(', ');

  async function campaignHere(inbound: Inbound, pinned: string | undefined): Promise<CampaignView | undefined> {
    const id = pinned ?? (await deps.posted(inbound.scope))[0]?.id;
    return id ? store.campaignOf(inbound.scope, id) : undefined;
  }

  async function release(inbound: Inbound, locale: Locale, view: CampaignView, rest: string): Promise<Reply[]> {
    const wave = WAVE.exec(rest);
    const word = wave ? undefined : /^(\S+)\s*([\s\S]*)$/.exec(rest);
    if (!wave && !word) return refused(t(locale, 'campaign.command.releaseUsage'));
    const targets = wave ? view.members.filter((m) => m.wave === Number(wave[1])) : view.members.filter((m) => sameServer(m.server, cleanName(word![1])));
    if (targets.length === 0) {
      if (wave) return refused(t(locale, msg('campaign.command.noWave', { ref: formatRef(view.ref), wave: wave[1] })));
      return refused(t(locale, msg('campaign.command.unknownServer', { ref: formatRef(view.ref), name: cleanName(word![1]), names: names(view) })));
    }
    const note = (wave ? wave[2] : word![2]).trim();
    return releaseMembers(inbound, locale, wave ? waitingOf(targets) : targets, note, randomUUID());
  }

  /** A wave: its servers that still wait; when none does, the first one says why in the store's words. */
  const waitingOf = (targets: CampaignMember[]) => {
    const waiting = targets.filter((m) => !m.completed && !m.released);
    return waiting.length ? waiting : [targets[0]];
  };

  /** Each server released by its own action, decided and recorded in its transaction. */
  async function releaseMembers(inbound: Inbound, locale: Locale, targets: CampaignMember[], note: string, key: string): Promise<Reply[]> {
    const released: string[] = [];
    const refusals: string[] = [];
    for (const member of targets) {
      const result = await store.applyAction(inbound.scope, member.rolloutId, { verb: 'release', actor: inbound.user, note, actionKey: `${key}:${member.position}` }, deps.now());
      if (result.outcome === 'recorded') released.push(member.server);
      else if (result.outcome === 'refused') refusals.push(t(locale, result.reason));
      else if (result.outcome === 'not-found') refusals.push(t(locale, 'card.error.unknownRollout', { where: whereFor(locale, inbound) }));
    }
    if (released.length === 0) return refused(refusals[0] ?? t(locale, 'campaign.command.releaseUsage'));
    const done = textCard(t(locale, msg('campaign.command.released', { servers: released.join(', ') })));
    return refusals.length ? [done, ...refused(refusals.join('\n'))] : [done];
  }

  return {
    async clicked(inbound, locale, payload, input) {
      // The campaign card's own hub, in this channel; a value naming anything else is not ours to act on.
      const view = await store.campaignOf(inbound.scope, payload.r);
      if (!view || view.id !== payload.r) return refused(t(locale, 'card.error.unknownRollout', { where: whereFor(locale, inbound) }));
      const targets = view.members.filter((m) => m.wave === payload.w);
      if (targets.length === 0) return refused(t(locale, msg('campaign.command.noWave', { ref: formatRef(view.ref), wave: payload.w })));
      // The click's key: the same form submitted twice records once.
      return releaseMembers(inbound, locale, waitingOf(targets), input.text ?? '', input.actionKey);
    },

    async operators(inbound, mentions, rest) {
      const mine = (await deps.posted(inbound.scope)).find((r) => r.owner.id === inbound.user.id);
      const view = mine ? await store.campaignOf(inbound.scope, mine.id) : undefined;
      if (!view) return undefined;
      const locale = await deps.localeFor(inbound);
      const choice = readOperators(rest, mentions, inbound.user);
      if (!choice.ok) return refused(t(locale, choice.reason, { where: whereFor(locale, inbound) }));
      const key = randomUUID();
      const open = view.members.filter((m) => !m.completed).map((m) => m.rolloutId);
      let changed = 0;
      for (const id of [view.id, ...open]) {
        const result = await store.applyAction(inbound.scope, id, { verb: 'set-operators', operators: choice.operators, actor: inbound.user, actionKey: `${key}:${id}` }, deps.now());
        // The shared steps may be finished already; the servers still open are what matters.
        if (result.outcome === 'recorded') changed++;
        else if (result.outcome === 'refused' && id !== view.id) return refused(t(locale, result.reason));
      }
      if (changed === 0) return refused(t(locale, 'card.error.noRollout', { where: whereFor(locale, inbound) }));
      const names = choice.operators.map((o) => o.name).join(', ');
      const ref = formatRef(view.ref);
      const text = choice.operators.length ? msg('card.operators.set', { names, ref }) : msg('card.operators.anyone', { ref, where: whereFor(locale, inbound) });
      return [textCard(t(locale, text))];
    },

    async typed(inbound, text, pinned) {
      const releasing = RELEASE.exec(withoutCommandName(text));
      const named = releasing ? undefined : namedStep(text);
      const bare = releasing || named ? undefined : parseStepCommand(text);
      // A bare number names no rollout: in a campaign, which server? ("confirm #42 3" names one.)
      if (!releasing && !named && (bare?.number === undefined || bare.ref !== undefined || pinned)) return undefined;
      const view = await campaignHere(inbound, pinned);
      if (!view) {
        // No campaign here: a bare step command is the rollout's; the others are said to have nothing to act on.
        if (bare) return undefined;
        return releasing ? refused(t(await deps.localeFor(inbound), 'campaign.command.noCampaign')) : undefined;
      }
      const locale = await deps.localeFor(inbound);
      if (releasing) return release(inbound, locale, view, releasing[1].trim());
      if (named) {
        const target = SHARED.has(named.target.toLowerCase()) ? view.id : view.members.find((m) => sameServer(m.server, named.target))?.rolloutId;
        if (!target) return refused(t(locale, msg('campaign.command.unknownServer', { ref: formatRef(view.ref), name: named.target, names: names(view) })));
        return deps.steps.typed(inbound, locale, named.command, randomUUID(), target);
      }
      const first = view.members[0]?.server ?? '';
      return refused(t(locale, msg('campaign.command.which', { ref: formatRef(view.ref), server: first, number: bare?.number ?? '1', names: names(view) })));
    },
  };
}
