/**
 * What a button means, as a small typed payload. Adapters put it in the button value
 * (Slack) or the Action.Execute data (Teams) and must parse it back with
 * `parseActionPayload` before anything else: a value from the outside is untrusted
 * (tampered, stale or foreign); scope checks happen in the store.
 */
import { COMMANDS } from '../../conversations/interview/words';
import { z } from 'zod';
import { parseWith } from '../runtime/json';
import { MAX_CAMPAIGN_SERVERS } from '../campaign/model';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);
const value = z.string().max(200);

export const actionPayloadSchema = z.discriminatedUnion('k', [
  /** An interview answer: question `q`, chosen value `v`, or the text of input `i`. */
  z.object({ k: z.literal('answer'), q: id, v: value.optional(), i: id.optional() }).strict(),
  /** Interview commands. */
  z
    .object({
      k: z.literal('dialog'),
      c: z.enum(COMMANDS),
      /** For 'change': which question to go back to. */
      q: id.optional(),
    })
    .strict(),
  /** A step action on a posted rollout. */
  z
    .object({
      k: z.literal('step'),
      r: id,
      s: id,
      v: z.enum(['confirm', 'skip', 'problem', 'undo', 'start', 'take']),
    })
    .strict(),
  /** Show one step's full text to the clicker (where a card cannot open it in place). */
  z.object({ k: z.literal('details'), r: id, s: id }).strict(),
  /**
   * Who may act on a rollout, from its card: the people picked with the platform's
   * picker (sent beside the payload), or anyone in the channel.
   */
  z.object({ k: z.literal('operators'), r: id, v: z.enum(['pick', 'anyone']) }).strict(),
  /** The owner releases wave `w` of the campaign whose hub is `r`, with the reason typed in the form (campaign card). */
  z.object({ k: z.literal('release'), r: id, w: z.number().int().min(2).max(MAX_CAMPAIGN_SERVERS) }).strict(),
  /** Switch the user's language. */
  z.object({ k: z.literal('lang'), l: z.enum(['en', 'nl']) }).strict(),
]);

export type ActionPayload = z.infer<typeof actionPayloadSchema>;

/** Parses an untrusted value (an object or its JSON text); undefined when it is not one of ours. */
export function parseActionPayload(raw: unknown): ActionPayload | undefined {
  if (typeof raw === 'string' && raw.length > 1000) return undefined;
  return parseWith(actionPayloadSchema, raw);
}

/** Compact JSON for a button value (Slack allows 2000 characters; ours stay far below). */
export function encodeActionPayload(payload: ActionPayload): string {
  return JSON.stringify(payload);
}
