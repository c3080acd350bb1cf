/**
 * Child process holding the fake platforms (Slack Web API, OpenID/JWKS, Bot
 * Connector), apart from both the app under test and the load generator: a 2 s Slack
 * keeps thousands of sockets open, which must not steal the load generator's loop.
 * The fakes are the tests' own (test/kit), as strict as the services; under load they
 * count calls instead of keeping them, and hold the seeded plans' messages (`plant*`).
 */
import { startFakeConnector } from '../test/kit/fake-connector';
import { startFakeSlack } from '../test/kit/fake-slack';
import { installNetGuard } from '../test/kit/net-guard';
import { startOpenIdServer } from '../test/kit/openid';
import { APP_ID } from '../test/kit/teams-activities';
import { memoryNow, serveParent } from './child';

export interface FakesInfo {
  slackApiUrl: string;
  /** A response_url base: append an id. */
  responseUrlBase: string;
  openIdMetadataUrl: string;
  serviceUrl: string;
}

/** A seeded plan's message: its channel (Slack channel, Teams conversation) and id (ts, activity id). */
export interface PlantedMessage {
  channel: string;
  id: string;
}

async function main(): Promise<void> {
  const guard = installNetGuard('the bench');
  const slack = await startFakeSlack({ keepCalls: false });
  // Everyone the bench invents is in the workspace and speaks English.
  slack.userFor = () => ({ name: 'Bench User', locale: 'en-US' });
  const connector = await startFakeConnector({ keepCalls: false });
  const openId = await startOpenIdServer({ appId: APP_ID, serviceUrl: connector.serviceUrl });
  const info: FakesInfo = {
    slackApiUrl: slack.apiUrl,
    responseUrlBase: slack.responseUrl(''),
    openIdMetadataUrl: openId.metadataUrl,
    serviceUrl: connector.serviceUrl,
  };
  const openIdCounts = () => {
    const counts: Record<string, number> = {};
    for (const hit of openId.hits) counts[`openid ${hit}`] = (counts[`openid ${hit}`] ?? 0) + 1;
    return counts;
  };
  serveParent(info, {
    slackDelay: (ms) => void (slack.delayMs = Number(ms)),
    watchSlack: (on) => slack.watch(Boolean(on)),
    slackShownOverTime: () => slack.shownOverTime(),
    plantSlack: (messages) => (messages as PlantedMessage[]).forEach((m) => slack.plant(m.channel, m.id)),
    plantTeams: (messages) => (messages as PlantedMessage[]).forEach((m) => connector.plant(m.channel, m.id)),
    counts: () => ({ ...slack.counts(), ...connector.counts(), ...openIdCounts() }),
    token: (seconds) => openId.sign({ expiresIn: Number(seconds ?? 3600) }),
    rss: () => memoryNow(),
    blocked: () => guard.blocked,
    stop: async () => {
      await slack.close();
      await connector.close();
      await openId.close();
      setImmediate(() => process.exit(0));
    },
  });
}

void main();
