/**
 * fast-check arbitraries for hostile HTTP requests against one running app (Slack at
 * /slack/events, Teams at /api/messages, anything else anywhere). Each generated
 * request knows which statuses are acceptable answers to it.
 */
import fc from 'fast-check';
import type { FakeSlack } from '../kit/fake-slack';
import { blockActionsBody, sign, slashCommandBody } from '../kit/slack-requests';
import { invokeActivity, messageActivity } from '../kit/teams-activities';
import type { OpenIdServer, TokenOptions } from '../kit/openid';
import type { Seeded } from './edge-seed';

export interface EdgeContext extends Seeded {
  base: string;
  fake: FakeSlack;
  openid: OpenIdServer;
  serviceUrl: string;
  /** A validly signed step click from T1/C1 (recorded once when `rolloutId` is home). */
  sendValidClick(o: { rolloutId: string; responseId: string; stepId?: string }): Promise<{ status: number; body: string }>;
  /** The exact request (body, timestamp, signature) of a click that was recorded. */
  replay: { body: string; timestamp: number; signature: string };
}

export interface HostileRequest {
  kind: string;
  allowed: number[];
  send(ctx: EdgeContext): Promise<{ status: number; body: string }>;
}

const now = () => Math.floor(Date.now() / 1000);

async function post(url: string, body: string | Buffer, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text() };
}

const slackHeaders = (body: string | Buffer, ts = now(), signature: string | null = sign(body.toString(), ts), type = 'application/x-www-form-urlencoded') => ({
  'Content-Type': type,
  'X-Slack-Request-Timestamp': String(ts),
  ...(signature === null ? {} : { 'X-Slack-Signature': signature }),
});

/** A button value naming something that is not ours here: foreign, unknown, tampered. */
const hostileValue = (ctx: EdgeContext) =>
  fc.oneof(
    fc.record({ r: fc.constantFrom(...ctx.foreignSlack, ctx.foreignTeams), v: fc.constantFrom('confirm', 'undo') }).map(({ r, v }) => JSON.stringify({ k: 'step', r, s: 'release-notes', v })),
    fc.string({ minLength: 1, maxLength: 24 }).map((r) => JSON.stringify({ k: 'step', r, s: 'release-notes', v: 'confirm' })),
    fc.constantFrom('destroy', 'delete', 'CONFIRM', '').map((v) => JSON.stringify({ k: 'step', r: ctx.home, s: 'release-notes', v })),
    fc.string({ maxLength: 40 }).map((s) => JSON.stringify({ k: 'step', r: ctx.home, s, v: 'confirm', extra: 1 })),
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 3000 }),
    fc.constant(`{"k":"step","r":"${ctx.home}","s":"release-notes","v":"confirm"`), // cut short
  );


const huge = (): Buffer => Buffer.alloc(1_100_000, 'a');

