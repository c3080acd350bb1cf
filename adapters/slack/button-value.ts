/**
 * What a Slack button carries in its `value` (max 2000 characters):
 * - a plain button: the ActionPayload JSON, exactly as encodeActionPayload writes it;
 * - a button that needs a note first (skip reason, problem note): an envelope with the
 *   payload and the modal's texts, so the click can open the modal at once (a
 *   trigger_id lives 3 seconds) without reading the store first.
 * Everything read back is untrusted and parsed with zod; the envelope's texts only
 * ever reach the clicker's own modal, and the payload is scope-checked by the store.
 * https://docs.slack.dev/reference/block-kit/block-elements/button-element
 */
import { z } from 'zod';
import type { Locale } from '../../conversations/types';
import { encodeActionPayload, parseActionPayload, type ActionPayload } from '../../src/cards/actions';
import type { Button } from '../../src/cards/model';
import { stepNote } from '../../src/cards/note-form';
import { SLACK_LIMITS, truncate } from './limits';
import { parseWith } from '../../src/runtime/json';

export type ButtonNote = NonNullable<Button['note']>;

export interface ButtonValue {
  payload: ActionPayload;
  note?: ButtonNote;
  /** The step number shown on the card, for the modal's "please give a reason" error. */
  step?: number;
}

/** Each modal text in the envelope; keeps the value far below Slack's 2000 characters. */
const NOTE_TEXT = 300;
const short = z.string().max(NOTE_TEXT);
const envelopeSchema = z
  .object({
    a: z.unknown(),
    n: z.object({ t: short, l: short, p: short.optional(), s: short }).strict(),
    s: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

export function encodeButtonValue(button: Button, step?: number): string {
  if (!button.note) return encodeActionPayload(button.action);
  const { title, label, placeholder, submit } = button.note;
  const n: Record<string, string> = { t: truncate(title, NOTE_TEXT), l: truncate(label, NOTE_TEXT), s: truncate(submit, NOTE_TEXT) };
  if (placeholder !== undefined) n.p = truncate(placeholder, NOTE_TEXT);
  return JSON.stringify(step === undefined ? { a: button.action, n } : { a: button.action, n, s: step });
}

/** undefined when the value is not one of ours (unknown, tampered, too long). */
export function parseButtonValue(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== 'string' || raw.length > 2000) return undefined;
  const direct = parseActionPayload(raw);
  if (direct) return { payload: direct };
  const envelope = parseWith(envelopeSchema, raw);
  const payload = envelope && parseActionPayload(envelope.a);
  if (!envelope || !payload) return undefined;
  const { t, l, p, s } = envelope.n;
  const note: ButtonNote = { title: t, label: l, submit: s };
  if (p !== undefined) note.placeholder = p;
  const value: ButtonValue = { payload, note };
  if (envelope.s !== undefined) value.step = envelope.s;
  return value;
}

/**
 * An overflow option's value holds at most 150 characters, too few for a modal's
 * texts. A plain action is its payload; one that needs a note (Skip…, Problem…) is the
 * payload with the card's language and the step's number, from which the core's
 * note texts are drawn again when the option is chosen. Undefined when it cannot fit
 * (ids longer than the design allows).
 */
export function encodeOptionValue(button: Button, step: number | undefined, locale: Locale | undefined): string | undefined {
  const value = button.note ? JSON.stringify({ o: button.action, l: locale ?? 'en', n: step ?? 0 }) : encodeActionPayload(button.action);
  return value.length <= SLACK_LIMITS.optionValue ? value : undefined;
}

const optionEnvelope = z
  .object({ o: z.unknown(), l: z.enum(['en', 'nl']), n: z.number().int().min(0).max(10_000) })
  .strict();

/** The chosen option's meaning, with its note texts when it needs one; undefined when it is not ours. */
export function parseOptionValue(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== 'string' || raw.length > SLACK_LIMITS.optionValue) return undefined;
  const direct = parseActionPayload(raw);
  if (direct) return { payload: direct };
  const envelope = parseWith(optionEnvelope, raw);
  const payload = envelope && parseActionPayload(envelope.o);
  if (!envelope || payload?.k !== 'step' || (payload.v !== 'skip' && payload.v !== 'problem')) return undefined;
  return { payload, note: stepNote(envelope.l, payload.v, envelope.n), step: envelope.n };
}
