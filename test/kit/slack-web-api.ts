/**
 * What the fake Slack (fake-slack.ts) answers to each Web API method, as strict as
 * Slack where our bot could go wrong: messages need text or valid Block Kit
 * (`no_text`, `invalid_blocks`, `msg_too_long`), an update or delete needs a message
 * that is there (`message_not_found`), views.publish takes only a valid Home tab view
 * for a user the workspace knows (`invalid_arguments`, `user_not_found`).
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors
 * https://docs.slack.dev/reference/methods/chat.update#errors
 */
import { slackHomeViewViolations, slackMessageViolations } from './slack-limits-check';

/** One message as the channel shows it now (the latest update applied). */
export interface ShownMessage {
  ts: string;
  channel: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
  deleted?: boolean;
  /** How many times it was updated. */
  updates: number;
}

export interface FakeUser {
  name: string;
  locale?: string;
  /** users.info `tz`, e.g. "Europe/Amsterdam". */
  tz?: string;
}

/** What the test (or the bench) tells the workspace: who is in it, what fails. */
export interface WorkspaceSettings {
  users: Map<string, FakeUser>;
  /** Whoever is not in `users` is looked up here (the bench's invented people); undefined: not in the workspace. */
  userFor?: (id: string) => FakeUser | undefined;
  grants: Map<string, Record<string, unknown>>;
  errors: Map<string, string>;
  socketUrl?: string;
}

export interface SlackWebApi {
  answer(method: string, body: Record<string, unknown>): Record<string, unknown>;
  messages: Map<string, ShownMessage>;
  homeViews: Map<string, { type: string; blocks: unknown[] }>;
  /** files.getUploadURLExternal ids -> name and the bytes later sent to the upload URL. */
  uploads: Map<string, { filename: string; content?: string }>;
}

export function createSlackWebApi(settings: WorkspaceSettings, baseUrl: () => string): SlackWebApi {
  const messages = new Map<string, ShownMessage>();
  const homeViews = new Map<string, { type: string; blocks: unknown[] }>();
  const uploads = new Map<string, { filename: string; content?: string }>();
  let ts = 1_700_000_000_000_100;
  const nextTs = () => {
    ts += 100;
    const text = String(ts);
    return `${text.slice(0, 10)}.${text.slice(10)}`;
  };
  const validMessage = (body: Record<string, unknown>): string | undefined => {
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    if (!text && !blocks?.length) return 'no_text';
    if (text.length > 40_000) return 'msg_too_long';
    if (blocks && slackMessageViolations({ text: text || 'x', blocks }).some((v) => !v.startsWith('notification'))) return 'invalid_blocks';
    return undefined;
  };
  const existing = (body: Record<string, unknown>): ShownMessage | undefined => {
    const found = messages.get(String(body.ts));
    return found && !found.deleted && found.channel === body.channel ? found : undefined;
  };
  const userOf = (id: string) => settings.users.get(id) ?? settings.userFor?.(id);

  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof body.channel === 'string' ? body.channel : 'C0';
    const error = settings.errors.get(method);
    if (error) return { ok: false, error };
    switch (method) {
      case 'oauth.v2.access': {
        const grant = settings.grants.get(String(body.code));
        return grant ? { ok: true, ...grant } : { ok: false, error: 'invalid_code' };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${uploads.size + 1}`;
        uploads.set(id, { filename: String(body.filename) });
        return { ok: true, file_id: id, upload_url: `${baseUrl()}/upload/${id}` };
      }
      case 'files.completeUploadExternal': {
        const files = body.files as { id: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, name: uploads.get(f.id)?.filename })) };
      }
      case 'chat.postMessage': {
        if (typeof body.channel !== 'string' || !body.channel) return { ok: false, error: 'channel_not_found' };
        const invalid = validMessage(body);
        if (invalid) return { ok: false, error: invalid };
        const posted: ShownMessage = { ts: nextTs(), channel, text: String(body.text ?? ''), blocks: (body.blocks as unknown[]) ?? [], updates: 0 };
        if (typeof body.thread_ts === 'string') posted.threadTs = body.thread_ts;
        messages.set(posted.ts, posted);
        return { ok: true, channel, ts: posted.ts, message: { text: body.text } };
      }
      case 'chat.update': {
        const message = existing(body);
        if (!message) return { ok: false, error: 'message_not_found' };
        const invalid = validMessage(body);
        if (invalid) return { ok: false, error: invalid };
        message.text = String(body.text ?? '');
        message.blocks = (body.blocks as unknown[]) ?? [];
        message.updates++;
        return { ok: true, channel, ts: body.ts, text: body.text };
      }
      case 'chat.delete': {
        const message = existing(body);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.deleted = true;
        return { ok: true, channel, ts: body.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.getPermalink':
        return { ok: true, channel, permalink: `https://example.slack.com/archives/${channel}/p${String(body.message_ts).replace('.', '')}` };
      case 'views.open':
        return { ok: true, view: { id: 'V123' } };
      case 'views.publish': {
        if (typeof body.user_id !== 'string' || !body.user_id) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: user_id'] } };
        if (!userOf(body.user_id)) return { ok: false, error: 'user_not_found' };
        const violations = slackHomeViewViolations(body.view);
        if (violations.length) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: violations.map((v) => `[ERROR] ${v}`) } };
        const view = body.view as { type: string; blocks: unknown[] };
        homeViews.set(body.user_id, view);
        return { ok: true, view: { id: `VH${homeViews.size}`, ...view } };
      }
      case 'users.info': {
        const id = String(body.user);
        const user = userOf(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: user.name,
            locale: user.locale ?? 'en-US',
            ...(user.tz ? { tz: user.tz } : {}),
            profile: { display_name: user.name, real_name: user.name },
          },
        };
      }
      case 'apps.connections.open':
        return settings.socketUrl ? { ok: true, url: settings.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      default:
        return { ok: true };
    }
  };
  return { answer, messages, homeViews, uploads };
}
