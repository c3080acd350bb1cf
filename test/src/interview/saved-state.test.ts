/**
 * Saved interviews are parsed, not cast: one saved by the previous release (a bare state,
 * no version) goes on where it stood; one that cannot be read is dropped and the person
 * starts afresh, with no error and nothing else changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBot } from '../../../src/bot';
import type { Inbound, Reply } from '../../../src/bot/types';
import { renderCardAsText } from '../../../src/cards/text';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { dialogKey } from '../../../src/interview/state-store';
import { fromStored, SAVED_INTERVIEW_VERSION, toStored } from '../../../src/interview/saved-state';
import type { SavedInterview } from '../../../src/interview/campaign-model';

const alice: Inbound = { scope: { platform: 'slack', workspace: 'T1', channel: 'C1' }, user: { id: 'U1', name: 'Alice' } };
const textOf = (replies: Reply[]) => replies.map((r) => (r.type === 'private' ? renderCardAsText(r.card).text : r.type)).join('\n');

/** As the release before versioned states saved an interview at its summary (no `v`). */
const bareAtSummary = {
  locale: 'en',
  answers: { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', adc: false, terminalServices: false },
  history: [{}, { version: '2000', product: 'standard', topology: 'single', change: 'service-pack' }],
  stage: 'summary',
  operators: [],
  startedAt: '2026-11-28T22:00:00.000Z',
};

const campaign: SavedInterview = {
  kind: 'campaign',
  locale: 'nl',
  servers: [{ name: 'EXCH1', wave: 1, dialog: { locale: 'nl', answers: { version: '5.5' }, history: [{}], stage: 'asking', operators: [], startedAt: '2026-11-28T22:00:00.000Z' } }],
  current: 0,
  operators: [{ id: 'U2', name: 'Bob' }],
  startedAt: '2026-11-28T22:00:00.000Z',
  window: { start: '2026-11-29T21:00:00.000Z', end: '2026-11-30T01:00:00.000Z', timeZone: 'Europe/Amsterdam' },
};

describe('a saved interview, read back', () => {
  it('comes back as it was saved, in the current version', () => {
    const single: SavedInterview = {
      ...(bareAtSummary as SavedInterview),
      place: 'group',
      window: { start: '2026-11-29T21:00:00.000Z', end: '2026-11-30T01:00:00.000Z', timeZone: 'Europe/Amsterdam' },
      keptNames: [{ text: 'EXCH1', slot: 'nodeA' }],
      keptNamesHistory: [[], [{ text: 'EXCH1' }]],
    };
    for (const state of [single, campaign]) {
      expect(toStored(state).v).toBe(SAVED_INTERVIEW_VERSION);
      expect(fromStored(JSON.parse(JSON.stringify(toStored(state))))).toEqual({ ok: true, state });
    }
  });

  it('one saved before states had a version is brought up to date', () => {
    expect(fromStored(bareAtSummary)).toEqual({ ok: true, state: bareAtSummary });
    expect(fromStored(JSON.parse(JSON.stringify(campaign)))).toEqual({ ok: true, state: campaign });
  });

  it.each([
    ['a version this release does not know', { v: 3, state: bareAtSummary }],
    ['a version that is no number', { v: 'two', state: bareAtSummary }],
    ['a stage that does not exist', { ...bareAtSummary, stage: 'posting' }],
    ['an answer outside its choices', { ...bareAtSummary, answers: { version: '2003' } }],
    ['no answers', { locale: 'en', stage: 'asking', operators: [], startedAt: 'x', history: [] }],
    ['a campaign whose server has no interview', { ...campaign, servers: [{ name: 'EXCH1', wave: 1 }] }],
    ['a string', 'summary'],
    ['null', null],
  ])('%s cannot be read, and says why', (_, stored) => {
    const read = fromStored(stored);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.why).toMatch(/unknown version|not an interview/);
  });
});

describe('the bot with a saved interview', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-saved-'));
    store = createSqliteStore({ file: path.join(dir, 'exchange-sp.sqlite') });
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("goes on with one the previous release saved: 'yes' at its summary posts the plan", async () => {
    await store.saveDialog(dialogKey(alice.scope, alice.user), bareAtSummary, 3600);
    const bot = createBot({ store });
    expect(await bot.userContext(alice)).toEqual({ locale: 'en', interviewing: true });
    expect(textOf(await bot.handleMessage(alice, { text: 'yes' }))).toContain('Posting the plan in this channel');
    expect(await store.listRollouts(alice.scope)).toHaveLength(1);
  });

  it('drops one it cannot read and starts afresh, with no error', async () => {
    const key = dialogKey(alice.scope, alice.user);
    await store.saveDialog(key, { v: 2, state: { stage: 'summary', answers: 'all of them' } }, 3600);
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => void warnings.push(message) };
    const bot = createBot({ store, logger });
    const replies = await bot.handleMessage(alice, { text: '', isCommand: true });
    expect(textOf(replies)).toMatch(/Which Exchange version/i);
    expect(textOf(replies)).not.toMatch(/error|wrong/i);
    expect(warnings).toEqual(['interview: a saved interview could not be read; it is dropped']);
    expect(await store.listRollouts(alice.scope)).toEqual([]);
    // What is saved now is the new interview, in the current version.
    expect(await store.loadDialog(key)).toMatchObject({ v: SAVED_INTERVIEW_VERSION, state: { stage: 'asking' } });
  });
});
