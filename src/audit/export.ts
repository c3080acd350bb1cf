/**
 * Audit export for the change record: every rollout's event log, one row per event,
 * as CSV (RFC 4180) or JSON. Step titles are written in the rollout's language.
 * CSV cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with
 * an apostrophe: notes are typed by users and must never execute on opening.
 *
 * The live record (issue 12) adds per row: the step's assignee at that moment, and for
 * a confirmation after a Start when it started, when it was done and how long it took
 * (durationSeconds); `detail` says what a setting or reminder event set. JSON keeps the
 * same per step (live-export.ts) and every event's own fields.
 */
import { t } from '../../conversations/strings';
import type { Platform, Rollout, RolloutSnapshot } from '../rollout/model';
import { formatRef } from '../rollout/short-ref';
import type { Store } from '../store/store';
import { liveColumns, stepRecords, type LiveColumns } from './live-export';

export type AuditFormat = 'csv' | 'json';

export interface AuditRow extends LiveColumns {
  rollout: string;
  platform: string;
  workspace: string;
  channel: string;
  plan: string;
  owner: string;
  seq: number;
  at: string;
  event: string;
  step: number | '';
  stepId: string;
  stepTitle: string;
  actorId: string;
  actorName: string;
  note: string;
  operators: string;
  /** The rollout's short reference as the channel says it ("#42"). */
  ref: string;
  /** The FACTS ids of KB 328839 the step comes from ("E2K-2 K1"). */
  stepFacts: string;
}

const COLUMNS: (keyof AuditRow)[] = [
  'rollout', 'platform', 'workspace', 'channel', 'plan', 'owner', 'seq', 'at', 'event',
  'step', 'stepId', 'stepTitle', 'actorId', 'actorName', 'note', 'operators',
  // Added later: at the end, so earlier columns keep their place in a spreadsheet.
  'ref', 'stepFacts',
  'assignee', 'startedAt', 'doneAt', 'durationSeconds', 'detail',
];

export function auditRows(snapshot: RolloutSnapshot): AuditRow[] {
  const { rollout, events } = snapshot;
  const { locale, plan, scope } = rollout;
  return events.map((event) => {
    const index = event.stepId ? plan.steps.findIndex((s) => s.id === event.stepId) : -1;
    return {
      rollout: rollout.id,
      platform: scope.platform,
      workspace: scope.workspace,
      channel: scope.channel,
      plan: t(locale, plan.title),
      owner: rollout.owner.name,
      seq: event.seq,
      at: event.at,
      event: event.type,
      step: index >= 0 ? index + 1 : '',
      stepId: event.stepId ?? '',
      stepTitle: index >= 0 ? t(locale, plan.steps[index].title) : '',
      actorId: event.actor.id,
      actorName: event.actor.name,
      note: event.note ?? '',
      operators: (event.operators ?? []).map((o) => o.name).join('; '),
      ref: formatRef(rollout.ref),
      stepFacts: index >= 0 ? plan.steps[index].facts.join(' ') : '',
      ...liveColumns(rollout, events, event),
    };
  });
}

function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(snapshots: RolloutSnapshot[]): string {
  const lines = [COLUMNS.join(',')];
  for (const snapshot of snapshots) {
    for (const row of auditRows(snapshot)) lines.push(COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function toJson(snapshots: RolloutSnapshot[]): string {
  const rollouts = snapshots.map(({ rollout, events }) => ({
    id: rollout.id,
    ref: formatRef(rollout.ref),
    scope: rollout.scope,
    plan: t(rollout.locale, rollout.plan.title),
    owner: rollout.owner,
    locale: rollout.locale,
    status: rollout.status,
    createdAt: rollout.createdAt,
    answers: rollout.answers,
    steps: stepRecords(rollout, events).map((record, i) => {
      const s = rollout.plan.steps[i];
      return { number: i + 1, id: s.id, phase: s.phase, title: t(rollout.locale, s.title), facts: s.facts, kbs: s.kbs, node: s.node, ...record };
    }),
    events,
  }));
  return JSON.stringify({ exportedAt: new Date().toISOString(), rollouts }, null, 2) + '\n';
}

export function formatAudit(snapshots: RolloutSnapshot[], format: AuditFormat): string {
  return format === 'csv' ? toCsv(snapshots) : toJson(snapshots);
}

/** Which rollouts an export covers: a workspace, or one channel of it, or one rollout. */
export interface AuditSelection {
  platform: Platform;
  workspace: string;
  channel?: string;
  /** A rollout id; in one channel also its short reference ("#42"), which is only unique there. */
  rollout?: string;
}

/**
 * All matching rollouts with their full event logs, oldest first. A campaign's id
 * selects the campaign with every one of its servers.
 */
export async function collectAudit(store: Store, options: AuditSelection): Promise<RolloutSnapshot[]> {
  const scope = options.channel
    ? { platform: options.platform, workspace: options.workspace, channel: options.channel }
    : { platform: options.platform, workspace: options.workspace };
  const all = await store.listRollouts(scope, { limit: 100_000 });
  const wanted = options.rollout ? await selected(store, all, options.rollout, options.channel !== undefined) : undefined;
  const rollouts = all.filter((r) => !wanted || wanted.has(r.id)).reverse();
  const snapshots = await Promise.all(rollouts.map((r) => store.getRollout(r.scope, r.id)));
  return snapshots.filter((s): s is RolloutSnapshot => Boolean(s));
}

/** The rollout asked for, by id or (within a channel) by its #ref; for a campaign, its hub and every server. */
async function selected(store: Store, rollouts: Rollout[], asked: string, inChannel: boolean): Promise<Set<string>> {
  const picked = rollouts.filter((r) => r.id === asked || (inChannel && formatRef(r.ref) === asked));
  const ids = new Set(picked.map((r) => r.id));
  for (const rollout of picked) {
    const campaign = await store.campaignOf(rollout.scope, rollout.id);
    if (campaign && campaign.id === rollout.id) for (const m of campaign.members) ids.add(m.rolloutId);
  }
  return ids;
}
