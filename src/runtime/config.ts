/**
 * Environment -> configuration, parsed once at start. Every variable is listed with a
 * comment in .env.example and the README. Invalid values stop the start with a clear
 * message instead of surfacing later.
 */
import path from 'node:path';
import type { LogLevel } from './log';
import { isLoopbackHost } from './loopback';

export interface SlackConfig {
  botToken?: string;
  signingSecret: string;
  /** Socket Mode instead of HTTP when set (xapp-...). */
  appToken?: string;
  /** Base URL of the Slack Web API (a local fake in tests), e.g. http://127.0.0.1:4000/api/ */
  apiUrl?: string;
  /** OAuth install flow for many workspaces (issue 5); all three or none. */
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  /** 32-byte key (hex or base64) that encrypts stored installation tokens. */
  tokenEncryptionKey?: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  /** Tenants allowed to use the bot; empty: any. */
  allowedTenants: string[];
  /**
   * Local emulators only: accept requests without a token when no app id is set. Then
   * HOST must be loopback (checked here) and serviceUrl too (adapters/teams/auth.ts).
   */
  allowUnauthenticated: boolean;
}

/**
 * What this process does: `all` (default) answers requests and delivers; `web` only
 * verifies, records and acknowledges; `worker` only delivers the outbox (and answers
 * /healthz and /metrics). Several of each may share one Postgres.
 */
export type ProcessRole = 'all' | 'web' | 'worker';

/** Requests without a token are accepted: no app id and TEAMS_ALLOW_UNAUTHENTICATED=true. */
export function isUnauthenticatedTeams(teams: TeamsConfig): boolean {
  return !teams.appId && teams.allowUnauthenticated;
}

export interface Config {
  role: ProcessRole;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: LogLevel;
  /** undefined: Slack is not configured. */
  slack?: SlackConfig;
  teams: TeamsConfig;
  /** Open the console chat (no platform configured, or `--console`). */
  console: boolean;
}

export class ConfigError extends Error {}

/** SLACK_TOKEN_ENCRYPTION_KEY as the 32-byte AES-256 key (64 hex chars or base64), or undefined if it is not one. */
export function decodeTokenKey(text: string): Buffer | undefined {
  const key = /^[0-9a-f]{64}$/i.test(text)
    ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
      ? Buffer.from(text, 'base64')
      : undefined;
  return key?.length === 32 ? key : undefined;
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function flag(env: Env, name: string): boolean {
  const value = nonEmpty(env, name)?.toLowerCase();
  if (value === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
}

export function loadConfig(env: Env = process.env, argv: string[] = process.argv.slice(2)): Config {
  const portText = nonEmpty(env, 'PORT') ?? '3978';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, not "${portText}"`);
  }
  const logLevel = (nonEmpty(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, silent`);
  }

  const databaseUrl = nonEmpty(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  // ?schema=name picks the Postgres schema (src/open-store.ts); only plain lower-case names.
  let schema: string | null = null;
  try {
    if (databaseUrl) schema = new URL(databaseUrl).searchParams.get('schema');
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL');
  }
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError(`DATABASE_URL: schema must be a lower-case name (letters, digits, _), not "${schema}"`);
  }

  let slack: SlackConfig | undefined;
  const signingSecret = nonEmpty(env, 'SLACK_SIGNING_SECRET');
  const botToken = nonEmpty(env, 'SLACK_BOT_TOKEN');
  const clientId = nonEmpty(env, 'SLACK_CLIENT_ID');
  const clientSecret = nonEmpty(env, 'SLACK_CLIENT_SECRET');
  const stateSecret = nonEmpty(env, 'SLACK_STATE_SECRET');
  const oauthParts = [clientId, clientSecret, stateSecret].filter(Boolean).length;
  if (oauthParts !== 0 && oauthParts !== 3) {
    throw new ConfigError('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together');
  }
  const tokenEncryptionKey = nonEmpty(env, 'SLACK_TOKEN_ENCRYPTION_KEY');
  if (oauthParts === 3 && !tokenEncryptionKey) {
    throw new ConfigError('SLACK_TOKEN_ENCRYPTION_KEY is required with SLACK_CLIENT_ID: installation tokens are stored encrypted');
  }
  if (tokenEncryptionKey && !decodeTokenKey(tokenEncryptionKey)) {
    throw new ConfigError('SLACK_TOKEN_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64 (e.g. `openssl rand -hex 32`)');
  }
  if (botToken || oauthParts === 3) {
    if (!signingSecret) throw new ConfigError('SLACK_SIGNING_SECRET is required with Slack credentials');
    slack = {
      botToken,
      signingSecret,
      appToken: nonEmpty(env, 'SLACK_APP_TOKEN'),
      apiUrl: nonEmpty(env, 'SLACK_API_URL'),
      oauth: oauthParts === 3 ? { clientId: clientId!, clientSecret: clientSecret!, stateSecret: stateSecret! } : undefined,
      tokenEncryptionKey,
    };
  }

  const appType = (nonEmpty(env, 'MicrosoftAppType') ?? 'MultiTenant') as TeamsConfig['appType'];
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new ConfigError('MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI');
  }
  const teams: TeamsConfig = {
    appId: nonEmpty(env, 'MicrosoftAppId'),
    appPassword: nonEmpty(env, 'MicrosoftAppPassword'),
    appType,
    tenantId: nonEmpty(env, 'MicrosoftAppTenantId'),
    allowedTenants: (nonEmpty(env, 'TEAMS_ALLOWED_TENANTS') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean),
    allowUnauthenticated: flag(env, 'TEAMS_ALLOW_UNAUTHENTICATED'),
  };

  const host = nonEmpty(env, 'HOST') ?? '0.0.0.0';
  // Without a token anyone who reaches the port could speak for any tenant and user,
  // and name the serviceUrl the bot then POSTs to: only this machine may reach it.
  if (isUnauthenticatedTeams(teams) && !isLoopbackHost(host)) {
    throw new ConfigError(
      `TEAMS_ALLOW_UNAUTHENTICATED=true without MicrosoftAppId is for a local emulator only, and HOST is "${host}": ` +
        'set HOST=127.0.0.1 (or ::1, localhost) so only this machine can reach /api/messages, or set MicrosoftAppId',
    );
  }

  const teamsConfigured = Boolean(teams.appId) || teams.allowUnauthenticated;
  const console = argv.includes('--console') || (!slack && !teamsConfigured);
  const role = (nonEmpty(env, 'ROLE') ?? 'all').toLowerCase() as ProcessRole;
  if (!['all', 'web', 'worker'].includes(role)) throw new ConfigError('ROLE must be all, web or worker');
  if (role !== 'all' && console) throw new ConfigError('ROLE=web and ROLE=worker need Slack or Teams configured; the console chat runs as ROLE=all');

  return {
    role,
    port,
    host,
    dataDir: path.resolve(nonEmpty(env, 'DATA_DIR') ?? './data'),
    databaseUrl,
    logLevel,
    slack,
    teams,
    console,
  };
}
