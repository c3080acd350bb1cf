/**
 * What an Action.Execute button carries in `data`, and how a click's data is read back.
 * Teams merges every Input value of the card into `value.action.data` next to what the
 * button declared (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards),
 * so our payload travels under its own key (`xsp`) and the input that holds the
 * clicker's text is named by `xspInput` (a note, a choice) or by the payload (`i`).
 * A card sent to one person (an interview question) also names them under `xspFor`,
 * so a teammate who clicks it can be told whose it is.
 * Everything here is untrusted until parseActionPayload says otherwise.
 */
import { z } from 'zod';
import { parseActionPayload, type ActionPayload } from '../../src/cards/actions';
import { MAX_NOTE_LENGTH, MAX_OPERATORS } from '../../conversations/limits';
import type { UserRef } from '../../src/rollout/model';
import type { AdaptiveCard } from './adaptive-card';

/**
 * Longest text read from a click. Teams' field stops at MAX_NOTE_LENGTH; a longer
 * text (an older card, a hand-made request) still reaches the core whole, which
 * refuses it and shows it back to its writer, rather than being cut silently here.
 */
const MAX_SUBMITTED_TEXT = MAX_NOTE_LENGTH * 4;
/**
 * Longest choice read from the "Who may act" picker: one more person than a rollout may
 * have, at the longest id Teams gives (the core then says "too many", not "unknown").
 */
const MAX_PICKED_TEXT = (MAX_OPERATORS + 1) * 129;

export interface ExecuteData {
  xsp: ActionPayload;
  xspInput?: string;
  /** The person the card was drawn for (see markedFor). */
  xspFor?: UserRef;
  /**
   * Set on a button that needs a note first (Skip…, Problem…): the click only asks for
   * the clicker's card with the note's form open under its step (card-invokes.ts).
   */
  xspForm?: 1;
}

/** As long as Teams' own account fields (activity.ts). */
const personSchema = z.object({ id: z.string().min(1).max(512), name: z.string().max(512) });

const inputId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/);

const envelope = z.looseObject({
  xsp: z.unknown(),
  xspInput: inputId.optional(),
  xspForm: z.literal(1).optional(),
});

export interface ClickedAction {
  payload: ActionPayload;
  /** The note, the chosen value or the typed text, when the button names an input. */
  text?: string;
  /** The person the card says it was drawn for; untrusted (ActionInput.cardFor). */
  cardFor?: UserRef;
  /** Only open the form that asks for this action's note (nothing is recorded). */
  openForm?: true;
}

/** Data for a button; `input` names the field whose value is the clicker's text. */
export function executeData(payload: ActionPayload, input?: string): ExecuteData {
  return input ? { xsp: payload, xspInput: input } : { xsp: payload };
}

/**
 * The card marked as drawn for `person`: every Action.Execute on it (show-card forms
 * included) carries them back in its data. A copy; the card itself is not changed.
 */
export function markedFor(card: AdaptiveCard, person: UserRef): AdaptiveCard {
  const mark = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(mark);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mark(value)]));
    if (copy.type === 'Action.Execute' && typeof copy.data === 'object' && copy.data !== null) {
      copy.data = { ...copy.data, xspFor: { id: person.id, name: person.name } };
    }
    return copy;
  };
  return mark(card) as AdaptiveCard;
}

/** Data for a button that opens its note's form in the clicker's card. */
export function openFormData(payload: ActionPayload): ExecuteData {
  return { xsp: payload, xspForm: 1 };
}

/** The Input.Text id of a step's note (unique per step and verb: a card holds many). */
export function noteInputId(payload: ActionPayload): string {
  return payload.k === 'step' ? `note-${payload.s}-${payload.v}` : `note-${payload.k}`;
}

/** The Input.ChoiceSet id of a rollout's "Who may act" picker. */
export function peopleInputId(payload: ActionPayload): string {
  return payload.k === 'operators' ? `people-${payload.r}` : `people-${payload.k}`;
}

/** The Input.ChoiceSet id for a question shown as a list. */
export function choiceInputId(question: string): string {
  return `choice-${question}`;
}

/** Reads `value.action.data` of an adaptiveCard/action invoke; undefined when it is not ours. */
export function parseExecuteData(raw: unknown): ClickedAction | undefined {
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) return undefined;
  const payload = parseActionPayload(parsed.data.xsp);
  if (!payload) return undefined;
  if (parsed.data.xspForm === 1) return payload.k === 'step' ? { payload, openForm: true } : undefined;
  // A mark that does not parse is ignored: it only ever chooses the words of a refusal.
  const mark = personSchema.safeParse(parsed.data.xspFor);
  const clicked: ClickedAction = mark.success ? { payload, cardFor: mark.data } : { payload };
  const inputName = parsed.data.xspInput ?? (payload.k === 'answer' ? payload.i : undefined);
  if (!inputName) return clicked;
  const value = parsed.data[inputName];
  if (value === undefined) return clicked;
  const limit = payload.k === 'operators' ? MAX_PICKED_TEXT : MAX_SUBMITTED_TEXT;
  if (typeof value !== 'string' || value.length > limit) return undefined;
  const text = value.trim();
  return text ? { ...clicked, text } : clicked;
}
