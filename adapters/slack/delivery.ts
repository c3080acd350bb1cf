/**
 * Slack's side of the delivery outbox (src/delivery): the plan's messages, their
 * updates and the thread lines, through the Web API with the installation's token,
 * and Slack's failures told apart the way the publisher needs them. The publisher
 * paces and retries; this file makes exactly one call per method.
 * https://docs.slack.dev/reference/methods/chat.postMessage
 * https://docs.slack.dev/reference/methods/chat.update
 * https://docs.slack.dev/apis/web-api/rate-limits
 */
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import { DeliveryError, type DeliveryAdapter, type DeliveryTarget, type PlatformLimits } from '../../src/delivery/types';
import type { Logger } from '../../src/runtime/log';
import type { MessageRef, UserRef } from '../../src/rollout/model';
import { clipMrkdwn, escapeMrkdwn } from './block-kit';
import type { InstallationIds } from './installations';
import { SLACK_LIMITS } from './limits';
import type { WorkspaceClients } from './oauth';
import { renderCardForSlack, type SlackMessage } from './render';
import { postToResponseUrl, ResponseUrlError, type SlackWebClient } from './web';

/**
 * chat.postMessage: about one message per second per channel (short bursts allowed:
 * two at once here, so no second ever sees more than three); chat.update and
 * chat.delete: Tier 3, 50+ a minute per workspace.
 */
export const SLACK_DELIVERY_LIMITS: PlatformLimits = {
  postsPerChannel: [{ perSecond: 1, burst: 2 }],
  editsPerWorkspace: [{ perSecond: 50 / 60, burst: 20 }],
};

/** What the adapter keeps with a rollout it creates (Inbound.address). */
export const slackAddressSchema = z.object({
  teamId: z.string().optional(),
  enterpriseId: z.string().optional(),
  userId: z.string().optional(),
  /** The "Post plan" click's response_url: replaces the summary the owner clicked (30 minutes, 5 uses). */
  responseUrl: z.string().optional(),
  /** When the response_url was handed out (ms), so an expired one is not tried. */
  at: z.number().optional(),
});
export type SlackAddress = z.infer<typeof slackAddressSchema>;

const RESPONSE_URL_LIFETIME_MS = 29 * 60 * 1000;

/** Slack's answers that mean "not until someone changes something". */
const REFUSALS = new Set([
  'not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'ekm_access_denied', 'invalid_auth',
  'account_inactive', 'token_revoked', 'token_expired', 'not_authed', 'missing_scope', 'no_permission', 'cant_update_message',
  'msg_too_long', 'invalid_blocks', 'not_installed',
]);

/** A Web API failure as the publisher sees it. */
export function slackFailure(error: unknown): DeliveryError {
  const e = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown; data?: { error?: unknown }; original?: { code?: unknown } };
  if (e.code === webApi.ErrorCode.RateLimitedError) {
    return new DeliveryError('rate-limited', 'ratelimited', typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : 1000);
  }
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = typeof e.data?.error === 'string' ? e.data.error : 'error';
    if (code === 'message_not_found') return new DeliveryError('gone', code);
    if (code === 'ratelimited') return new DeliveryError('rate-limited', code, 1000);
    return new DeliveryError(REFUSALS.has(code) ? 'refused' : 'unknown', code);
  }
  if (e.code === webApi.ErrorCode.HTTPError && typeof e.statusCode === 'number') {
    return new DeliveryError(e.statusCode >= 500 ? 'unknown' : 'refused', `http_${e.statusCode}`);
  }
  if (e.code === webApi.ErrorCode.RequestError) {
    const cause = String(e.original?.code ?? '');
    return new DeliveryError(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(cause) ? 'unsent' : 'unknown', cause || 'request_error');
  }
  return new DeliveryError('unknown', error instanceof Error ? error.name : 'error');
}

/**
 * Escaped thread text with each "@Name" of `mentions` made a Slack mention (`<@U123>`),
 * so the person is notified; the rest stays escaped, so nobody else is pinged.
 * https://docs.slack.dev/messaging/formatting-message-text#mentioning-users
 */
export function withSlackMentions(text: string, mentions: readonly UserRef[] = []): string {
  let escaped = escapeMrkdwn(text);
  // Longest names first, so "@Ann Marie" is not taken for "@Ann".
  for (const user of [...mentions].sort((a, b) => b.name.length - a.name.length)) {
    if (!/^[UW][A-Z0-9]{1,20}$/.test(user.id)) continue;
    escaped = escaped.split(`@${escapeMrkdwn(user.name)}`).join(`<@${user.id}>`);
  }
  return escaped;
}

