/**
 * What the channel sees survives a crash. Real processes of the built app on one
 * SQLite file, killed with SIGKILL, against fakes as strict as Slack and the Bot
 * Connector:
 * - a Confirm acknowledged and the process killed a few milliseconds later, before
 *   anything reached the channel: after a restart the card shows the confirmation and
 *   the thread gets exactly one line for it (Slack and Teams);
 * - the first post of a two-part plan killed half-way: after a restart the second part
 *   is posted and the first is not posted again;
 * - ROLE=web only records and acknowledges; a ROLE=worker process on the same file
 *   delivers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPlan } from '../../conversations/plan/build';
import type { CompleteAnswers } from '../../conversations/types';
import { conversationOf } from '../../adapters/teams/conversation';
import { activitySchema } from '../../adapters/teams/activity';
import type { Scope } from '../../src/rollout/model';
import { createSqliteStore } from '../../src/store/sqlite';
import { startFakeSlack, type FakeSlack } from '../kit/fake-slack';
import { CHANNEL, BOB, invokeActivity, messageActivity, TENANT } from '../kit/teams-activities';
import { startFakeConnector, type FakeConnector } from '../kit/fake-connector';
import { eventually, killAll, startApp, type AppProcess } from '../support/app-process';
import { delivered } from '../support/delivery-probe';
import { send, stepClick } from '../support/slack-driver';

jest.setTimeout(90_000);

const cluster: CompleteAnswers = {
  version: '2000', product: 'enterprise', topology: 'active-passive', change: 'service-pack',
  nodeA: 'EXCH1', nodeB: 'EXCH2', evsA: 'EVS1', adc: false, terminalServices: false,
};
const owner = { id: 'U1', name: 'Alice Admin' };

let dir: string;
let fake: FakeSlack;
let connector: FakeConnector;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'exchange-sp-crash-'));
  fake = await startFakeSlack();
  connector = await startFakeConnector();
});
afterEach(async () => {
  await killAll();
  await fake.close();
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

const dataDir = () => path.join(dir, 'data');
const start = (extra: Record<string, string> = {}) =>
  startApp({ slackApiUrl: fake.apiUrl, dataDir: dataDir(), extra: { HOST: '127.0.0.1', TEAMS_ALLOW_UNAUTHENTICATED: 'true', ...extra } });

/** A rollout written to the app's SQLite file, as a post-plan click would; the app's publisher posts it. */
async function seed(scope: Scope, address: Record<string, unknown>): Promise<string> {
  const store = createSqliteStore({ file: path.join(dataDir(), 'exchange-sp.sqlite') });
  try {
    await store.migrate();
    const { rollout } = await store.createRollout({
      scope, owner, locale: 'en', answers: cluster, plan: buildPlan(cluster), operators: [], actionKey: `seed-${Date.now()}`, address,
    });
    return rollout.id;
  } finally {
    await store.close();
  }
}

const teamsThread = `${CHANNEL};messageid=1711000000001`;
const teamsWhere = () => ({ serviceUrl: connector.serviceUrl, conversationId: teamsThread });
const teamsAddress = () => ({ post: conversationOf(activitySchema.parse(messageActivity(teamsWhere(), 'exchange-sp')), TENANT) });
const teamsScope: Scope = { platform: 'teams', workspace: TENANT, channel: CHANNEL };
const linesIn = (texts: string[]) => texts.flatMap((t) => t.split('\n'));

