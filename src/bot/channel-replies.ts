/**
 * Answers about the channel's rollouts as a whole: `status` (the open rollouts, or
 * the one named: "status #42") and `export` (the audit log of the channel, or of one
 * rollout named by its id or short reference). Private to the one who asked.
 */
import { msg, t, where } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { collectAudit, formatAudit, type AuditFormat } from '../audit/export';
import type { Rollout, RolloutSnapshot, Scope } from '../rollout/model';
import type { Store } from '../store/store';
import { drawStatusCard } from '../cards/notes';
import { whereFor } from './text-reply';
import type { Inbound, Reply } from './types';

/** "#42" as a word of its own in a command's rest. */
const SHORT_REF_WORD = /(?:^|\s)(#\d{1,9})(?=\s|$)/;

export interface ChannelReplyDeps {
  store: Store;
  now: () => Date;
  localeFor(inbound: Inbound): Promise<Locale>;
  /** The channel's open, posted rollouts, most recent first. */
  posted(scope: Scope): Promise<Rollout[]>;
  findRollout(scope: Scope, idOrRef: string): Promise<RolloutSnapshot | undefined>;
}

/**
 * The rollout (or campaign) id in "export [json] <id>", if any. Whole ids only: an id
 * may begin or end with - or _ (base64url), where \b would cut it short.
 */
export function exportedRolloutId(rest: string): string | undefined {
  return /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{6,24})(?![A-Za-z0-9_-])/.exec(rest.replace(/\b(json|csv)\b/gi, ''))?.[1];
}

export function createChannelReplies(deps: ChannelReplyDeps) {
  const { store } = deps;
  const unknownRollout = (inbound: Inbound, locale: Locale): Reply[] => [
    { type: 'refused', text: t(locale, 'card.error.unknownRollout', { where: whereFor(locale, inbound) }) },
  ];

  async function status(inbound: Inbound, rest: string): Promise<Reply[]> {
    const locale = await deps.localeFor(inbound);
    const here = whereFor(locale, inbound);
    const shortRef = SHORT_REF_WORD.exec(rest)?.[1];
    if (shortRef) {
      const named = await deps.findRollout(inbound.scope, shortRef);
      return named ? [{ type: 'private', card: drawStatusCard(locale, [named], here, inbound.scope.platform) }] : unknownRollout(inbound, locale);
    }
    const rollouts = await deps.posted(inbound.scope);
    const snapshots = await Promise.all(rollouts.map((r) => store.getRollout(inbound.scope, r.id)));
    const found = snapshots.filter((s): s is NonNullable<typeof s> => Boolean(s));
    return [{ type: 'private', card: drawStatusCard(locale, found, here, inbound.scope.platform) }];
  }

  async function exportLog(inbound: Inbound, rest: string): Promise<Reply[]> {
    const locale = await deps.localeFor(inbound);
    const format: AuditFormat = /\bjson\b/i.test(rest) ? 'json' : 'csv';
    const shortRef = SHORT_REF_WORD.exec(rest)?.[1];
    const byRef = shortRef ? await deps.findRollout(inbound.scope, shortRef) : undefined;
    if (shortRef && !byRef) return unknownRollout(inbound, locale);
    const wanted = byRef?.rollout.id ?? exportedRolloutId(rest);
    const snapshots = await collectAudit(store, { ...inbound.scope, rollout: wanted });
    const events = snapshots.reduce((n, s) => n + s.events.length, 0);
    const day = deps.now().toISOString().slice(0, 10);
    return [
      {
        type: 'file',
        filename: `exchange-sp-audit-${wanted ?? inbound.scope.channel}-${day}.${format}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
        mimeType: format === 'csv' ? 'text/csv' : 'application/json',
        content: formatAudit(snapshots, format),
        summary: t(locale, msg('card.export.summary', { rollouts: snapshots.length, events, where: whereFor(locale, inbound) })),
      },
    ];
  }

  return { status, exportLog, unknownRollout };
}