export function createSlackDelivery(options: { clients: WorkspaceClients; logger: Logger; apiUrl?: string; limits?: PlatformLimits }): DeliveryAdapter<SlackMessage> {
  const { clients, logger } = options;

  const addressOf = (target: DeliveryTarget): SlackAddress => {
    const parsed = slackAddressSchema.safeParse(target.address ?? {});
    return parsed.success ? parsed.data : {};
  };
  /** The installation's client; rollouts from before addresses were kept name only their workspace. */
  const clientOf = async (target: DeliveryTarget): Promise<SlackWebClient> => {
    const address = addressOf(target);
    const workspace = target.rollout.scope.workspace;
    const ids: InstallationIds =
      address.teamId || address.enterpriseId
        ? { teamId: address.teamId, enterpriseId: address.enterpriseId }
        : workspace.startsWith('E') ? { enterpriseId: workspace } : { teamId: workspace };
    const client = await clients.forRequest(ids);
    if (!client) throw new DeliveryError('refused', 'not_installed');
    return client;
  };
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof DeliveryError ? error : slackFailure(error);
    }
  };
  const channelOf = (target: DeliveryTarget) => target.rollout.scope.channel;

  return {
    platform: 'slack',
    limits: options.limits ?? SLACK_DELIVERY_LIMITS,
    maxThreadText: SLACK_LIMITS.sectionText,
    render: (target, cards) => cards.flatMap((card) => renderCardForSlack(card, { locale: target.rollout.locale })),
    post: (target, part) =>
      call(async () => {
        const client = await clientOf(target);
        const channel = channelOf(target);
        // A campaign's server: its card is a reply in the campaign card's thread.
        const thread = target.thread ? { thread_ts: target.thread.id } : {};
        const res = await client.chat.postMessage({ channel, text: part.text, blocks: part.blocks, ...thread });
        if (!res.ts) throw new DeliveryError('unknown', 'no_ts');
        return { id: res.ts, meta: { channel } } satisfies MessageRef;
      }),
    edit: (target, ref, part) =>
      call(async () => {
        const client = await clientOf(target);
        await client.chat.update({ channel: channelOf(target), ts: ref.id, text: part.text, blocks: part.blocks });
      }),
    remove: (target, ref) =>
      call(async () => {
        const client = await clientOf(target);
        await client.chat.delete({ channel: channelOf(target), ts: ref.id });
      }),
    postInThread: (target, root, text, mentions) =>
      call(async () => {
        const client = await clientOf(target);
        await client.chat.postMessage({ channel: channelOf(target), thread_ts: root.id, text: clipMrkdwn(withSlackMentions(text, mentions), 40_000) });
      }),
    postElsewhere: (target, channel, text) =>
      call(async () => {
        const client = await clientOf(target);
        await client.chat.postMessage({ channel: channel.id, text: clipMrkdwn(escapeMrkdwn(text), SLACK_LIMITS.sectionText) });
      }),
    attachFile: (target, root, file) =>
      call(async () => {
        const client = await clientOf(target);
        // files.uploadV2: an upload URL, the bytes, then the file shared in the plan's thread.
        await client.files.uploadV2({
          channel_id: channelOf(target),
          thread_ts: root.id,
          filename: file.filename,
          title: file.filename,
          content: file.content,
          initial_comment: file.summary,
        });
      }),
    async tellOwner(target, notice) {
      const address = addressOf(target);
      const message = { text: clipMrkdwn(escapeMrkdwn(notice.text), SLACK_LIMITS.sectionText) };
      const fresh = address.at !== undefined && Date.now() - address.at < RESPONSE_URL_LIFETIME_MS;
      if (address.responseUrl && fresh) {
        try {
          // In place of the summary the owner clicked ("Posting the plan…").
          await postToResponseUrl(address.responseUrl, { ...message, replace_original: true }, options.apiUrl);
          return;
        } catch (error) {
          logger.debug('slack: response_url did not take the notice; trying chat.postEphemeral', {
            status: error instanceof ResponseUrlError ? error.status : undefined,
          });
        }
      }
      const user = address.userId ?? target.rollout.owner.id;
      await call(async () => {
        const client = await clientOf(target);
        await client.chat.postEphemeral({ channel: channelOf(target), user, ...message });
      });
    },
  };
}
