/**
 * Bolt listeners: slash command, block actions, modal submissions. Slack wants an
 * answer within 3 seconds, so no Web API call ever runs before an ack. Before an ack
 * run only parsing, the store write of a step click (so that an acknowledged click is
 * a recorded one; bounded by RECORD_BEFORE_ACK_MS), and for a note modal the decision
 * whether the field is empty (its error must travel in the ack itself).
 * https://docs.slack.dev/tools/bolt-js/concepts/acknowledge
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
import type { App } from '@slack/bolt';
import { t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { ActionInput, Bot, Inbound, MessageInput, PickedPeople, Reply } from '../../src/bot/types';
import type { Logger } from '../../src/runtime/log';
import { buildInbound, slackPlace, slackScope, type UserDirectory } from './inbound';
import { lookUpWithin } from '../../src/runtime/mention-lookup';
import type { InstallationIds } from './installations';
import type { SlackAddress } from './delivery';
import { buildMessageModal, buildNoteModal, encodeNoteMetadata, NOTE_ACTION_ID, NOTE_BLOCK_ID, NOTE_CALLBACK_ID, parseNoteMetadata } from './note-modal';
import type { WorkspaceClients } from './oauth';
import { blockActionsSchema, slashCommandSchema, viewSubmissionSchema, type BlockActions } from './payloads';
import { resolveChannels, resolveMentions } from './mentions';
import { readAction } from './read-action';
import type { ReplyRunner, ReplyTarget } from './replies';
import { withRetry, type SlackWebClient } from './web';

export const SLASH_COMMAND = '/exchange-sp';

/** How long a step click may take to record before the ack goes out regardless (Slack allows 3 s). */
export const RECORD_BEFORE_ACK_MS = 2000;

/** How long the display name of a clicker not seen before may take before a step click is recorded. */
export const NAME_BEFORE_ACK_MS = 250;

/** The work's value, or `fallback` when it takes longer than `ms` (or fails); the work goes on. */
function valueWithin<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([work.catch(() => fallback), deadline]).finally(() => clearTimeout(timer));
}

function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return valueWithin(work.then(() => undefined), ms, undefined);
}

