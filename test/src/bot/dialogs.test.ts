/**
 * A half-finished interview lives in the store, SQLite included: a second bot on the
 * same file (a restarted process) picks it up where the first left off, in the
 * language chosen, and posts the plan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot } from '../../../src/bot';
import type { Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import { createSqliteStore } from '../../../src/store/sqlite';

const alice: Inbound = { scope: { platform: 'teams', workspace: 'tenant-1', channel: '19:ops' }, user: { id: 'aad-alice', name: 'Alice' } };
const textOf = (replies: Reply[]) => replies.map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type)).join('\n');

describe.each([
  ['en', '2000 standard sp', ['no', 'no', 'post'], 'Posting the plan in this channel: Service pack rollout plan for Exchange 2000 (#1)…'],
  ['nl', '2000 standaard servicepack', ['nee', 'nee', 'plaatsen'], 'Het plan wordt in dit kanaal geplaatst: Uitrolplan servicepack voor Exchange 2000 (#1)…'],
] as const)('in %s', (lang, start, rest, posted) => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-dialogs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an interview begun before a restart goes on after it, on the same SQLite file', async () => {
    const file = path.join(dir, 'exchange-sp.sqlite');
    const before = createSqliteStore({ file });
    await before.migrate();
    const first = createBot({ store: before });
    await first.handleMessage(alice, { text: lang, isCommand: true });
    await first.handleMessage(alice, { text: start });
    expect(await first.userContext(alice)).toEqual({ locale: lang, interviewing: true });
    await before.close();

    const after = createSqliteStore({ file });
    await after.migrate();
    const second = createBot({ store: after });
    expect(await second.userContext(alice)).toEqual({ locale: lang, interviewing: true });
    let last: Reply[] = [];
    for (const line of rest) last = await second.handleMessage(alice, { text: line });
    expect(textOf(last)).toContain(posted);
    // The plan is in the outbox, due for its first post.
    const [rollout] = await after.listRollouts(alice.scope);
    expect(await after.getDelivery(alice.scope, rollout.id)).toMatchObject({ postState: 'pending' });
    expect(await second.userContext(alice)).toEqual({ locale: lang, interviewing: false });
    await after.close();
  });
});
