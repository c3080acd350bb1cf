/**
 * Signed Slack requests for the load generator: slash commands as a form body,
 * block_actions as JSON in the `payload` form field, signed "v0:{ts}:{body}" with
 * HMAC-SHA256 so Bolt's verification runs on every request.
 * Adapted from test/adapters/slack/slack-requests.ts (bench/ cannot import test/;
 * that helper is still being changed by the Slack adapter's owner, so this is a copy).
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac } from 'node:crypto';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const BENCH_TEAM = 'T1';
export const BENCH_CHANNEL = 'C1';
/** The clicker of every step action: the owner of the seeded rollouts, so Undo is allowed. */
export const BENCH_OWNER = { id: 'U1', name: 'alice' };

export function signSlack(body: string, timestamp: number, secret = BENCH_SIGNING_SECRET): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** Headers Slack sends with a body signed now. */
export function signedHeaders(body: string, secret = BENCH_SIGNING_SECRET): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlack(body, timestamp, secret),
  };
}

export function slashCommandBody(text: string, responseUrl: string, user: { id: string; name: string }, where: { team?: string; channel?: string } = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: where.team ?? BENCH_TEAM,
    team_domain: 'example',
    channel_id: where.channel ?? BENCH_CHANNEL,
    channel_name: 'ops',
    user_id: user.id,
    user_name: user.name,
    command: '/exchange-sp',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '111.222.abc',
  }).toString();
}

export interface Click {
  /** The button value (an ActionPayload JSON, as the renderer writes it). */
  value: string;
  /** Unique per click: it is part of the action's idempotency key. */
  actionTs: string;
  user: { id: string; name: string };
  responseUrl: string;
  messageTs?: string;
  /** Default BENCH_TEAM / BENCH_CHANNEL. */
  team?: string;
  channel?: string;
}

export function blockActionsBody(click: Click): string {
  const team = click.team ?? BENCH_TEAM;
  const channel = click.channel ?? BENCH_CHANNEL;
  const payload = {
    type: 'block_actions',
    user: { id: click.user.id, username: click.user.name, name: click.user.name, team_id: team },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: click.messageTs ?? '1700000000.000100', channel_id: channel, is_ephemeral: false },
    trigger_id: '333.444.def',
    team: { id: team, domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'ops' },
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: 'b-0',
        block_id: 'blk',
        action_ts: click.actionTs,
        value: click.value,
        text: { type: 'plain_text', text: 'Confirm' },
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
