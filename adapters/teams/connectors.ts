/**
 * Bot Connector clients for outbound calls, one per serviceUrl, signed with the
 * bot's own credentials (or the token supplied by TeamsAuthOverrides in tests).
 * Used by the turn (private replies) and by delivery (the plan, its thread lines).
 */
import { isLoopbackUrl } from '../../src/runtime/loopback';
import { AuthenticationConstants, ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorClient } from 'botframework-connector';

/** The code of the refusal to call a serviceUrl beyond this machine without a token. */
export const NOT_LOOPBACK = 'not_loopback';

export type ConnectorFor = (serviceUrl: string) => Promise<ConnectorClient>;

/**
 * botbuilder's ConnectorClient sends through an Azure pipeline that retries 429s and
 * 5xx by itself, new messages included: after a 5xx that was in fact carried out, a
 * card would be posted twice. We decide about retries ourselves (retry.ts for replies,
 * the publisher for delivery), so the pipeline's own retry phase is taken out.
 */
export function withoutSdkRetries(connector: ConnectorClient): ConnectorClient {
  const pipeline = (connector as unknown as { client?: { pipeline?: { removePolicy(o: { phase: 'Retry' }): unknown } } }).client?.pipeline;
  pipeline?.removePolicy({ phase: 'Retry' });
  return connector;
}

export function createConnectors(appId: string | undefined, auth: BotFrameworkAuthentication, options: { loopbackOnly?: boolean } = {}): ConnectorFor {
  const connectors = new Map<string, Promise<ConnectorClient>>();
  return (serviceUrl) => {
    if (options.loopbackOnly && !isLoopbackUrl(serviceUrl)) {
      return Promise.reject(Object.assign(new Error('serviceUrl is not a loopback address'), { code: NOT_LOOPBACK }));
    }
    let connector = connectors.get(serviceUrl);
    if (!connector) {
      const id = appId ?? '';
      const identity = new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: id },
          { type: AuthenticationConstants.AppIdClaim, value: id },
        ],
        true,
      );
      connector = auth.createConnectorFactory(identity).create(serviceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope).then(withoutSdkRetries);
      connector.catch(() => connectors.delete(serviceUrl));
      // Bounded: one per serviceUrl, of which Teams uses a handful.
      if (connectors.size > 1000) connectors.clear();
      connectors.set(serviceUrl, connector);
    }
    return connector;
  };
}
