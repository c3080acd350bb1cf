/**
 * Child process holding the fake platforms (Slack Web API, OpenID/JWKS, Bot
 * Connector), apart from both the app under test and the load generator: a 2 s Slack
 * keeps thousands of sockets open, which must not steal the load generator's loop.
 */
import { memoryNow, serveParent } from './child';
import { startBenchFakeSlack } from './fake-slack';
import { startBenchFakeTeams } from './fake-teams';
import { installLoopbackGuard } from './net-guard';

export interface FakesInfo {
  slackApiUrl: string;
  /** A response_url base: append an id. */
  responseUrlBase: string;
  openIdMetadataUrl: string;
  serviceUrl: string;
}

async function main(): Promise<void> {
  const guard = installLoopbackGuard();
  const slack = await startBenchFakeSlack();
  const teams = await startBenchFakeTeams();
  const info: FakesInfo = {
    slackApiUrl: slack.apiUrl,
    responseUrlBase: slack.responseUrl(''),
    openIdMetadataUrl: teams.openIdMetadataUrl,
    serviceUrl: teams.serviceUrl,
  };
  serveParent(info, {
    slackDelay: (ms) => slack.setDelay(Number(ms)),
    watchSlack: (on) => slack.watch(Boolean(on)),
    slackShownOverTime: () => slack.shownOverTime(),
    counts: () => ({ ...slack.counts(), ...teams.counts() }),
    token: (seconds) => teams.sign(Number(seconds ?? 3600)),
    rss: () => memoryNow(),
    blocked: () => guard.blocked,
    stop: async () => {
      await slack.close();
      await teams.close();
      setImmediate(() => process.exit(0));
    },
  });
}

void main();
