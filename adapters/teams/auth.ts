/**
 * Who may talk to the bot: Bot Framework token validation through botbuilder's
 * ConfigurationBotFrameworkAuthentication (MicrosoftApp* settings), plus our tenant
 * allow-list. https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 *
 * Every validation failure becomes 401 here: botbuilder throws plain errors for some
 * bad tokens (a wrong signature surfaces as a JsonWebTokenError), which
 * CloudAdapter.process would answer with 500. Only "cannot fetch the signing keys"
 * is 503, because the token was not judged at all.
 *
 * After the token: the channel must be Teams (`msteams`), the tenant on the allow-list.
 * Without an app id and with TEAMS_ALLOW_UNAUTHENTICATED (a local emulator; config.ts
 * then insists HOST is loopback) nothing in the body is vouched for, so the serviceUrl
 * the bot would answer to must be loopback too, and the Bot Framework Emulator's
 * channel `emulator` is let in as well (the Agents Playground says `msteams`).
 * Each of these is a 403 before the turn runs.
 *
 * Tests (and private clouds) override the OpenID metadata, issuer and login URLs, and
 * may supply the outbound bot token instead of MSAL, so nothing leaves loopback.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  ServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ServiceClientCredentials,
} from 'botframework-connector';
import { isUnauthenticatedTeams, type TeamsConfig } from '../../src/runtime/config';
import { isLoopbackUrl } from '../../src/runtime/loopback';
import { tenantOf, type TeamsActivity } from './activity';

/** The channel id of Microsoft Teams activities. */
export const TEAMS_CHANNEL = 'msteams';
/** The channel id the Bot Framework Emulator sends; accepted in unauthenticated mode only. */
export const EMULATOR_CHANNEL = 'emulator';

export interface TeamsAuthOverrides {
  /** OpenID metadata of Bot Connector tokens (default https://login.botframework.com/v1/.well-known/openidconfiguration). */
  openIdMetadataUrl?: string;
  /** OpenID metadata of Emulator tokens (default: Azure AD's). */
  emulatorOpenIdMetadataUrl?: string;
  /** Expected issuer of Bot Connector tokens (default https://api.botframework.com). */
  tokenIssuer?: string;
  /** Token authority for outbound calls (default https://login.microsoftonline.com/botframework.com). */
  loginUrl?: string;
  /** Supplies the outbound bot token instead of MSAL (tests, custom identity setups). */
  botToken?: (audience: string) => Promise<string>;
}

export type AuthOutcome =
  | { ok: true; result: AuthenticateRequestResult }
  | { ok: false; status: 401 | 403 | 503; reason: string };

export interface TeamsAuth {
  readonly botFrameworkAuthentication: BotFrameworkAuthentication;
  /** Validates the Authorization header for this activity, then the tenant. */
  authenticate(activity: TeamsActivity, authHeader: string): Promise<AuthOutcome>;
}

/** Signs outbound requests with a token from `botToken` (no MSAL, no login host). */
class SuppliedTokenCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string | undefined,
    private readonly botToken: (audience: string) => Promise<string>,
  ) {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return !this.appId;
  }
  async createCredentials(_appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    const botToken = this.botToken;
    // Like botbuilder's own factories: no app id, no token (emulator mode).
    if (!this.appId) return { signRequest: async (request) => request };
    return {
      async signRequest(request) {
        request.headers.set('authorization', `Bearer ${await botToken(audience ?? '')}`);
        return request;
      },
    };
  }
}

export function createTeamsAuth(config: TeamsConfig, overrides: TeamsAuthOverrides = {}): TeamsAuth {
  const settings: Record<string, string | boolean> = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  };
  const custom = overrides.openIdMetadataUrl || overrides.emulatorOpenIdMetadataUrl || overrides.tokenIssuer || overrides.loginUrl;
  if (custom) {
    // Setting any of these makes botbuilder use exactly the given endpoints, so give all.
    Object.assign(settings, {
      ToChannelFromBotLoginUrl:
        overrides.loginUrl ??
        (config.appType === 'SingleTenant' && config.tenantId
          ? `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${config.tenantId}`
          : AuthenticationConstants.ToChannelFromBotLoginUrl),
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: overrides.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl:
        overrides.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    });
  }
  const credentials = overrides.botToken ? new SuppliedTokenCredentialsFactory(config.appId, overrides.botToken) : undefined;
  const botFrameworkAuthentication = new ConfigurationBotFrameworkAuthentication(settings, credentials);
  const allowed = new Set(config.allowedTenants);
  const unauthenticated = isUnauthenticatedTeams(config);
  const channels = new Set(unauthenticated ? [TEAMS_CHANNEL, EMULATOR_CHANNEL] : [TEAMS_CHANNEL]);

  return {
    botFrameworkAuthentication,
    async authenticate(activity, authHeader) {
      let result: AuthenticateRequestResult;
      try {
        result = await botFrameworkAuthentication.authenticateRequest(activity as unknown as Activity, authHeader);
      } catch (error) {
        return { ok: false, ...classify(error) };
      }
      if (!channels.has(activity.channelId)) {
        return { ok: false, status: 403, reason: `channel ${activity.channelId.slice(0, 64)} not allowed` };
      }
      if (unauthenticated && !isLoopbackUrl(activity.serviceUrl)) {
        // The bot would POST its answer there: never beyond this machine without a token.
        return { ok: false, status: 403, reason: 'serviceUrl is not a loopback address (unauthenticated mode)' };
      }
      if (allowed.size) {
        const tenant = tenantOf(activity);
        // Checked after the token: only then is the tenant id in the body trustworthy.
        if (!tenant || !allowed.has(tenant)) return { ok: false, status: 403, reason: `tenant ${tenant ?? '(none)'} not allowed` };
      }
      return { ok: true, result };
    },
  };
}

function classify(error: unknown): { status: 401 | 503; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const keysUnavailable =
    (error instanceof AuthenticationError && error.statusCode >= 500) ||
    (error instanceof Error && error.name === 'FetchError');
  return keysUnavailable ? { status: 503, reason: `signing keys unavailable: ${message}` } : { status: 401, reason: message };
}
