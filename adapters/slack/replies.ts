/**
 * Carries out the core's Reply[] on Slack, after the ack: only what is private to the
 * acting user. The channel's plan messages and thread lines are the publisher's
 * (src/delivery, through delivery.ts), delivered from the store.
 * - private: ephemeral to the acting user; when the click came from the interview's
 *   own ephemeral message, it is replaced in place (response_url, replace_original).
 * - refused: a new ephemeral line to the clicker only; a refused click on a plan names
 *   its step first ("*5. Install the service pack on EXCH2*"), as the message appears
 *   at the bottom of the channel, away from the card.
 * - update-plan: nothing (the clicker sees the channel's card, which the publisher redraws).
 * - file: the audit export, uploaded into the channel (files.uploadV2: get an upload
 *   URL, send the bytes there, complete the upload with the summary as comment).
 * Ephemeral messages go through the response_url when there is one (no scope and no
 * channel membership needed), else chat.postEphemeral.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 * https://docs.slack.dev/reference/methods/chat.postEphemeral
 * https://docs.slack.dev/messaging/working-with-files#uploading_files
 */
import { t } from '../../conversations/strings';
import type { Reply } from '../../src/bot/types';
import type { Card } from '../../src/cards/model';
import type { Logger } from '../../src/runtime/log';
import type { Locale } from '../../conversations/types';
import type { Scope } from '../../src/rollout/model';
import { escapeMrkdwn, type SlackMessage } from './block-kit';
import { SLACK_LIMITS, truncate } from './limits';
import { renderCardForSlack } from './render';
import { postToResponseUrl, withRetry, type RetryPolicy, type SlackWebClient } from './web';
import { createPermalinks } from './permalinks';

/** Where an interaction came from and how to answer its user privately. */
export interface ReplyTarget {
  scope: Scope;
  /** The Web API client of the workspace the request came from. */
  client: SlackWebClient;
  userId: string;
  locale: Locale;
  responseUrl?: string;
  /** True when the click was on the interview's ephemeral message: replace it in place. */
  replaceOriginal: boolean;
}

export interface ReplyRunner {
  carryOut(replies: Reply[], target: ReplyTarget): Promise<void>;
  /** An ephemeral text line for the user (e.g. "that button is not known"). */
  tellPrivately(target: ReplyTarget, text: string): Promise<void>;
  /** An ephemeral text line through a response_url alone (no token: e.g. the app is not installed). */
  tellAt(responseUrl: string, text: string): Promise<void>;
}

export function createReplyRunner(options: {
  logger: Logger;
  /** SLACK_API_URL: response_urls on this host are accepted too (the fake Slack in tests). */
  apiUrl?: string;
  retryPolicy?: RetryPolicy;
}): ReplyRunner {
  const { logger } = options;
  const retry = { logger, policy: options.retryPolicy };

  const ephemeral = async (target: ReplyTarget, message: SlackMessage, replace: boolean): Promise<void> => {
    // Slack rejects an empty blocks array; a text-only line goes without.
    const blocks = message.blocks.length > 0 ? { blocks: message.blocks } : {};
    if (target.responseUrl) {
      const url = target.responseUrl;
      await withRetry(
        'response_url',
        () =>
          postToResponseUrl(
            url,
            replace
              ? { replace_original: true, text: message.text, ...blocks }
              : { response_type: 'ephemeral', replace_original: false, text: message.text, ...blocks },
            options.apiUrl,
          ),
        { ...retry, idempotent: replace },
      );
      return;
    }
    await withRetry(
      'chat.postEphemeral',
      () =>
        target.client.chat.postEphemeral({
          channel: target.scope.channel,
          user: target.userId,
          text: message.text,
          ...blocks,
        }),
      { ...retry, idempotent: false },
    );
  };

  const permalinks = createPermalinks(logger);

  const showCard = async (card: Card, target: ReplyTarget) => {
    const parts = renderCardForSlack(card, { locale: target.locale, permalinks: await permalinks(target.client, card, target.scope.channel) });
    for (const [i, part] of parts.entries()) {
      // Only the first part can take the place of the message that was clicked.
      await ephemeral(target, part, target.replaceOriginal && i === 0);
    }
  };

  const tellPrivately = (target: ReplyTarget, text: string) =>
    ephemeral(target, { text: truncate(escapeMrkdwn(text), SLACK_LIMITS.sectionText), blocks: [] }, false);

  const upload = async (file: Extract<Reply, { type: 'file' }>, target: ReplyTarget) => {
    const { client, scope } = target;
    try {
      // Not idempotent: after a 5xx the file may be shared already, so only a 429 is retried.
      await withRetry(
        'files.uploadV2',
        () =>
          client.files.uploadV2({
            channel_id: scope.channel,
            filename: file.filename,
            title: file.filename,
            content: file.content,
            initial_comment: file.summary,
          }),
        { ...retry, idempotent: false },
      );
    } catch (error) {
      logger.warn('audit upload failed', { channel: scope.channel, error: String(error) });
      await tellPrivately(target, t(target.locale, 'card.error.cannotUpload', { error: slackErrorCode(error) }));
    }
  };

  return {
    tellPrivately,
    tellAt: (responseUrl, text) =>
      withRetry(
        'response_url',
        () =>
          postToResponseUrl(
            responseUrl,
            { response_type: 'ephemeral', replace_original: false, text: truncate(escapeMrkdwn(text), SLACK_LIMITS.sectionText) },
            options.apiUrl,
          ),
        { ...retry, idempotent: false },
      ),
    async carryOut(replies, target) {
      for (const reply of replies) {
        try {
          switch (reply.type) {
            case 'private':
              await showCard(reply.card, target);
              break;
            case 'refused':
              await ephemeral(target, refusalMessage(reply), false);
              break;
            case 'update-plan':
              break; // the publisher redraws the channel's card
            case 'file':
              await upload(reply, target);
              break;
          }
        } catch (error) {
          // One failed reply (e.g. not_in_channel) must not swallow the others.
          logger.error('slack reply failed', { reply: reply.type, error: String(error) });
        }
      }
    },
  };
}

/** A refusal as a private message: the step it is about in bold on its own line, when it is about one. */
export function refusalMessage(reply: Extract<Reply, { type: 'refused' }>): SlackMessage {
  const step = reply.on?.step;
  const heading = step ? `*${escapeMrkdwn(`${step.number}. ${step.title}`)}*\n` : '';
  return { text: truncate(heading + escapeMrkdwn(reply.text), SLACK_LIMITS.sectionText), blocks: [] };
}

/** Slack's error code ("not_in_channel"), or a short generic description. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'error';
}