export interface HandlerDeps {
  bot: Bot;
  /** The Web API client for the workspace a request came from (its installation's token). */
  clients: WorkspaceClients;
  directory: UserDirectory;
  replies: ReplyRunner;
  logger: Logger;
  /** Runs a piece of after-ack work (a few at a time); stop() and tests can wait for it. */
  track: (work: () => Promise<unknown>) => void;
}

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { bot, clients, directory, replies, logger, track } = deps;
  /** Interview turns of one person run one after another, so their answers arrive in order. */
  const turns = new Map<string, Promise<unknown>>();
  const inTurn = (key: string, work: () => Promise<void>) => {
    const next = (turns.get(key) ?? Promise.resolve()).then(work, work);
    turns.set(key, next);
    void next.finally(() => turns.get(key) === next && turns.delete(key));
    return next;
  };
  const localeOf = (inbound: Inbound): Locale => inbound.locale ?? 'en';
  const guard = async (what: string, target: ReplyTarget | undefined, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      logger.error('slack handler failed', { what, error: String(error) });
      if (target) await replies.tellPrivately(target, t(target.locale, 'card.error.unavailable')).catch(() => undefined);
    }
  };

  /**
   * The client for this request's workspace. Without an installation the user is told
   * (through the response_url, which needs no token) and nothing else happens.
   */
  const clientOrRefuse = async (ids: InstallationIds, responseUrl: string | undefined): Promise<SlackWebClient | undefined> => {
    let client: SlackWebClient | undefined;
    let key: 'card.error.notInstalled' | 'card.error.unavailable' = 'card.error.notInstalled';
    try {
      client = await clients.forRequest(ids);
    } catch (error) {
      logger.error('slack: cannot read installations', { error: String(error) });
      key = 'card.error.unavailable';
    }
    if (client) return client;
    if (key === 'card.error.notInstalled') logger.warn('slack: request from a workspace without an installation', { ...ids });
    // No token, so no users.info: the user's language is unknown here.
    if (responseUrl) await replies.tellAt(responseUrl, t('en', key)).catch(() => undefined);
    return undefined;
  };

  app.command(SLASH_COMMAND, async ({ ack, body }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) return void logger.warn('unexpected slash command payload', { issues: parsed.error.issues.length });
    const command = parsed.data;
    const scope = slackScope({ enterpriseId: command.enterprise_id, teamId: command.team_id, channelId: command.channel_id });
    track(() =>
      inTurn(`${scope.workspace}/${scope.channel}/${command.user_id}`, async () => {
        const client = await clientOrRefuse({ enterpriseId: command.enterprise_id, teamId: command.team_id }, command.response_url);
        if (!client) return;
        const inbound = await buildInbound(directory, client, scope, { id: command.user_id, fallbackName: command.user_name }, command.channel_name);
        inbound.address = slackAddress({ enterpriseId: command.enterprise_id, teamId: command.team_id }, command.user_id, command.response_url);
        const target: ReplyTarget = { scope, client, userId: command.user_id, locale: localeOf(inbound), replaceOriginal: false };
        if (command.response_url) target.responseUrl = command.response_url;
        await guard('command', target, async () => {
          const lookup = (id: string) => directory.lookup(client, scope.workspace, id);
          const named = resolveChannels(command.text.trim());
          const { text, mentions } = await resolveMentions(named.text, lookup);
          const input: MessageInput = { text, isCommand: true };
          if (mentions.length) input.mentions = mentions;
          if (named.channels.length) input.channels = named.channels;
          const out = await bot.handleMessage(inbound, input);
          await replies.carryOut(out, target);
        });
      }),
    );
  });

  app.action(/.*/, async ({ ack, body }) => {
    const parsed = blockActionsSchema.safeParse(body);
    if (!parsed.success) {
      await ack();
      return void logger.warn('unexpected block_actions payload', { issues: parsed.error.issues.length });
    }
    // A step click is written to the store before the ack, so an acknowledged click is a
    // recorded click even if this process dies right after. It is one short transaction;
    // should the store be slow, the ack goes out anyway before Slack's 3 seconds run out.
    const recorded = recordStepClick(parsed.data);
    if (recorded) await settledWithin(recorded, RECORD_BEFORE_ACK_MS);
    await ack();
    track(() => onBlockAction(parsed.data, recorded));
  });

  /**
   * Records a plain step click (not one that needs a note first). The clicker's display
   * name comes from the cache, or from users.info if it answers within
   * NAME_BEFORE_ACK_MS; otherwise the handle in the payload stands in.
   */
  function recordStepClick(body: BlockActions): Promise<Reply[]> | undefined {
    const button = readAction(body);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const teamId = body.team?.id ?? body.user.team_id;
    if (!button || button.payload.k !== 'step' || button.note || !channel || !teamId) return undefined;
    const payload = button.payload;
    const enterpriseId = body.enterprise?.id ?? body.team?.enterprise_id;
    const scope = slackScope({ enterpriseId, teamId, channelId: channel });
    const action = body.actions[0];
    return (async () => {
      let known = directory.cached(scope.workspace, body.user.id);
      if (!known.name) {
        const client = await clients.forRequest({ enterpriseId, teamId }).catch(() => undefined);
        if (client) known = await valueWithin(directory.lookup(client, scope.workspace, body.user.id), NAME_BEFORE_ACK_MS, known);
      }
      const inbound: Inbound = {
        scope,
        user: { id: body.user.id, name: known.name ?? (body.user.name || body.user.username || body.user.id) },
        place: slackPlace(channel, body.channel?.name),
      };
      if (known.locale) inbound.locale = known.locale;
      return bot.handleAction(inbound, { payload, actionKey: `${action.action_ts}:${body.user.id}:${action.action_id}` });
    })();
  }

  async function onBlockAction(body: BlockActions, recorded?: Promise<Reply[]>): Promise<void> {
    // A recorded click has nothing private to say: the channel's card and thread line come
    // from the outbox. No lookups then: after a burst of clicks the event loop stays free.
    if (recorded && (await recorded).every((reply) => reply.type === 'update-plan')) return;
    const action = body.actions[0];
    const channel = body.channel?.id ?? body.container?.channel_id;
    const teamId = body.team?.id ?? body.user.team_id;
    if (!channel || !teamId) return void logger.warn('block action outside a channel', { action: action.action_id });
    const enterpriseId = body.enterprise?.id ?? body.team?.enterprise_id;
    const scope = slackScope({ enterpriseId, teamId, channelId: channel });
    // One (cached) store read at most: the trigger_id below still has most of its 3 seconds.
    const client = await clientOrRefuse({ enterpriseId, teamId }, body.response_url);
    if (!client) return;
    const actionKey = `${action.action_ts}:${body.user.id}:${action.action_id}`;
    const button = readAction(body);

    // The modal must open within the trigger_id's 3 seconds: before any lookup.
    if (button?.note && (button.payload.k === 'step' || button.payload.k === 'release') && body.trigger_id) {
      const metadata = encodeNoteMetadata({ payload: button.payload, channel, actionKey, step: button.step, responseUrl: body.response_url });
      const view = buildNoteModal(button.note, metadata);
      const triggerId = body.trigger_id;
      await guard('views.open', undefined, async () => {
        await withRetry('views.open', () => client.views.open({ trigger_id: triggerId, view }), { logger, idempotent: false });
      });
      return;
    }

    const inbound = await buildInbound(directory, client, scope, { id: body.user.id, fallbackName: body.user.name ?? body.user.username ?? '' }, body.channel?.name);
    inbound.address = slackAddress({ enterpriseId, teamId }, body.user.id, body.response_url);
    const target: ReplyTarget = {
      scope,
      client,
      userId: body.user.id,
      locale: localeOf(inbound),
      replaceOriginal: body.container?.is_ephemeral === true,
    };
    if (body.response_url) target.responseUrl = body.response_url;
    if (!button) {
      await guard('unknown button', undefined, () => replies.tellPrivately(target, t(target.locale, 'card.error.unknownButton')));
      return;
    }
    const input: ActionInput = { payload: button.payload, actionKey };
    if (button.text !== undefined) input.text = button.text;
    if (button.users) input.people = await namePeople(client, scope.workspace, button.users);
    const work = () =>
      guard('action', target, async () => {
        await replies.carryOut(await (recorded ?? bot.handleAction(inbound, input)), target);
      });
    // Interview clicks of one person stay in order; plan clicks are ordered by the store.
    if (button.payload.k === 'step') await work();
    else await inTurn(`${scope.workspace}/${scope.channel}/${body.user.id}`, work);
  }

  /** Names the people picked in Slack's picker (users.info, cached; a few at a time, within the mention budget). */
  async function namePeople(client: SlackWebClient, workspace: string, ids: string[]): Promise<PickedPeople> {
    const named = await lookUpWithin(ids, async (id) => ({ id, name: (await directory.lookup(client, workspace, id)).name ?? id }));
    return { found: [...named.values()], unknownIds: ids.filter((id) => !named.has(id)) };
  }

  app.view(NOTE_CALLBACK_ID, async ({ ack, body }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    const meta = parsed.success ? parseNoteMetadata(parsed.data.view.private_metadata) : undefined;
    const teamId = parsed.success ? parsed.data.team?.id ?? parsed.data.user.team_id : undefined;
    const workspace = parsed.success ? parsed.data.enterprise?.id ?? parsed.data.team?.enterprise_id ?? teamId : undefined;
    const locale = (parsed.success && workspace ? directory.cached(workspace, parsed.data.user.id).locale : undefined) ?? 'en';
    if (!parsed.success || !meta || !teamId) {
      // Altered or unreadable: the modal itself says so, in the ack (the only answer a modal has).
      logger.warn('unexpected view_submission payload');
      await ack({ response_action: 'update', view: buildMessageModal('exchange-sp', t(locale, 'card.error.invalidSubmission')) });
      return;
    }
    const submission = parsed.data;
    const text = submission.view.state?.values[NOTE_BLOCK_ID]?.[NOTE_ACTION_ID]?.value?.trim() ?? '';
    if (!text) {
      // Whitespace only: Slack's own "required" check lets it through, so we answer in the ack.
      const { payload } = meta;
      const error = payload.k === 'release'
        ? t(locale, 'campaign.release.reasonMissing', { wave: payload.w })
        : t(locale, payload.k === 'step' && payload.v === 'problem' ? 'rollout.refused.problem-note-missing' : 'rollout.refused.reason-missing', { step: meta.step ?? '' });
      await ack({ response_action: 'errors', errors: { [NOTE_BLOCK_ID]: error } });
      return;
    }
    await ack();
    const enterpriseId = submission.enterprise?.id ?? submission.team?.enterprise_id;
    const scope = slackScope({ enterpriseId, teamId, channelId: meta.channel });
    track(() =>
      (async () => {
        const client = await clientOrRefuse({ enterpriseId, teamId }, meta.responseUrl);
        if (!client) return;
        const inbound = await buildInbound(directory, client, scope, {
          id: submission.user.id,
          fallbackName: submission.user.name ?? submission.user.username ?? '',
        });
        const target: ReplyTarget = { scope, client, userId: submission.user.id, locale: localeOf(inbound), replaceOriginal: false };
        if (meta.responseUrl) target.responseUrl = meta.responseUrl;
        await guard('note', target, async () => {
          const out = await bot.handleAction(inbound, { payload: meta.payload, actionKey: meta.actionKey, text });
          await replies.carryOut(out, target);
        });
      })(),
    );
  });
}

/**
 * What the delivery needs later to act for this request (delivery.ts): the
 * installation, the user, and the response_url that can replace their private message.
 */
function slackAddress(ids: InstallationIds, userId: string, responseUrl: string | undefined): SlackAddress {
  const address: SlackAddress = { userId, at: Date.now() };
  if (ids.teamId) address.teamId = ids.teamId;
  if (ids.enterpriseId) address.enterpriseId = ids.enterpriseId;
  if (responseUrl) address.responseUrl = responseUrl;
  return address;
}
