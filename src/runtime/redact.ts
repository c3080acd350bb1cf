/**
 * Secrets never reach a log line, at any level. Every line the logger writes passes
 * through here (src/runtime/log.ts), including what Bolt, the Slack Web API client and the
 * OAuth installer log through our logger: at debug they print request bodies (the
 * code exchange carries client_secret and the one-time code), response bodies,
 * headers, Socket Mode envelopes (verification token, response_url) and URLs with
 * a state JWT or a WebSocket ticket in them.
 *
 * Two kinds of rule: a value whose name says it is secret (JSON keys, form and query
 * fields, "name: value", object keys in log fields), and values that are secret by
 * their shape wherever they appear (Slack tokens, Bearer/Basic credentials, JWTs,
 * passwords in URLs, Slack webhook and response URLs). Every pattern is linear in the
 * length of the line: no nested or overlapping repetition.
 */

export const REDACTED = '[redacted]';

/** Parts of names whose values are secret: client_secret, access_token, x-slack-signature... */
const SECRET_NAME_PART = /secret|token|passw|pwd|authorization|cookie|signature|credential|api[-_]?key|private[-_]?key|assertion/i;
/**
 * Whole names whose values are secret: the OAuth code (code=), a Socket Mode WebSocket
 * ticket, a signature parameter, and response_url (anyone holding one may post in the
 * channel for 30 minutes).
 */
const SECRET_NAMES = new Set(['code', 'ticket', 'sig', 'response_url', 'response_urls', 'trigger_id']);

/** True when a value stored under this name is a secret. */
export function isSecretName(name: string): boolean {
  const bare = name.replace(/^[-_]+/, '');
  return SECRET_NAMES.has(bare.toLowerCase()) || SECRET_NAME_PART.test(bare);
}

/** Values that are secret whatever they are called. */
const SHAPES: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // Slack tokens: xoxb-, xoxp-, xoxa-, xoxr-, xoxe-, xoxe.xoxp-1-..., xapp-. The prefix stays: it says which kind leaked.
  [/\b(x(?:ox[a-z](?:\.xox[a-z])?|app))-[A-Za-z0-9._-]+/g, (_all, prefix) => `${prefix}-${REDACTED}`],
  // Authorization header values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_all, scheme) => `${scheme} ${REDACTED}`],
  // JWTs (Bot Framework tokens, the OAuth state): a base64url JSON header always starts with "eyJ".
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?/g, () => REDACTED],
  // user:password@ in a URL (DATABASE_URL in a connection error).
  [/(\b[a-z][a-z0-9+.-]{0,20}:\/\/[^\s:@/]{0,256}:)[^\s@/]{1,256}@/gi, (_all, head) => `${head}${REDACTED}@`],
  // Slack incoming webhooks and response_urls: the path is the credential.
  [/(https:\/\/hooks\.slack\.com\/)[^\s"'<>\\]+/g, (_all, host) => `${host}${REDACTED}`],
];

/** A JSON member with a string value, also when the JSON sits escaped inside a string ("\"key\":\"value\""). */
const JSON_MEMBER = /(\\?"([A-Za-z0-9_.-]{1,64})\\?"\s*:\s*\\?")([^"\\]*)/g;
/** key=value in a query string, form body or plain text. */
const PAIR = /(^|[^A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,64})=([^&\s"'<>,;\\]+)/g;
/** "name: value" in plain text ("client_secret: abc", "password: 'x'"). */
const LABELLED = /(^|[^A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,64}):[ \t]*(['"]?)([^\s,;"'&\\]+)/g;
/** Values LABELLED leaves alone: already redacted, a scheme whose credential SHAPES took, or a nested object. */
const LABELLED_KEEP = /^(?:\[redacted\]|Bearer|Basic)$|^[[{]/i;

/** The text with every secret value replaced by [redacted]. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  out = out.replace(JSON_MEMBER, (all, head: string, name: string, value: string) =>
    isSecretName(name) && value !== REDACTED ? `${head}${REDACTED}` : all,
  );
  out = out.replace(PAIR, (all, before: string, name: string) => (isSecretName(name) ? `${before}${name}=${REDACTED}` : all));
  out = out.replace(LABELLED, (all, before: string, name: string, quote: string, value: string) =>
    isSecretName(name) && !LABELLED_KEEP.test(value) ? `${before}${name}: ${quote}${REDACTED}` : all,
  );
  return out;
}

/** Log fields with secret-named values replaced and every string redacted (depth-limited, cycle-safe). */
export function redactFields(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(String(value));
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretName(key) && item !== undefined && item !== null ? REDACTED : redactFields(item, depth + 1, seen);
  }
  return out;
}
