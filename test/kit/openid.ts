/**
 * A local stand-in for login.botframework.com: an OpenID metadata document and JWKS
 * served on loopback, and a signer for Bot Connector style RS256 tokens. Keys carry
 * the `endorsements` botbuilder checks against the activity's channelId.
 * Used by the tests and by the bench (which signs its load's tokens with it).
 * (node:crypto rather than jose: jose 6 is ESM-only and jest here runs CommonJS.)
 */
import { createSign, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN_ISSUER = 'https://api.botframework.com';
/** Like the service's keys, ours sign for many channels, not Teams alone: the bot must check the channel itself. */
export const ENDORSEMENTS = ['msteams', 'emulator', 'webchat', 'directline', 'slack', 'skype'];

export interface TokenOptions {
  audience?: string;
  serviceUrl?: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with a key the JWKS doesn't hold (same kid). */
  foreignKey?: boolean;
}

export interface OpenIdServer {
  metadataUrl: string;
  sign(options: TokenOptions): Promise<string>;
  close(): Promise<void>;
  /** Requests seen (to prove validation used the local keys). */
  hits: string[];
}

function rsaKey(): { privateKey: KeyObject; jwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: publicKey.export({ format: 'jwk' }) };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

export async function startOpenIdServer(defaults: { appId: string; serviceUrl: string }): Promise<OpenIdServer> {
  const kid = 'test-key-1';
  const trusted = rsaKey();
  const foreign = rsaKey();
  const hits: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: TOKEN_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(JSON.stringify({ keys: [{ ...trusted.jwk, kid, use: 'sig', alg: 'RS256', endorsements: ENDORSEMENTS }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    hits,
    async sign(options) {
      const now = Math.floor(Date.now() / 1000);
      const key = options.foreignKey ? foreign.privateKey : trusted.privateKey;
      const payload = {
        serviceurl: options.serviceUrl ?? defaults.serviceUrl,
        iss: options.issuer ?? TOKEN_ISSUER,
        aud: options.audience ?? defaults.appId,
        iat: now - 60,
        nbf: now - 60,
        exp: now + (options.expiresIn ?? 3600),
      };
      return signRs256({ alg: 'RS256', kid, typ: 'JWT' }, payload, key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
