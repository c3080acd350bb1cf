/**
 * The redaction step every log line passes: secrets by name (JSON, forms, queries,
 * "name: value", log fields) and by shape (Slack tokens, Bearer values, JWTs, URL
 * passwords, Slack webhook URLs), in text Bolt and the Slack clients really log.
 */
import { createLogger } from '../../../src/runtime/log';
import { isSecretName, REDACTED, redactFields, redactText } from '../../../src/runtime/redact';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpbnN0YWxsT3B0aW9ucyI6eyJzY29wZXMiOlsiY29tbWFuZHMiXX0sImlhdCI6MTc5NTkyNzM2Nn0.HOodNZmwrkZrIreMuP2SxJXKVP3LMn-x_5yAx58kQyU';

describe('secret names', () => {
  it.each(['client_secret', 'SLACK_SIGNING_SECRET', 'signingSecret', 'access_token', 'refresh_token', 'token', 'Authorization', 'set-cookie', 'x-slack-signature', 'password', 'MicrosoftAppPassword', 'api_key', 'client_assertion', 'code', 'ticket', 'response_url'])(
    '%s is secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['client_id', 'user', 'team_id', 'channel', 'statusCode', 'error', 'error_code', 'scope', 'text', 'url', 'state_id'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('redactText', () => {
  const cases: [string, string, string[]][] = [
    // [what, input, secrets that must be gone]
    [
      'the OAuth code exchange body WebClient logs at debug',
      'http request body: {"code":"8437392.1234567.abcdef0123","client_id":"1111.2222","client_secret":"9f8e7d6c5b4a"}',
      ['8437392.1234567.abcdef0123', '9f8e7d6c5b4a'],
    ],
    ['the same body as a form', 'client_id=1111.2222&client_secret=9f8e7d6c5b4a&code=8437392.1234567.abcdef0123&redirect_uri=x', ['9f8e7d6c5b4a', '8437392.1234567.abcdef0123']],
    ['a callback URL', 'GET /slack/oauth_redirect?code=8437392.1234567.abcdef0123&state=abc123state', ['8437392.1234567.abcdef0123']],
    ['escaped JSON inside a JSON string', '{"error":"{\\"access_token\\":\\"opaque-value-1\\",\\"ok\\":true}"}', ['opaque-value-1']],
    ['Slack tokens of every kind', 'xoxb-123-456-abcDEF xoxp-1-2-3 xapp-1-A1-99-ffff xoxe.xoxp-1-Mi0y xoxe-1-refresh', ['123-456-abcDEF', '1-2-3', '1-A1-99-ffff', 'Mi0y', '1-refresh']],
    ['a Bearer header', 'headers: Authorization: Bearer abc.def-ghi~jkl/mno+pqr=', ['abc.def-ghi~jkl/mno+pqr=']],
    ['a Basic header', 'authorization: Basic dXNlcjpwYXNz', ['dXNlcjpwYXNz']],
    ['a JWT anywhere (Bot Framework token, OAuth state)', `authorize?scope=commands&state=${JWT}&client_id=1`, [JWT, JWT.split('.')[2]]],
    ['a password in a database URL', 'connect failed: postgres://app:S3cr3t!pw@db.internal:5432/prod', ['S3cr3t!pw']],
    ['a Slack response_url and webhook', 'posting to https://hooks.slack.com/commands/T1/123/AbCdEf and https://hooks.slack.com/services/T1/B2/xyz', ['AbCdEf', 'T1/B2/xyz']],
    ['a response_url in a Socket Mode envelope', '{"response_url":"http://127.0.0.1:9/response/abc","trigger_id":"111.222.abc"}', ['/response/abc', '111.222.abc']],
    ['a WebSocket ticket', 'http request result: {"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=tkt-0123&app_id=A1"}', ['tkt-0123']],
    ['name: value text', "client_secret: 9f8e7d6c5b4a, password: 'hunter2'", ['9f8e7d6c5b4a', 'hunter2']],
  ];
  it.each(cases)('%s', (_what, input, secrets) => {
    const out = redactText(input);
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('keeps what is not secret, so the line still helps', () => {
    const out = redactText('http request body: {"code":"8437.1234.abcd","client_id":"1111.2222","client_secret":"s"}');
    expect(out).toBe(`http request body: {"code":"${REDACTED}","client_id":"1111.2222","client_secret":"${REDACTED}"}`);
    expect(redactText('Bearer xyz')).toBe(`Bearer ${REDACTED}`);
    expect(redactText('xoxb-1-2-3')).toBe(`xoxb-${REDACTED}`);
    const plain = 'apiCall(\'users.info\') start; url: http://127.0.0.1:9/api/users.info {"user":"U1","include_locale":true} 2026-01-01T10:00:00Z';
    expect(redactText(plain)).toBe(plain);
  });

  it('is idempotent', () => {
    const once = redactText('{"token":"a"} token=b Authorization: Bearer c xoxb-d');
    expect(redactText(once)).toBe(once);
  });
});

describe('redactFields', () => {
  it('replaces values under secret names and redacts every string, nested too', () => {
    const fields = { user: 'U1', clientSecret: 's3', nested: { access_token: { raw: 'x' }, list: ['xoxb-1-2', 'fine'] }, error: new Error('failed with Bearer abc') };
    expect(redactFields(fields)).toEqual({
      user: 'U1',
      clientSecret: REDACTED,
      nested: { access_token: REDACTED, list: [`xoxb-${REDACTED}`, 'fine'] },
      error: `Error: failed with Bearer ${REDACTED}`,
    });
  });
  it('survives cycles', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(redactFields(loop)).toEqual({ a: 1, self: '[…]' });
  });
});

describe('the logger', () => {
  it.each(['debug', 'info', 'warn', 'error'] as const)('redacts every line at %s, message and fields', (level) => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    logger[level]('http request body: {"client_secret":"top-secret-1"} and xoxb-2-3-4', { token: 'top-secret-2', detail: 'code=top-secret-3', url: 'postgres://u:top-secret-4@h/db' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/top-secret|xoxb-2/);
    expect(lines[0]).toContain(level.toUpperCase());
  });
});