export function hostileRequest(): fc.Arbitrary<HostileRequest> {
  const slackForged: fc.Arbitrary<HostileRequest> = fc
    .record({ sig: fc.oneof(fc.constant(null), fc.stringMatching(/^[0-9a-f]{0,64}$/).map((h) => `v0=${h}`), fc.string({ maxLength: 80 })), text: fc.string({ maxLength: 200 }) })
    .map(({ sig, text }) => ({
      kind: 'slack forged signature',
      allowed: [401],
      send: (ctx) => {
        const body = slashCommandBody(text, ctx.fake.responseUrl('forged'));
        return post(`${ctx.base}/slack/events`, body, slackHeaders(body, now(), sig));
      },
    }));
  const slackWrongSecret: fc.Arbitrary<HostileRequest> = fc.string({ minLength: 1, maxLength: 40 }).map((secret) => ({
    kind: 'slack wrong secret',
    allowed: [401],
    send: (ctx) => {
      const body = blockActionsBody({ value: JSON.stringify({ k: 'step', r: ctx.home, s: 'full-backup', v: 'confirm' }), responseUrl: ctx.fake.responseUrl('x') });
      const ts = now();
      return post(`${ctx.base}/slack/events`, body, slackHeaders(body, ts, sign(body, ts, `${secret}-not-ours`)));
    },
  }));
  const slackStale: fc.Arbitrary<HostileRequest> = fc.oneof(fc.integer({ min: 301, max: 10_000_000 }), fc.integer({ min: -10_000_000, max: -301 })).map((skew) => ({
    kind: 'slack stale or future timestamp',
    allowed: [401],
    send: (ctx) => {
      const body = blockActionsBody({ value: JSON.stringify({ k: 'step', r: ctx.home, s: 'full-backup', v: 'confirm' }), responseUrl: ctx.fake.responseUrl('x') });
      const ts = now() - skew;
      return post(`${ctx.base}/slack/events`, body, slackHeaders(body, ts, sign(body, ts)));
    },
  }));
  const signedClick: fc.Arbitrary<HostileRequest> = fc
    .record({ user: fc.stringMatching(/^U[A-Z0-9]{1,10}$/), pick: fc.nat(), hostileUrl: fc.boolean(), seed: fc.integer() })
    .map(({ user, hostileUrl, seed }) => ({
      kind: 'slack signed click, foreign or tampered value',
      allowed: [200],
      send: async (ctx) => {
        const [value] = fc.sample(hostileValue(ctx), { seed, numRuns: 1 });
        const responseUrl = hostileUrl ? 'http://attacker.invalid/collect' : ctx.fake.responseUrl(`h-${seed}`);
        const body = blockActionsBody({ value, user, responseUrl });
        return post(`${ctx.base}/slack/events`, body, slackHeaders(body));
      },
    }));
  const signedGarbage: fc.Arbitrary<HostileRequest> = fc
    .record({
      body: fc.oneof(
        fc.string({ maxLength: 500 }),
        fc.json().map((j) => `payload=${encodeURIComponent(j)}`),
        fc.string().map((s) => `payload=${s}`),
        // Signed JSON that is not an object: Bolt would throw outside any listener.
        fc.constantFrom('null', 'payload=null', '[]', 'payload=%5B1%5D', '42', 'payload=%22text%22'),
      ),
      type: fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml'),
    })
    .map(({ body, type }) => ({
      kind: 'slack signed garbage',
      // Only Slack can sign: a 404 (Bolt: no listener for it) is as fine as a 400.
      allowed: [200, 400, 401, 404, 415],
      send: (ctx) => post(`${ctx.base}/slack/events`, body, slackHeaders(body, now(), sign(body, now()), type)),
    }));
  const replay: fc.Arbitrary<HostileRequest> = fc.constant({
    kind: 'slack replay of a recorded click',
    allowed: [200],
    send: (ctx) => post(`${ctx.base}/slack/events`, ctx.replay.body, slackHeaders(ctx.replay.body, ctx.replay.timestamp, ctx.replay.signature)),
  });
  const hugeBody: fc.Arbitrary<HostileRequest> = fc.constantFrom('/slack/events', '/api/messages').map((route) => ({
    kind: `huge body to ${route}`,
    allowed: [413],
    send: (ctx) => {
      const body = huge();
      return post(`${ctx.base}${route}`, body, route === '/slack/events' ? slackHeaders(body) : { 'Content-Type': 'application/json', Authorization: 'Bearer x' });
    },
  }));
  const teamsBadToken: fc.Arbitrary<HostileRequest> = fc
    .oneof(
      fc.constant<TokenOptions | string | null>(null),
      fc.string({ maxLength: 300 }),
      fc.constant<TokenOptions>({ foreignKey: true }),
      fc.constant<TokenOptions>({ expiresIn: -600 }),
      fc.constant<TokenOptions>({ audience: 'someone-else' }),
      fc.constant<TokenOptions>({ issuer: 'https://evil.example' }),
    )
    .map((token) => ({
      kind: 'teams bad token',
      allowed: [401],
      send: async (ctx) => {
        const bearer = token === null ? undefined : typeof token === 'string' ? token : await ctx.openid.sign(token);
        const activity = invokeActivity({ serviceUrl: ctx.serviceUrl }, { xsp: { k: 'step', r: ctx.home, s: 'release-notes', v: 'confirm' } });
        return post(`${ctx.base}/api/messages`, JSON.stringify(activity), { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) });
      },
    }));
  const teamsSigned: fc.Arbitrary<HostileRequest> = fc
    .record({ seed: fc.integer(), tenant: fc.constantFrom(undefined, 'a-third-tenant') /* never other-tenant-0000: the foreign rollout's own scope */, shape: fc.constantFrom('invoke', 'tampered', 'garbage') })
    .map(({ seed, tenant, shape }) => ({
      kind: `teams valid token, ${shape}`,
      allowed: shape === 'invoke' ? [200] : [200, 400],
      send: async (ctx) => {
        const token = await ctx.openid.sign({});
        const [value] = fc.sample(hostileValue(ctx), { seed, numRuns: 1 });
        const where = { serviceUrl: ctx.serviceUrl, ...(tenant ? { tenant } : {}) };
        let data: unknown;
        try {
          data = { xsp: JSON.parse(value) as unknown };
        } catch {
          data = { xsp: value };
        }
        let body: string;
        if (shape === 'invoke') body = JSON.stringify(invokeActivity(where, data));
        else if (shape === 'tampered') body = JSON.stringify({ ...messageActivity(where, 'status'), type: value, from: value, conversation: seed % 2 ? null : value });
        else body = value;
        return post(`${ctx.base}/api/messages`, body, { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` });
      },
    }));
  const wrongPlace: fc.Arbitrary<HostileRequest> = fc
    .record({ path: fc.oneof(fc.constantFrom('/', '/slack', '/api', '/healthz/x', '/../etc/passwd', '/slack/events/'), fc.webPath()), method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') })
    .map(({ path, method }) => ({
      kind: 'wrong path or method',
      allowed: path === '/healthz' || path === '' ? [200, 404, 405] : [400, 404, 405],
      send: (ctx) => post(`${ctx.base}${path.startsWith('/') ? path : `/${path}`}`, 'x', { 'Content-Type': 'text/plain' }, method),
    }));
  return fc.oneof(
    { arbitrary: slackForged, weight: 3 },
    { arbitrary: slackWrongSecret, weight: 2 },
    { arbitrary: slackStale, weight: 2 },
    { arbitrary: signedClick, weight: 6 },
    { arbitrary: signedGarbage, weight: 3 },
    { arbitrary: replay, weight: 1 },
    { arbitrary: hugeBody, weight: 1 },
    { arbitrary: teamsBadToken, weight: 3 },
    { arbitrary: teamsSigned, weight: 5 },
    { arbitrary: wrongPlace, weight: 2 },
  );
}
