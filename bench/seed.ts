/**
 * Rollouts to click on, created through the store (the same call the bot makes when
 * a plan is posted) and marked as posted, so every click runs the full path: store
 * transaction, plan redraw (chat.update / connector PUT) and thread note.
 * Clicks alternate Confirm and Undo on step 1 (which waits for nothing) of each
 * rollout in turn, so every click records exactly one event.
 */
import Database from 'better-sqlite3';
import { buildPlan } from '../conversations/plan/build';
import type { CompleteAnswers } from '../conversations/types';
import type { MessageRef, Scope, UserRef } from '../src/rollout/model';
import type { Store } from '../src/store/store';
import { DEFAULT_WHO } from '../test/kit/slack-requests';
import type { PlantedMessage } from './fakes-process';

export const BENCH_TEAM = DEFAULT_WHO.team;
export const BENCH_CHANNEL = DEFAULT_WHO.channel;
/** The clicker of every step action: the owner of the seeded rollouts, so Undo is allowed. */
export const BENCH_OWNER = { id: DEFAULT_WHO.user, name: DEFAULT_WHO.userName };

/** A single Exchange 2000 server, service pack: the plan fits in one Slack message. */
export const SEED_ANSWERS: CompleteAnswers = {
  version: '2000',
  product: 'standard',
  topology: 'single',
  change: 'service-pack',
  adc: false,
  terminalServices: false,
};

export interface SeededRollouts {
  scope: Scope;
  ids: string[];
  /** The first step: no ordering gate, so Confirm and Undo are always allowed. */
  stepId: string;
  /** Each rollout's posted message, for the fake platform to hold (fakes-process `plantSlack` / `plantTeams`). */
  messages: PlantedMessage[];
}

export async function seedRollouts(
  store: Store,
  scope: Scope | ((index: number) => Scope),
  owner: UserRef,
  count: number,
  messageFor: (index: number) => MessageRef,
): Promise<SeededRollouts> {
  const scopeOf = typeof scope === 'function' ? scope : () => scope;
  const plan = buildPlan(SEED_ANSWERS);
  const first = plan.steps[0];
  if (!first || first.requires.length > 0) throw new Error('seed plan: step 1 must wait for nothing');
  const ids: string[] = [];
  const messages: PlantedMessage[] = [];
  for (let i = 0; i < count; i++) {
    const { rollout } = await store.createRollout({
      scope: scopeOf(i),
      owner,
      locale: 'en',
      answers: SEED_ANSWERS,
      plan,
      operators: [],
      actionKey: `bench-seed-${scopeOf(i).platform}-${i}-${Date.now()}`,
    });
    const message = messageFor(i);
    await store.setMessages(scopeOf(i), rollout.id, [message]);
    messages.push({ channel: scopeOf(i).channel, id: message.id });
    ids.push(rollout.id);
  }
  return { scope: scopeOf(0), ids, stepId: first.id, messages };
}

/**
 * Marks every seeded rollout of the app's SQLite file as delivered (posted, its card
 * and thread up to date), as if the publisher had already done it: the bench measures
 * the clicks, not a start-up backlog of plans to post.
 */
export function markDelivered(file: string): void {
  const db = new Database(file);
  try {
    db.prepare(
      "UPDATE deliveries SET post_state = 'posted', shown_version = wanted_version, lines_sent = wanted_version, due_at = NULL",
    ).run();
  } finally {
    db.close();
  }
}

/**
 * The i-th click of a run that continues across scenarios: rollout i mod n, Confirm on
 * even rounds and Undo on odd ones. The same rollout comes back only n clicks later,
 * long after its previous click was applied.
 */
export function clickAt(seeded: SeededRollouts, i: number): { rolloutId: string; verb: 'confirm' | 'undo' } {
  const n = seeded.ids.length;
  return { rolloutId: seeded.ids[i % n], verb: Math.floor(i / n) % 2 === 0 ? 'confirm' : 'undo' };
}
