/**
 * An interview as the store keeps it: `{ v, state }`, parsed with a schema on every load
 * (the store is outside the process: an older release, a hand edit or a bad row must
 * not reach the engine as a cast). States saved by an older release are brought up to
 * date here, by the migrations below, and nowhere else; the engine sees current states only.
 *
 * Version 1: the bare state, as saved before states carried a version.
 * Version 2: `{ v: 2, state }`.
 */
import { z } from 'zod';
import type { Answers } from '../../conversations/types';
import type { SavedInterview } from './campaign-model';

export const SAVED_INTERVIEW_VERSION = 2;

const text = (max: number) => z.string().max(max);
const user = z.object({ id: text(200), name: text(200) });
const answers: z.ZodType<Answers> = z.object({
  version: z.enum(['2000', '5.5']).optional(),
  product: z.enum(['standard', 'enterprise', 'conferencing', 'sbs']).optional(),
  topology: z.enum(['single', 'active-passive', 'active-active']).optional(),
  nodeA: text(200).optional(),
  nodeB: text(200).optional(),
  evsA: text(200).optional(),
  evsB: text(200).optional(),
  change: z.enum(['service-pack', 'hotfix']).optional(),
  storeHotfix: z.boolean().optional(),
  adc: z.boolean().optional(),
  adcCustomMaps: z.boolean().optional(),
  mailboxManager: z.boolean().optional(),
  interOrgSync: z.boolean().optional(),
  terminalServices: z.boolean().optional(),
});
const keptName = z.object({ text: text(200), slot: z.enum(['nodeA', 'nodeB', 'evsA', 'evsB', 'evs']).optional() });
const locale = z.enum(['en', 'nl']);
const window = z.object({ start: text(40), end: text(40), timeZone: text(100) });

const dialogState = z.object({
  locale,
  answers,
  history: z.array(answers),
  stage: z.enum(['asking', 'summary']),
  operators: z.array(user),
  startedAt: text(40),
  place: z.enum(['channel', 'group', 'personal', 'here']).optional(),
  window: window.optional(),
  keptNames: z.array(keptName).optional(),
  keptNamesHistory: z.array(z.array(keptName)).optional(),
});

const campaignState = z.object({
  kind: z.literal('campaign'),
  locale,
  servers: z.array(z.object({ name: text(200), wave: z.number().int().min(1), dialog: dialogState })),
  current: z.number().int().min(0).optional(),
  awaitingName: z.enum(['first', 'next']).optional(),
  pendingText: text(100_000).optional(),
  operators: z.array(user),
  startedAt: text(40),
  window: window.optional(),
});

const savedInterview: z.ZodType<SavedInterview> = z.union([campaignState, dialogState]);
const envelope = z.object({ v: z.literal(SAVED_INTERVIEW_VERSION), state: savedInterview });

/** Each migration takes a version's stored value to the next version's. */
const MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  1: (bare) => ({ v: 2, state: bare }),
};

function versionOf(stored: unknown): number {
  if (typeof stored === 'object' && stored !== null && 'v' in stored) {
    const v = (stored as { v: unknown }).v;
    return typeof v === 'number' && Number.isInteger(v) ? v : NaN;
  }
  return 1;
}

/** What the store holds for this interview. */
export function toStored(state: SavedInterview): { v: number; state: SavedInterview } {
  return { v: SAVED_INTERVIEW_VERSION, state };
}

/**
 * The interview in a stored value, brought up to the current version; undefined (with
 * why) when it cannot be read: a version this release does not know, or a shape that
 * is not an interview.
 */
export function fromStored(stored: unknown): { ok: true; state: SavedInterview } | { ok: false; why: string } {
  let value = stored;
  let version = versionOf(value);
  while (version < SAVED_INTERVIEW_VERSION && MIGRATIONS[version]) {
    value = MIGRATIONS[version](value);
    version = versionOf(value);
  }
  if (version !== SAVED_INTERVIEW_VERSION) return { ok: false, why: `unknown version ${String(version)}` };
  const parsed = envelope.safeParse(value);
  if (!parsed.success) return { ok: false, why: `not an interview (${parsed.error.issues[0]?.path.join('.') || 'root'})` };
  return { ok: true, state: parsed.data.state };
}
