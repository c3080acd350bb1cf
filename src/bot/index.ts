/**
 * The core that every adapter calls (src/bot/types.ts): runs the dialog engine for
 * messages and interview clicks, turns a confirmed interview into a durable rollout,
 * and applies step actions through the store (one transaction each). It answers
 * with neutral replies; adapters carry them out on their platform. Where a platform
 * cannot reply privately in a channel, an interview started there is answered in the
 * person's personal chat (interview-home.ts).
 */
import { randomUUID } from 'node:crypto';
import { msg, t, where } from '../../conversations/strings';
import { tOn } from '../../conversations/strings/platform';
import type { Locale } from '../../conversations/types';
import type { DialogEvent } from '../interview/types';
import { clickEvent } from '../interview/click-event';
import type { Rollout, RolloutEvent, RolloutSnapshot, Scope, UserRef } from '../rollout/model';
import { formatRef, parseRef } from '../rollout/short-ref';
import type { Store } from '../store/store';
import { deriveRolloutState } from '../rollout/status';
import { silentLogger, type Logger } from '../runtime/log';
import type { Bot, Inbound, MessageInput, Reply } from './types';
import { readOperators } from '../../conversations/interview/operators';
import { createStoreDialogs, dialogKey, type DialogStateStore } from '../interview/state-store';
import { parseChannelCommand } from './words';
import { createPreferences } from './preferences';
import { createStepCommands } from './step-commands';
import { parseStepCommand } from './step-words';
import { createChannelReplies } from './channel-replies';
import { createCardActions, refusedOn, type RefusalAt } from './card-actions';
import { createInterviewHomes } from './interview-home';
import { textCard, whereFor } from './text-reply';
import { createLiveCommands } from './live-commands';
import { parseLiveCommand } from './live-words';
import { createCampaignInterviews } from './campaign-interview';
import { createCampaignCommands } from './campaign-commands';
import { drawRolloutCards } from '../cards/campaign';
import { withoutCommandName } from '../../conversations/command';
import { createInterviewRunner, isStaleInterviewClick } from './interview-runner';

export interface BotOptions {
  store: Store;
  logger?: Logger;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Where interviews wait between answers; default: the store (24 h TTL), so a
   * half-finished interview survives a restart on SQLite as on Postgres.
   */
  dialogs?: DialogStateStore;
}

export const DIALOG_TTL_SECONDS = 24 * 60 * 60;