describe('killed right after the ack', () => {
  it('Slack: after the restart the card shows the confirmation and the thread has exactly one line for it', async () => {
    const first = await start();
    const id = await seed({ platform: 'slack', workspace: 'T1', channel: 'C1' }, { teamId: 'T1', userId: 'U1' });
    expect(await delivered(first.url)).toBe(true);
    const [plan] = fake.shown('C1');
    expect(plan).toBeDefined();

    const click = stepClick(fake, { rolloutId: id, stepId: 'release-notes', verb: 'confirm' }, { user: 'U2', userName: 'bob', actionTs: '1700400000.000001' });
    const callsBefore = fake.calls().length;
    expect((await send(first.url, click)).status).toBe(200);
    await first.kill9();
    // Nothing of the click had reached the channel yet: what follows is the restart's doing.
    expect(fake.calls().slice(callsBefore).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    expect(plan.updates).toBe(0);

    const second = await start();
    expect(await delivered(second.url)).toBe(true);
    const [shown] = fake.shown('C1');
    expect(shown.ts).toBe(plan.ts);
    expect(JSON.stringify(shown.blocks)).toMatch(/:white_check_mark: \*1\. Read the release notes[^"]*[\s\S]*?bob/);
    const lines = linesIn(fake.thread('C1', plan.ts).map((m) => m.text));
    expect(lines).toEqual([expect.stringMatching(/^bob confirmed step 1: Read the release notes/)]);
  });

  it('Teams: after the restart the card shows the confirmation and the thread has exactly one line for it', async () => {
    const first = await start();
    const id = await seed(teamsScope, teamsAddress());
    expect(await delivered(first.url)).toBe(true);
    const parts = connector.shown(teamsThread);
    expect(parts.length).toBeGreaterThan(0);

    const data = { xsp: { k: 'step', r: id, s: 'release-notes', v: 'confirm' } };
    const callsBefore = connector.calls.length;
    const res = await fetch(`${first.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(invokeActivity(teamsWhere(), data, { from: BOB, replyToId: parts[0].id, id: 'f:bob-crash' })),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Done by Bob de Vries');
    await first.kill9();
    expect(connector.calls.slice(callsBefore)).toEqual([]);

    const second = await start();
    expect(await delivered(second.url)).toBe(true);
    const cards = connector.shown(teamsThread).map((a) => JSON.stringify(a.body));
    expect(cards.join('\n')).toContain('Done by Bob de Vries');
    const lines = linesIn(connector.replies(teamsThread, parts[0].id).map((a) => String(a.body.text)));
    expect(lines).toEqual([expect.stringMatching(/^Bob de Vries confirmed step 1: Read the release notes/)]);
    expect(connector.refused).toEqual([]);
  });
});

it('a first post killed in flight is made after the restart, exactly once', async () => {
  const first = await start();
  // The plan is one message in Teams; it never reaches the connector before the kill.
  connector.holdNext('POST');
  await seed(teamsScope, teamsAddress());
  expect(await eventually(() => connector.held() === 1)).toBe(true);
  expect(connector.shown(teamsThread)).toEqual([]);
  await first.kill9();

  const second = await start();
  expect(await delivered(second.url)).toBe(true);
  const after = connector.shown(teamsThread);
  expect(after).toHaveLength(1);
  expect(JSON.stringify(after[0].body)).toContain('Service pack rollout plan for Exchange 2000');
  expect(connector.refused).toEqual([]);
});

it('ROLE=web records and acknowledges only; a ROLE=worker process on the same file delivers', async () => {
  const web = await start({ ROLE: 'web' });
  const id = await seed({ platform: 'slack', workspace: 'T1', channel: 'C1' }, { teamId: 'T1', userId: 'U1' });
  const click = stepClick(fake, { rolloutId: id, stepId: 'release-notes', verb: 'confirm' }, { user: 'U2', userName: 'bob', actionTs: '1700400000.000002' });
  expect((await send(web.url, click)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 1500));
  // The web process sent nothing to the channel: the plan and the line wait in the outbox.
  expect(fake.calls().filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  const worker = await start({ ROLE: 'worker' });
  expect(await delivered(worker.url)).toBe(true);
  const [plan] = fake.shown('C1');
  expect(JSON.stringify(plan.blocks)).toMatch(/bob/);
  expect(linesIn(fake.thread('C1', plan.ts).map((m) => m.text))).toEqual([expect.stringMatching(/^bob confirmed step 1/)]);
});
