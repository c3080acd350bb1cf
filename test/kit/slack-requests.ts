/**
 * Signed requests as Slack sends them: slash commands as a form body, interactions
 * as JSON in the `payload` form field, signed with HMAC-SHA256 "v0:{ts}:{body}".
 * Factories take overrides, after Bolt's own tests. The tests post them with
 * postSlack; the bench's load generator sends them with signedHeaders.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** Headers Slack sends with a form body signed now. */
export function signedHeaders(body: string, secret = SIGNING_SECRET): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, timestamp, secret),
  };
}

export interface SentRequest {
  status: number;
  body: string;
  /** ms since epoch when the response arrived. */
  at: number;
}

export async function postSlack(
  baseUrl: string,
  body: string,
  options: { timestamp?: number; signature?: string | null; secret?: string; json?: boolean } = {},
): Promise<SentRequest> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    // Events API callbacks come as JSON; commands and interactions as a form.
    'Content-Type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
    'X-Slack-Request-Timestamp': String(timestamp),
  };
  const signature = options.signature === undefined ? sign(body, timestamp, options.secret) : options.signature;
  if (signature !== null) headers['X-Slack-Signature'] = signature;
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text, at: Date.now() };
}

export interface Who {
  team?: string;
  enterprise?: string;
  channel?: string;
  user?: string;
  userName?: string;
  /** As Slack names the conversation in a slash command ("directmessage", "mpdm-…"). */
  channelName?: string;
}

/** Who sends a request when the factory is not told: workspace T1, channel C1, user U1 (alice). */
export const DEFAULT_WHO = { team: 'T1', channel: 'C1', user: 'U1', userName: 'alice' };

export function slashCommandBody(text: string, responseUrl: string, who: Who = {}): string {
  const w = { ...DEFAULT_WHO, ...who };
  const form: Record<string, string> = {
    token: 'legacy-verification-token',
    team_id: w.team,
    team_domain: 'example',
    channel_id: w.channel,
    channel_name: w.channelName ?? 'ops',
    user_id: w.user,
    user_name: w.userName,
    command: '/exchange-sp',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '111.222.abc',
  };
  if (w.enterprise) form.enterprise_id = w.enterprise;
  return new URLSearchParams(form).toString();
}

export interface ClickOptions extends Who {
  value?: string;
  actionId?: string;
  blockId?: string;
  type?: string;
  actionTs?: string;
  responseUrl: string;
  ephemeral?: boolean;
  messageTs?: string;
  state?: Record<string, Record<string, { type: string; value: string | null }>>;
  /** An overflow menu's chosen option value (type 'overflow'). */
  selectedOption?: string;
  /** A people picker's choice (type 'multi_users_select'). */
  selectedUsers?: string[];
  channelName?: string;
}

let clicks = 0;

export function blockActionsBody(o: ClickOptions): string {
  const w = { ...DEFAULT_WHO, ...o };
  const action: Record<string, unknown> = {
    type: o.type ?? 'button',
    action_id: o.actionId ?? 'b-0',
    block_id: o.blockId ?? 'blk',
    action_ts: o.actionTs ?? `1700000000.${String(++clicks).padStart(6, '0')}`,
  };
  if (o.value !== undefined) action.value = o.value;
  if (o.selectedOption !== undefined) action.selected_option = { text: { type: 'plain_text', text: 'x' }, value: o.selectedOption };
  if (o.selectedUsers !== undefined) action.selected_users = o.selectedUsers;
  if (action.type === 'button') action.text = { type: 'plain_text', text: 'x' };
  const payload = {
    type: 'block_actions',
    user: { id: w.user, username: w.userName, name: w.userName, team_id: w.team },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: o.messageTs ?? '1700000000.000100', channel_id: w.channel, is_ephemeral: o.ephemeral ?? false },
    trigger_id: '333.444.def',
    team: { id: w.team, domain: 'example', ...(w.enterprise ? { enterprise_id: w.enterprise } : {}) },
    enterprise: w.enterprise ? { id: w.enterprise, name: 'Org' } : null,
    is_enterprise_install: false,
    channel: { id: w.channel, name: o.channelName ?? 'ops' },
    state: { values: o.state ?? {} },
    response_url: o.responseUrl,
    actions: [action],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function viewSubmissionBody(privateMetadata: string, note: string | null, who: Who = {}): string {
  const w = { ...DEFAULT_WHO, ...who };
  const payload = {
    type: 'view_submission',
    team: { id: w.team, domain: 'example' },
    user: { id: w.user, username: w.userName, name: w.userName, team_id: w.team },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '555.666.ghi',
    view: {
      id: 'V123',
      type: 'modal',
      callback_id: 'exchange-sp-note',
      private_metadata: privateMetadata,
      state: { values: { note: { 'note-text': { type: 'plain_text_input', value: note } } } },
      hash: '1',
    },
    enterprise: null,
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API callback (app_uninstalled, tokens_revoked, ...) as Slack posts it. */
export function eventCallbackBody(event: Record<string, unknown>, who: { team?: string; enterprise?: string; orgWide?: boolean } = {}): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: who.team ?? 'T1',
    enterprise_id: who.enterprise ?? null,
    is_enterprise_install: who.orgWide ?? false,
    api_app_id: 'A1',
    event: { event_ts: '1700000000.000200', ...event },
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: 1700000000,
  });
}
