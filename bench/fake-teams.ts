/**
 * Teams on loopback: an OpenID metadata document + JWKS standing in for
 * login.botframework.com (so botbuilder validates real RS256 tokens against local
 * keys), a signer for Bot Connector tokens, and a fake Bot Connector that accepts
 * sends, replies and updates. Adapted from test/adapters/teams/helpers/{openid,
 * fake-connector}.ts (copied: bench/ cannot import test/, and those helpers are still
 * being edited by the Teams adapter's owner).
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const BENCH_APP_ID = '00000000-0000-0000-0000-00000000b07a';
export const TOKEN_ISSUER = 'https://api.botframework.com';

export interface BenchFakeTeams {
  openIdMetadataUrl: string;
  /** Bot Connector base URL (the activities' serviceUrl), ending in '/'. */
  serviceUrl: string;
  /** A Bot Connector token for inbound activities, valid for `seconds`. */
  sign(seconds: number): string;
  counts(): Record<string, number>;
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export async function startBenchFakeTeams(): Promise<BenchFakeTeams> {
  const kid = 'bench-key-1';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const counts: Record<string, number> = {};

  let openIdBase = '';
  const openId = http.createServer((req, res) => {
    counts[`openid ${req.url}`] = (counts[`openid ${req.url}`] ?? 0) + 1;
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: TOKEN_ISSUER, jwks_uri: `${openIdBase}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      // botbuilder checks the key's endorsements against the activity's channelId.
      res.end(JSON.stringify({ keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256', endorsements: ['msteams', 'emulator'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  openIdBase = await listen(openId);

  let next = 1;
  const connector = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = `connector ${req.method}`;
      counts[key] = (counts[key] ?? 0) + 1;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ id: req.method === 'POST' ? `bot-msg-${next++}` : 'updated' }));
    });
  });
  const serviceUrl = `${await listen(connector)}/`;

  return {
    openIdMetadataUrl: `${openIdBase}/v1/.well-known/openidconfiguration`,
    serviceUrl,
    sign(seconds) {
      const now = Math.floor(Date.now() / 1000);
      const payload = { serviceurl: serviceUrl, iss: TOKEN_ISSUER, aud: BENCH_APP_ID, iat: now - 60, nbf: now - 60, exp: now + seconds };
      const input = `${b64url({ alg: 'RS256', kid, typ: 'JWT' })}.${b64url(payload)}`;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    },
    counts: () => ({ ...counts }),
    close: async () => {
      for (const server of [openId, connector]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
