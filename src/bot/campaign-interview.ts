/**
 * The bot's side of a campaign interview (src/bot calls it before the single-server
 * interview): decides whether a message or click belongs to a campaign (one is under
 * way; a list of servers is typed; "add another server" is said), runs the pure
 * campaign dialog, keeps its state where interviews are kept, and posts the campaign:
 * its plans (conversations/campaign/plan.ts) go to the store in one transaction, and
 * the publisher posts the campaign card and then each server's card in its thread.
 */
import { msg, t, where } from '../../conversations/strings';
import { formatRef } from '../rollout/short-ref';
import { buildCampaignPlans } from '../../conversations/campaign/plan';
import { parseCampaignCommand, readServerPart, serverList } from '../../conversations/campaign/words';
import type { DialogContext, DialogEvent, DialogState } from '../interview/types';
import type { Logger } from '../runtime/log';
import type { Scope } from '../rollout/model';
import { deriveRolloutState } from '../rollout/status';
import type { Store } from '../store/store';
import { dialogKey, type DialogStateStore } from '../interview/state-store';
import type { InterviewHomes } from './interview-home';
import { textCard } from './text-reply';
import type { Inbound, Reply } from './types';
import { campaignFromInterview, startCampaign, stepCampaign } from '../interview/campaign';
import { isCampaignDialog, type CampaignDialogState, type CampaignOutput, type CampaignResult, type SavedInterview } from '../interview/campaign-model';
import { withoutCommandName } from '../../conversations/command';

export interface CampaignInterviewDeps {
  store: Store;
  dialogs: DialogStateStore;
  homes: InterviewHomes;
  logger: Logger;
}

export interface CampaignInterviews {
  /**
   * The campaign's answer to this event of `home`'s interview, or undefined when the
   * event is the single-server interview's (no campaign under way, none started).
   */
  step(home: Inbound, state: SavedInterview | undefined, event: DialogEvent, ctx: DialogContext, actionKey: string): Promise<Reply[] | undefined>;
  /**
   * The publisher could not post a rollout of a campaign. The campaign card: its owner's
   * campaign interview comes back at its summary, so posting again is one click (its
   * servers were never posted either). A server's card: nothing to restore (its owner
   * is told). False when the rollout is not a campaign's.
   */
  notPosted(scope: Scope, rolloutId: string): Promise<boolean>;
}

/** A list typed at once starts a campaign when its first part names a server and there are several parts. */
function listToStart(text: string): string[] | undefined {
  const parts = serverList(text);
  if (!parts || parts.length < 2 || !readServerPart(parts[0]).ok) return undefined;
  return parts;
}

/** What this event does to a campaign, if it concerns one. */
function campaignStep(state: SavedInterview | undefined, event: DialogEvent, ctx: DialogContext): CampaignResult | undefined {
  if (isCampaignDialog(state)) return stepCampaign(state, event, ctx);
  if (event.type !== 'start' && event.type !== 'text') return undefined;
  const text = withoutCommandName(event.text);
  const list = listToStart(text);
  const single: DialogState | undefined = state;
  const locale = single?.locale ?? ctx.locale;
  if (list) return startCampaign(list, locale, ctx);
  const command = parseCampaignCommand(text);
  if (command?.kind !== 'add') return undefined;
  // "add another server" in an interview: what was described so far is the first server.
  if (single && event.type === 'text') return campaignFromInterview(single, command.rest, ctx);
  if (command.rest) return startCampaign([command.rest], locale, ctx);
  const empty = { kind: 'campaign' as const, locale, servers: [], operators: [], startedAt: ctx.now.toISOString() };
  return stepCampaign(empty, { type: 'answer', question: 'campaign', value: 'add' }, ctx);
}

export function createCampaignInterviews(deps: CampaignInterviewDeps): CampaignInterviews {
  const { store, dialogs, homes, logger } = deps;

  async function carryOut(home: Inbound, output: CampaignOutput, actionKey: string): Promise<Reply[]> {
    if (output.type !== 'post-campaign') return [{ type: 'private', card: output.card }];
    const plans = buildCampaignPlans(output.servers);
    const { view, hub } = await store.createCampaign({
      scope: home.scope,
      ...(home.place ? { place: home.place } : {}),
      owner: home.user,
      locale: output.locale,
      hubPlan: plans.hub,
      members: plans.members,
      operators: output.operators,
      actionKey,
      ...(home.address ? { address: home.address } : {}),
      ...(home.timeZone ? { timeZone: home.timeZone } : {}),
      ...(output.window ? { window: output.window } : {}),
    });
    logger.info('campaign created', { id: view.id, servers: view.members.length, scope: view.scope });
    const params = { title: t(output.locale, hub.plan.title), ref: formatRef(hub.ref), where: where(output.locale, hub.place, home.conversation === 'shared') };
    return [textCard(t(output.locale, msg('campaign.interview.posting', params)))];
  }

  return {
    async notPosted(scope, rolloutId) {
      const view = await store.campaignOf(scope, rolloutId);
      if (!view) return false;
      if (view.id !== rolloutId) return true;
      const hub = await store.getRollout(scope, view.id);
      if (!hub || hub.rollout.messages.length) return true;
      const operators = deriveRolloutState(hub.rollout.plan, hub.events).operators;
      const servers = [];
      for (const member of view.members) {
        const snapshot = await store.getRollout(scope, member.rolloutId);
        if (!snapshot) return true;
        const { answers, locale, createdAt } = snapshot.rollout;
        servers.push({ name: member.server, wave: member.wave, dialog: { locale, answers, history: [], stage: 'summary' as const, operators, startedAt: createdAt } });
      }
      const state: CampaignDialogState = { kind: 'campaign', locale: view.locale, servers, operators, startedAt: hub.rollout.createdAt };
      await dialogs.save(dialogKey(scope, view.owner), state);
      logger.warn('campaign could not be posted; its interview waits at its summary', { id: view.id, scope });
      return true;
    },

    async step(home, state, event, ctx, actionKey) {
      const result = campaignStep(state, event, ctx);
      if (!result) return undefined;
      const key = dialogKey(home.scope, home.user);
      if (result.state) {
        await dialogs.save(key, result.state);
        await homes.goesOn(home);
      } else {
        await dialogs.delete(key);
      }
      const replies: Reply[] = [];
      for (const output of result.outputs) replies.push(...(await carryOut(home, output, actionKey)));
      return replies;
    },
  };
}
