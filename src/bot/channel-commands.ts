/**
 * The channel commands the core answers outside an interview (src/bot/words.ts):
 * `status` (the channel's open rollouts), `export` (its audit log) and
 * `operators @a @b` (who may act on your latest open rollout). Each answers the person
 * who asked; `operators` records an event through the store like a click does.
 */
import { randomUUID } from 'node:crypto';
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import { readOperators } from '../../conversations/interview/operators';
import { collectAudit, formatAudit, type AuditFormat } from '../audit/export';
import type { Rollout, Scope, UserRef } from '../plan/rollout-model';
import type { Store } from '../store/store';
import { drawStatusCard } from './notes';
import type { Preferences } from './preferences';
import { textCard } from './text-reply';
import type { Inbound, MessageInput, Reply } from './types';

export interface ChannelCommandDeps {
  store: Store;
  now: () => Date;
  preferences: Preferences;
  /** The channel's open, posted rollouts, most recent first. */
  posted(scope: Scope): Promise<Rollout[]>;
  /** The core's replies to a store result (redraw, refusal). */
  actionReplies(inbound: Inbound, locale: Locale, result: Awaited<ReturnType<Store['applyAction']>>): Promise<Reply[]>;
}

export interface ChannelCommands {
  status(inbound: Inbound): Promise<Reply[]>;
  export(inbound: Inbound, rest: string): Promise<Reply[]>;
  operators(inbound: Inbound, input: MessageInput, rest: string): Promise<Reply[]>;
}

/**
 * The rollout (or campaign) id in "export [json] <id>", if any. Whole ids only: an id
 * may begin or end with - or _ (base64url), where \b would cut it short.
 */
export function exportedRolloutId(rest: string): string | undefined {
  return /(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{6,24})(?![A-Za-z0-9_-])/.exec(rest.replace(/\b(json|csv)\b/gi, ''))?.[1];
}

export function createChannelCommands(deps: ChannelCommandDeps): ChannelCommands {
  const { store, now, preferences, posted } = deps;

  return {
    async status(inbound) {
      const locale = await preferences.localeFor(inbound);
      const rollouts = await posted(inbound.scope);
      const snapshots = await Promise.all(rollouts.map((r) => store.getRollout(inbound.scope, r.id)));
      const found = snapshots.filter((s): s is NonNullable<typeof s> => Boolean(s));
      return [{ type: 'private', card: drawStatusCard(locale, found, inbound.scope.platform) }];
    },

    async export(inbound, rest) {
      const locale = await preferences.localeFor(inbound);
      const format: AuditFormat = /\bjson\b/i.test(rest) ? 'json' : 'csv';
      const wanted = exportedRolloutId(rest);
      const snapshots = await collectAudit(store, { ...inbound.scope, rollout: wanted });
      const events = snapshots.reduce((n, s) => n + s.events.length, 0);
      const day = now().toISOString().slice(0, 10);
      return [
        {
          type: 'file',
          filename: `exchange-sp-audit-${wanted ?? inbound.scope.channel}-${day}.${format}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
          mimeType: format === 'csv' ? 'text/csv' : 'application/json',
          content: formatAudit(snapshots, format),
          summary: t(locale, msg('card.export.summary', { rollouts: snapshots.length, events })),
        },
      ];
    },

    async operators(inbound, input, rest) {
      const locale = await preferences.localeFor(inbound);
      const mine = (await posted(inbound.scope)).find((r) => r.owner.id === inbound.user.id);
      if (!mine) return [{ type: 'refused', text: t(locale, 'card.error.noRollout') }];
      // Nothing widens access but the word "anyone" itself (see readOperators).
      const choice = readOperators(rest, input.mentions ?? [], inbound.user);
      if (!choice.ok) return [{ type: 'refused', text: t(locale, choice.reason) }];
      const operators: UserRef[] = choice.operators;
      const result = await store.applyAction(
        inbound.scope,
        mine.id,
        { verb: 'set-operators', operators, actor: inbound.user, actionKey: randomUUID() },
        now(),
      );
      const replies = await deps.actionReplies(inbound, locale, result);
      const names = operators.map((o) => o.name).join(', ');
      const confirmation = operators.length
        ? t(locale, msg('card.operators.set', { names, id: mine.id }))
        : t(locale, msg('card.operators.anyone', { id: mine.id }));
      return result.outcome === 'recorded' ? [textCard(confirmation), ...replies] : replies;
    },
  };
}