export function createBot(options: BotOptions): Bot {
  const { store } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const dialogs = options.dialogs ?? createStoreDialogs(store, DIALOG_TTL_SECONDS, logger);
  const preferences = createPreferences(store);
  const homes = createInterviewHomes(store, dialogs, DIALOG_TTL_SECONDS);
  const campaigns = createCampaignInterviews({ store, dialogs, homes, logger });
  const runDialog = createInterviewRunner({ store, dialogs, homes, campaigns, preferences, now, logger });

  /** Any failure becomes a clear "try again" for the user; details go to the log only. */
  async function guarded(inbound: Inbound, work: () => Promise<Reply[]>): Promise<Reply[]> {
    try {
      return await work();
    } catch (error) {
      logger.error('could not handle a request', { scope: inbound.scope, error: String(error) });
      const locale = inbound.locale ?? 'en';
      return [{ type: 'refused', text: t(locale, 'card.error.unavailable') }];
    }
  }

  /** Open rollouts that made it into the channel (a failed post leaves one without messages). */
  async function posted(scope: Scope): Promise<Rollout[]> {
    return (await store.listRollouts(scope, { status: 'active', limit: 20 })).filter((r) => r.messages.length > 0);
  }

  /** A rollout named by its long id or its short reference ("#42"), in this scope only. */
  async function findRollout(scope: Scope, idOrRef: string): Promise<RolloutSnapshot | undefined> {
    const ref = parseRef(idOrRef);
    return ref !== undefined ? store.getRolloutByRef(scope, ref) : store.getRollout(scope, idOrRef);
  }

  async function setOperators(inbound: Inbound, input: MessageInput, rest: string): Promise<Reply[]> {
    const locale = await preferences.localeFor(inbound);
    const mine = (await posted(inbound.scope)).find(
      (r) => r.owner.id === inbound.user.id,
    );
    const here = whereFor(locale, inbound);
    if (!mine) return [{ type: 'refused', text: t(locale, 'card.error.noRollout', { where: here }) }];
    // Nothing widens access but the word "anyone" itself (see readOperators).
    const choice = readOperators(rest, input.mentions ?? [], inbound.user);
    if (!choice.ok) return [{ type: 'refused', text: t(locale, choice.reason, { where: here }) }];
    const operators: UserRef[] = choice.operators;
    const result = await store.applyAction(
      inbound.scope,
      mine.id,
      { verb: 'set-operators', operators, actor: inbound.user, actionKey: randomUUID() },
      now(),
    );
    const replies = await actionReplies(inbound, locale, result);
    const names = operators.map((o) => o.name).join(', ');
    const confirmation = operators.length
      ? t(locale, msg('card.operators.set', { names, ref: formatRef(mine.ref) }))
      : t(locale, msg('card.operators.anyone', { ref: formatRef(mine.ref), where: here }));
    return result.outcome === 'recorded' ? [textCard(confirmation), ...replies] : replies;
  }

  /**
   * The core's replies to a store result. A refused click (`refusal` says where it
   * was) also carries the plan drawn with the reason there, for the clicker alone.
   */
  async function actionReplies(
    inbound: Inbound,
    locale: Locale,
    result: Awaited<ReturnType<Store['applyAction']>>,
    refusal?: RefusalAt,
  ): Promise<Reply[]> {
    switch (result.outcome) {
      case 'not-found':
        return channel.unknownRollout(inbound, locale);
      case 'refused': {
        const text = `${t(locale, result.reason, { where: where(locale, result.rollout.place) })}${refusal?.suffix ?? ''}`;
        if (!refusal) return [{ type: 'refused', text }];
        const on = refusedOn(result.rollout, result.events, refusal.at, text, now().getTime());
        // A campaign's rollout is drawn as its card (a server's with its campaign line).
        if (result.campaign) on.cards = drawRolloutCards(result.rollout, result.events, result.campaign, { refusal: { at: refusal.at, text }, nowMs: now().getTime() });
        return [{ type: 'refused', text, on }];
      }
      case 'duplicate':
      case 'recorded': {
        // Only for an immediate answer to the clicker; the channel's copy comes from the outbox.
        const { rollout, events } = result;
        if (result.outcome === 'recorded') logger.debug('rollout action recorded', { id: rollout.id, events: result.recorded.map((e) => e.type) });
        const { campaign } = result;
        return [{ type: 'update-plan', rollout, cards: () => drawRolloutCards(rollout, events, campaign, { nowMs: now().getTime() }) }];
      }
    }
  }

  const steps = createStepCommands({ store, now, posted, actionReplies, findRollout });
  const campaignCommands = createCampaignCommands({ store, now, posted, steps, localeFor: (inbound) => preferences.localeFor(inbound) });
  const cardActions = createCardActions({ store, now, actionReplies });
  const channel = createChannelReplies({ store, now, localeFor: (inbound) => preferences.localeFor(inbound), posted, findRollout });
  const live = createLiveCommands({ store, now, posted, actionReplies, findRollout });

  return {
    handleMessage: (inbound, input) =>
      guarded(inbound, async () => {
        const text = input.text.trim();
        let home = await homes.homeOf(inbound);
        let state = await dialogs.load(dialogKey(home.scope, home.user));
        const command = parseChannelCommand(text);
        // Channel commands and step commands are about the conversation they are typed in.
        if (command?.command === 'status') return channel.status(inbound, command.rest);
        if (command?.command === 'export') return channel.exportLog(inbound, command.rest);
        if (command?.command === 'operators' && !state) {
          // A campaign's owner names the operators of every server at once.
          const forCampaign = await campaignCommands.operators(inbound, input.mentions ?? [], command.rest);
          return forCampaign ?? setOperators(inbound, input, command.rest);
        }
        // A campaign's commands ("release wave 2 <reason>", "confirm EXCH1 3") name what they act on.
        const forCampaign = await campaignCommands.typed(inbound, text, input.rollout);
        if (forCampaign) return forCampaign;
        // The live record's commands; a window typed during an interview is the interview's.
        const liveCommand = parseLiveCommand(text);
        if (liveCommand && !(state && liveCommand.command === 'window')) {
          return live.handle(inbound, await preferences.localeFor(inbound), input, liveCommand);
        }
        // "confirm 3" acts on the channel's rollout; a bare "confirm" in an interview is the interview's.
        const step = parseStepCommand(text);
        if (step && (step.number !== undefined || !state)) {
          return steps.typed(inbound, await preferences.localeFor(inbound), step, randomUUID(), input.rollout);
        }
        if (input.isCommand && home !== inbound) {
          // `exchange-sp` typed in the personal chat: the personal chat's own interview.
          await homes.startHere(inbound);
          home = inbound;
          state = await dialogs.load(dialogKey(home.scope, home.user));
        }
        const event: DialogEvent =
          !state || input.isCommand
            ? { type: 'start', text: withoutCommandName(text), mentions: input.mentions }
            : { type: 'text', text, mentions: input.mentions };
        return runDialog(home, state, event, randomUUID(), inbound.conversation === 'shared' && event.type === 'start');
      }),

    handleAction: (inbound, input) =>
      guarded(inbound, async () => {
        const { payload } = input;
        const locale = await preferences.localeFor(inbound);
        if (payload.k === 'step') {
          // A click: a refusal is drawn next to the step that was clicked.
          const request = { rolloutId: payload.r, stepId: payload.s, verb: payload.v, actionKey: input.actionKey, clicked: true };
          return steps.apply(inbound, locale, input.text !== undefined ? { ...request, note: input.text } : request);
        }
        if (payload.k === 'details') return cardActions.details(inbound, locale, payload);
        if (payload.k === 'release') return campaignCommands.clicked(inbound, locale, payload, input);
        if (payload.k === 'operators') return cardActions.operators(inbound, locale, payload, input);
        if (input.cardFor && input.cardFor.id !== inbound.user.id) {
          // A teammate's interview card: theirs alone to answer, whatever state the clicker has.
          const owner = input.cardFor.name;
          return [{ type: 'refused', text: tOn(inbound.scope.platform, locale, msg('reach.interview.someoneElses', { owner })) }];
        }
        const home = await homes.homeOf(inbound);
        const state = await dialogs.load(dialogKey(home.scope, home.user));
        if (!state && isStaleInterviewClick(payload)) {
          // A second click on "Post plan", or a click on a card of an expired interview.
          return [textCard(tOn(inbound.scope.platform, locale, 'card.interview.ended'))];
        }
        if (payload.k === 'lang') await preferences.setLocale(inbound, payload.l);
        return runDialog(home, state, clickEvent(payload, input.text), input.actionKey, false);
      }),

    async planNotPosted(scope, rolloutId) {
      if (await campaigns.notPosted(scope, rolloutId)) return;
      const snapshot = await store.getRollout(scope, rolloutId);
      if (!snapshot || snapshot.rollout.messages.length) return;
      const { rollout, events } = snapshot;
      await dialogs.save(dialogKey(scope, rollout.owner), {
        locale: rollout.locale,
        answers: rollout.answers,
        history: [],
        stage: 'summary',
        operators: deriveRolloutState(rollout.plan, events).operators,
        startedAt: rollout.createdAt,
      });
      logger.warn('plan could not be posted; the interview waits at its summary', { id: rollout.id, scope });
    },

    async drawRollout(scope: Scope, rolloutId: string) {
      const snapshot = await findRollout(scope, rolloutId);
      if (!snapshot) return undefined;
      const campaign = await store.campaignOf(scope, snapshot.rollout.id);
      return { rollout: snapshot.rollout, cards: drawRolloutCards(snapshot.rollout, snapshot.events, campaign, { nowMs: now().getTime() }) };
    },

    openRollouts: posted,

    async mySteps(inbound) {
      return live.mySteps(inbound, await preferences.localeFor(inbound));
    },

    async userContext(inbound) {
      const home = await homes.homeOf(inbound);
      const state = await dialogs.load(dialogKey(home.scope, home.user));
      return { locale: state?.locale ?? (await preferences.localeFor(inbound)), interviewing: state !== undefined };
    },

    async healthy() {
      try {
        await store.ping();
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type { Rollout, RolloutEvent };
