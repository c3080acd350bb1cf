/**
 * Audit export for the change record: every rollout's event log, one row per event,
 * as CSV (RFC 4180) or JSON. Step titles are written in the rollout's language.
 * CSV cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with
 * an apostrophe: notes are typed by users and must never execute on opening.
 */
import { t } from '../../conversations/strings';
import type { Platform, Rollout, RolloutSnapshot } from '../plan/rollout-model';
import type { Store } from '../store/store';

export type AuditFormat = 'csv' | 'json';

export interface AuditRow {
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
}

const COLUMNS: (keyof AuditRow)[] = [
  'rollout', 'platform', 'workspace', 'channel', 'plan', 'owner', 'seq', 'at', 'event',
  'step', 'stepId', 'stepTitle', 'actorId', 'actorName', 'note', 'operators',
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
    scope: rollout.scope,
    plan: t(rollout.locale, rollout.plan.title),
    owner: rollout.owner,
    locale: rollout.locale,
    status: rollout.status,
    createdAt: rollout.createdAt,
    answers: rollout.answers,
    steps: rollout.plan.steps.map((s, i) => ({ number: i + 1, id: s.id, phase: s.phase, title: t(rollout.locale, s.title), facts: s.facts, kbs: s.kbs, node: s.node })),
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
  const wanted = options.rollout ? await selected(store, all, options.rollout) : undefined;
  const rollouts = all.filter((r) => !wanted || wanted.has(r.id)).reverse();
  const snapshots = await Promise.all(rollouts.map((r) => store.getRollout(r.scope, r.id)));
  return snapshots.filter((s): s is RolloutSnapshot => Boolean(s));
}

/** The rollout asked for; for a campaign, its hub and every server. */
async function selected(store: Store, rollouts: Rollout[], id: string): Promise<Set<string>> {
  const picked = rollouts.find((r) => r.id === id);
  const campaign = picked ? await store.campaignOf(picked.scope, picked.id) : undefined;
  return new Set(campaign && campaign.id === id ? [id, ...campaign.members.map((m) => m.rolloutId)] : [id]);
}
