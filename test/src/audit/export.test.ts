/**
 * The audit export is the change record: every event of every rollout, with who,
 * when and notes, readable by a spreadsheet without running anything typed by users.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPlan } from '../../../conversations/plan';
import type { CompleteAnswers } from '../../../conversations/types';
import { toCsv, toJson } from '../../../src/audit/export';
import { collectForExport, parseExportArgs } from '../../../src/cli/export';
import type { Scope, UserRef } from '../../../src/rollout/model';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';

const scope: Scope = { platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS' };
const alice: UserRef = { id: 'U-ALICE', name: 'Alice' };
const bob: UserRef = { id: 'U-BOB', name: 'Bob, "the" admin' };
const answers: CompleteAnswers = { version: '2000', product: 'standard', topology: 'single', change: 'service-pack', terminalServices: false, adc: false };

/** Minimal RFC 4180 reader for the assertions. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('audit export', () => {
  let dir: string;
  let store: Store;
  let rolloutId: string;
  const at = new Date('2026-11-24T10:00:00Z');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-audit-'));
    store = createSqliteStore({ file: path.join(dir, 'audit.sqlite') });
    await store.migrate();
    const plan = buildPlan(answers);
    const { rollout } = await store.createRollout({ scope, owner: alice, locale: 'en', answers, plan, operators: [], actionKey: 'post-1' });
    rolloutId = rollout.id;
    const [first, second] = plan.steps;
    await store.applyAction(scope, rolloutId, { verb: 'confirm', stepId: first.id, actor: alice, actionKey: 'a1' }, at);
    // The second step is the full backup: Bob was told the risk and skips it anyway.
    await store.applyAction(scope, rolloutId, { verb: 'skip', stepId: second.id, actor: bob, note: '=HYPERLINK("http://x") done, "twice"', actionKey: 'a2', riskAccepted: true }, at);
    // Another channel's rollout must not leak into this channel's export.
    await store.createRollout({ scope: { ...scope, channel: 'C-OTHER' }, owner: bob, locale: 'nl', answers, plan, operators: [], actionKey: 'post-2' });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes one CSV row per event with who, when and the note, formulas neutralised', async () => {
    const snapshots = await collectForExport(store, { format: 'csv', platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS' });
    const [header, ...rows] = parseCsv(toCsv(snapshots));
    expect(header.slice(0, 9)).toEqual(['rollout', 'platform', 'workspace', 'channel', 'plan', 'owner', 'seq', 'at', 'event']);
    expect(rows.map((r) => r[header.indexOf('event')])).toEqual(['created', 'confirmed', 'skipped']);
    const skipped = rows[2];
    expect(skipped[header.indexOf('actorName')]).toBe('Bob, "the" admin');
    expect(skipped[header.indexOf('note')]).toBe(`'=HYPERLINK("http://x") done, "twice"`);
    expect(skipped[header.indexOf('step')]).toBe('2');
    expect(skipped[header.indexOf('at')]).toBe('2026-11-24T10:00:00.000Z');
    expect(rows.every((r) => r[header.indexOf('channel')] === 'C-OPS')).toBe(true);
    // The card shows people "#1" and "KB 328839"; the export keeps the FACTS ids behind each step.
    expect(skipped[header.indexOf('ref')]).toBe('#1');
    const backup = buildPlan(answers).steps[1];
    expect(backup.facts.length).toBeGreaterThan(0);
    expect(skipped[header.indexOf('stepFacts')]).toBe(backup.facts.join(' '));
  });

  it('a whole workspace exports every channel; JSON keeps the steps and the full log', async () => {
    const snapshots = await collectForExport(store, { format: 'json', platform: 'slack', workspace: 'T-ACME' });
    const json = JSON.parse(toJson(snapshots)) as { rollouts: { id: string; scope: Scope; steps: unknown[]; events: { type: string }[] }[] };
    expect(json.rollouts.map((r) => r.scope.channel).sort()).toEqual(['C-OPS', 'C-OTHER']);
    const ops = json.rollouts.find((r) => r.id === rolloutId)!;
    expect(ops.events.map((e) => e.type)).toEqual(['created', 'confirmed', 'skipped']);
    expect(ops.steps.length).toBeGreaterThan(4);
  });

  it("one rollout by its short reference, in its channel only (each channel has its own #1)", async () => {
    const one = await collectForExport(store, { format: 'csv', platform: 'slack', workspace: 'T-ACME', channel: 'C-OPS', rollout: '#1' });
    expect(one.map((s) => s.rollout.id)).toEqual([rolloutId]);
    // Without a channel "#1" names no one rollout, and is not taken for one.
    expect(await collectForExport(store, { format: 'csv', platform: 'slack', workspace: 'T-ACME', rollout: '#1' })).toEqual([]);
  });

  it('the live record: assignee, when a step started and was done, how long it took, and what settings set (CSV and JSON)', async () => {
    const live = { ...scope, channel: 'C-LIVE' };
    const plan = buildPlan(answers);
    const { rollout } = await store.createRollout({ scope: live, owner: alice, locale: 'en', answers, plan, operators: [], actionKey: 'post-live' });
    const step = plan.steps[0].id;
    const act = (action: Parameters<Store['applyAction']>[2], iso: string) => store.applyAction(live, rollout.id, action, new Date(iso));
    await act({ verb: 'assign', stepId: step, assignee: bob, actor: alice, actionKey: 'l1' }, '2026-11-24T21:00:00Z');
    await act({ verb: 'start', stepId: step, actor: bob, actionKey: 'l2' }, '2026-11-24T21:05:00Z');
    await act({ verb: 'confirm', stepId: step, actor: bob, actionKey: 'l3' }, '2026-11-24T21:50:30Z');
    await act({ verb: 'set-limit', stepId: plan.steps[1].id, minutes: 90, actor: alice, actionKey: 'l4' }, '2026-11-24T21:51:00Z');
    const snapshots = await collectForExport(store, { format: 'csv', platform: 'slack', workspace: 'T-ACME', channel: 'C-LIVE' });
    const [header, ...rows] = parseCsv(toCsv(snapshots));
    expect(header.slice(-5)).toEqual(['assignee', 'startedAt', 'doneAt', 'durationSeconds', 'detail']);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const confirmed = rows.find((r) => col(r, 'event') === 'confirmed')!;
    expect([col(confirmed, 'assignee'), col(confirmed, 'startedAt'), col(confirmed, 'doneAt'), col(confirmed, 'durationSeconds')]).toEqual([
      'Bob, "the" admin',
      '2026-11-24T21:05:00.000Z',
      '2026-11-24T21:50:30.000Z',
      '2730',
    ]);
    expect(col(rows.find((r) => col(r, 'event') === 'started')!, 'startedAt')).toBe('2026-11-24T21:05:00.000Z');
    expect(col(rows.find((r) => col(r, 'event') === 'limit-set')!, 'detail')).toBe('limit 90 min');
    const json = JSON.parse(toJson(snapshots)) as { rollouts: { steps: Record<string, unknown>[]; events: Record<string, unknown>[] }[] };
    expect(json.rollouts[0].steps[0]).toMatchObject({ status: 'done', assignee: bob, startedAt: '2026-11-24T21:05:00.000Z', doneAt: '2026-11-24T21:50:30.000Z', durationSeconds: 2730 });
    expect(json.rollouts[0].events.find((e) => e.type === 'assigned')).toMatchObject({ assignee: bob });
  });

  it('another workspace sees nothing', async () => {
    expect(await collectForExport(store, { format: 'csv', platform: 'slack', workspace: 'T-EVIL' })).toEqual([]);
  });

  it('reads its command line and refuses unknown formats', () => {
    expect(parseExportArgs(['--format', 'json', '--platform', 'teams', '--workspace', 'tenant-1', '--rollout', 'abc'])).toMatchObject({
      format: 'json',
      platform: 'teams',
      workspace: 'tenant-1',
      rollout: 'abc',
    });
    expect(() => parseExportArgs(['--format', 'xlsx'])).toThrow(/csv or json/);
  });
});
