/**
 * One step of a person's interview: the campaign interview when several servers are
 * named, else the single-server engine; the state saved or cleared, the language
 * remembered, the outputs carried out (a confirmed interview becomes a durable rollout
 * whose plan the publisher posts).
 */
import { msg, t, where } from '../../conversations/strings';
import type { Answers } from '../../conversations/types';
import { buildPlan } from '../../conversations/plan/build';
import { stepDialog } from '../interview/engine';
import type { DialogEvent, DialogOutput, DialogState } from '../interview/types';
import type { ActionPayload } from '../cards/actions';
import { formatRef } from '../rollout/short-ref';
import type { Store } from '../store/store';
import type { Logger } from '../runtime/log';
import { dialogKey, type DialogStateStore } from '../interview/state-store';
import { isCampaignDialog, type SavedInterview } from '../interview/campaign-model';
import type { Inbound, Reply } from './types';
import type { InterviewHomes } from './interview-home';
import type { CampaignInterviews } from './campaign-interview';
import type { Preferences } from './preferences';
import { textCard } from './text-reply';

export interface InterviewRunnerDeps {
  store: Store;
  dialogs: DialogStateStore;
  homes: InterviewHomes;
  campaigns: CampaignInterviews;
  preferences: Preferences;
  now: () => Date;
  logger: Logger;
}

export type RunDialog = (home: Inbound, saved: SavedInterview | undefined, event: DialogEvent, actionKey: string, announce: boolean) => Promise<Reply[]>;

export function createInterviewRunner(deps: InterviewRunnerDeps): RunDialog {
  const { store, dialogs, homes, campaigns, preferences, now, logger } = deps;

/**
 * One step of the interview of `home` (the conversation it belongs to). `announce`:
 * it was started in a shared conversation, so everyone there is told in one line
 * that its questions went to the person's personal chat.
 */
async function runDialog(
  home: Inbound,
  saved: SavedInterview | undefined,
  event: DialogEvent,
  actionKey: string,
  announce: boolean,
): Promise<Reply[]> {
  const key = dialogKey(home.scope, home.user);
  const chosen = saved?.locale ?? (await preferences.chosenLocaleFor(home));
  const locale = chosen ?? home.locale ?? 'en';
  const place = home.place ?? 'channel';
  const ctx = {
    locale,
    localeIsGuess: chosen === undefined,
    now: now(),
    user: home.user,
    place,
    ...(home.timeZone ? { timeZone: home.timeZone } : {}),
  };
  // Several servers (a list, "add another server", or a campaign under way): the campaign's interview.
  const inCampaign = await campaigns.step(home, saved, event, ctx, actionKey);
  if (inCampaign) {
    const after = await dialogs.load(key);
    if (after && after.locale !== locale) await preferences.setLocale(home, after.locale);
    if (announce && after) inCampaign.push({ type: 'public', text: t(after.locale, msg('reach.interview.elsewhere', { user: home.user.name, product: 'Exchange' })) });
    return inCampaign;
  }
  const state = isCampaignDialog(saved) ? undefined : saved;
  const result = stepDialog(state, event, ctx);
  if (result.state) {
    await dialogs.save(key, result.state);
    await homes.goesOn(home);
  } else {
    await dialogs.delete(key);
  }
  if (result.state && result.state.locale !== locale) {
    await preferences.setLocale(home, result.state.locale);
  }
  const replies: Reply[] = [];
  for (const output of result.outputs) replies.push(...(await carryOut(home, output, actionKey)));
  // After the questions: the line says they were sent.
  if (announce && result.state) replies.push({ type: 'public', text: announcement(home, result.state) });
  return replies;
}

async function carryOut(inbound: Inbound, output: DialogOutput, actionKey: string): Promise<Reply[]> {
  switch (output.type) {
    case 'card':
    case 'cancelled':
      return [{ type: 'private', card: output.card }];
    case 'post-plan': {
      const plan = buildPlan(output.answers);
      const { rollout } = await store.createRollout({
        scope: inbound.scope,
        ...(inbound.place ? { place: inbound.place } : {}),
        owner: inbound.user,
        locale: output.locale,
        answers: output.answers,
        plan,
        operators: output.operators,
        actionKey,
        ...(inbound.address ? { address: inbound.address } : {}),
        ...(inbound.timeZone ? { timeZone: inbound.timeZone } : {}),
        ...(output.window ? { window: output.window } : {}),
      });
      logger.info('rollout created', { id: rollout.id, scope: rollout.scope });
      // The summary the user clicked gives way to this note, so its buttons are gone.
      // The publisher posts the plan and then tells the owner it is there (or why not).
      const params = { title: t(output.locale, plan.title), ref: formatRef(rollout.ref), where: where(output.locale, rollout.place, inbound.conversation === 'shared') };
      const posting = t(output.locale, msg('card.interview.posting', params));
      return [textCard(posting)];
    }
  }
}

  return runDialog;
}

/** Clicks that only make sense inside a running interview. */
export function isStaleInterviewClick(payload: ActionPayload): boolean {
  return payload.k === 'answer' || (payload.k === 'dialog' && ['confirm', 'back', 'change', 'cancel'].includes(payload.c));
}

/** "Alex is preparing an Exchange 2000 plan — I have sent you the questions in our personal chat." */
function announcement(home: Inbound, state: DialogState): string {
  return t(state.locale, msg('reach.interview.elsewhere', { user: home.user.name, product: productName(state.answers) }));
}

/** The product as far as the answers tell it; the same words in every language. */
function productName(answers: Answers): string {
  return answers.version ? `Exchange ${answers.version}` : 'Exchange';
}
