/**
 * The modal that asks for a note before a step is skipped or marked as a problem.
 * Opened with views.open (the click's trigger_id lives 3 seconds, so it is opened
 * right after the ack, before anything else). private_metadata carries what the
 * submission needs: the button's payload, the channel, the click's action key (so a
 * submission delivered twice records once) and the click's response_url for
 * private answers. It comes back signed by Slack, and is parsed again anyway.
 * https://docs.slack.dev/surfaces/modals
 * https://docs.slack.dev/reference/methods/views.open
 */
import { z } from 'zod';
import { parseActionPayload, type ActionPayload } from '../../src/cards/actions';
import { MAX_NOTE_LENGTH } from '../../conversations/limits';
import { escapeMrkdwn, plain, SLACK_LIMITS as L } from './block-kit';
import { truncate } from './limits';
import type { ButtonNote } from './button-value';
import { parseWith } from '../../src/runtime/json';

export const NOTE_CALLBACK_ID = 'exchange-sp-note';
export const NOTE_BLOCK_ID = 'note';
export const NOTE_ACTION_ID = 'note-text';
/** The core's one note limit; Slack enforces it in the field, so a note is never typed in vain. */
export const NOTE_MAX_LENGTH = MAX_NOTE_LENGTH;

export interface NoteMetadata {
  payload: ActionPayload;
  channel: string;
  actionKey: string;
  step?: number;
  responseUrl?: string;
}

const metadataSchema = z
  .object({
    p: z.unknown(),
    c: z.string().min(1).max(64),
    k: z.string().min(1).max(400),
    n: z.number().int().min(0).max(10_000).optional(),
    r: z.string().url().max(500).optional(),
  })
  .strict();

export function encodeNoteMetadata(meta: NoteMetadata): string {
  const out: Record<string, unknown> = { p: meta.payload, c: meta.channel, k: meta.actionKey };
  if (meta.step !== undefined) out.n = meta.step;
  if (meta.responseUrl && meta.responseUrl.length <= 500) out.r = meta.responseUrl;
  return JSON.stringify(out);
}

export function parseNoteMetadata(raw: string): NoteMetadata | undefined {
  const data = parseWith(metadataSchema, raw);
  const payload = data && parseActionPayload(data.p);
  if (!data || !payload) return undefined;
  const meta: NoteMetadata = { payload, channel: data.c, actionKey: data.k };
  if (data.n !== undefined) meta.step = data.n;
  if (data.r !== undefined) meta.responseUrl = data.r;
  return meta;
}

export function buildNoteModal(note: ButtonNote, metadata: string) {
  const element: {
    type: 'plain_text_input';
    action_id: string;
    multiline: true;
    max_length: number;
    placeholder?: { type: 'plain_text'; text: string; emoji?: boolean };
  } = { type: 'plain_text_input', action_id: NOTE_ACTION_ID, multiline: true, max_length: NOTE_MAX_LENGTH };
  if (note.placeholder) element.placeholder = plain(note.placeholder, L.placeholder);
  return {
    type: 'modal' as const,
    callback_id: NOTE_CALLBACK_ID,
    title: plain(note.title, L.modalTitle),
    submit: plain(note.submit, L.modalButton),
    private_metadata: metadata,
    blocks: [
      // Not optional: Slack's client already refuses an empty field before it reaches us.
      { type: 'input' as const, block_id: NOTE_BLOCK_ID, label: plain(note.label, L.inputLabel), element },
    ],
  };
}

/** A modal that only says something (the answer to a form we could not read). */
export function buildMessageModal(title: string, text: string) {
  return {
    type: 'modal' as const,
    title: plain(title, L.modalTitle),
    close: plain('OK', L.modalButton),
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: truncate(escapeMrkdwn(text), L.sectionText) } }],
  };
}
