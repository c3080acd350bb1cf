/**
 * A plan's steps and its "Who may act" control as Adaptive Card elements.
 * - Next up (view 'full'): an emphasis box with the whole step, its Confirm, and
 *   "More…" (Action.ShowCard) with Skip…, Problem…, Undo and the step's sources.
 * - The plan (view 'line'): one line per step with its status in words, and a
 *   "Details" button (Action.ToggleVisibility) that opens its full text, citation,
 *   sources and the actions left (Undo, Problem…) in place, without a round trip.
 *   https://adaptivecards.io/explorer/Action.ToggleVisibility.html
 * - Skip… and Problem… ask the bot for the clicker's own card with that note's form
 *   open under the step (Teams has no modal like Slack); carrying every form in the
 *   card would take it past one message. A refusal is drawn under its step the same
 *   way: only the clicker's copy (the invoke answer) ever carries one.
 * - Who may act: Input.ChoiceSet with Data.Query over the conversation's members
 *   (dynamic typeahead; the bot answers `application/search`, people-search.ts):
 *   https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search
 * No meaning rests on colour: every state is said in words and marked with a sign,
 * and text keeps the host's default colours (checked for contrast in the tests).
 */
import { stepMark, type Button, type PeopleBlock, type StepBlock } from '../../src/cards/model';
import { MAX_NOTE_LENGTH } from '../../conversations/limits';
import type { AcAction, AcElement } from './adaptive-card';
import { executeData, noteInputId, openFormData, peopleInputId } from './action-data';
import { actionSets, renderButton, richText, TEAMS_MARKS } from './render-text';

/** A note form to draw open: the step and the verb whose button was clicked. */
export interface OpenForm {
  stepId: string;
  verb: 'skip' | 'problem';
}

/** Ids of the elements a step draws (unique in a card: a step is drawn at most once in each view). */
export const stepElementId = {
  line: (stepId: string) => `step-${stepId}`,
  full: (stepId: string) => `next-${stepId}`,
  details: (stepId: string) => `details-${stepId}`,
  form: (stepId: string) => `form-${stepId}`,
  refusal: (where: string) => `refused-${where}`,
};

/** The Data.Query dataset the bot answers with the conversation's members. */
export const PEOPLE_DATASET = 'members';

export function renderStep(step: StepBlock, openForm?: OpenForm): AcElement {
  const form = openForm?.stepId === step.stepId ? formButton(step, openForm.verb) : undefined;
  return step.view === 'full' ? fullStep(step, form) : lineStep(step, form);
}

function formButton(step: StepBlock, verb: OpenForm['verb']): Button | undefined {
  return [...step.buttons, ...step.more].find((b) => b.note && b.action.k === 'step' && b.action.v === verb);
}

/** "▶ 4. Stop antivirus… · next up": the sign, the number and title in bold, where it stands. */
function heading(step: StepBlock, statusLine?: string): AcElement {
  const inlines: Record<string, unknown>[] = [{ type: 'TextRun', text: `${stepMark(step, TEAMS_MARKS)} ${step.number}. ${step.title}`, weight: 'Bolder' }];
  // The status line is a run of its own: read on its own by screen readers (and tests).
  if (statusLine) inlines.push({ type: 'TextRun', text: ' · ' }, { type: 'TextRun', text: statusLine });
  return { type: 'RichTextBlock', inlines };
}

/** A step's button: Skip… and Problem… open their form in the clicker's card; the rest act at once. */
function stepButton(button: Button): AcAction {
  if (!button.note || button.action.k !== 'step') return renderButton(button);
  return { type: 'Action.Execute', title: button.label, verb: button.action.k, data: openFormData(button.action) };
}

function fullStep(step: StepBlock, form: Button | undefined): AcElement {
  const items: AcElement[] = [heading(step), ...step.details.map((detail) => richText(detail, 'plain'))];
  if (step.citation) items.push(richText(step.citation, 'context'));
  if (step.problemLine) items.push(problem(step.problemLine));
  if (step.peopleLine) items.push(richText(step.peopleLine, 'context'));
  if (step.refusal) items.push(refusal(step.stepId, step.refusal));
  if (form) items.push(noteForm(step, form));
  const actions: AcAction[] = step.buttons.map(stepButton);
  if (step.more.length) actions.push(moreCard(step));
  if (actions.length) items.push(...actionSets(actions));
  return { type: 'Container', id: stepElementId.full(step.stepId), style: 'emphasis', items };
}

/** "More…": what is not the one thing to do now, and where the step comes from. */
function moreCard(step: StepBlock): AcAction {
  const body: AcElement[] = [...actionSets(step.more.map(stepButton)), richText(step.sources, 'context')];
  return { type: 'Action.ShowCard', title: step.labels.more, card: { type: 'AdaptiveCard', body } };
}

function lineStep(step: StepBlock, form: Button | undefined): AcElement {
  // A ready step's line points at its full view under "Next up": nothing more to open.
  const opens = step.stage !== 'ready';
  const toggle: AcAction = { type: 'Action.ToggleVisibility', title: step.labels.details, targetElements: [stepElementId.details(step.stepId)] };
  const row: AcElement = opens
    ? {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [heading(step, step.statusLine)] },
          { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [toggle] }] },
        ],
      }
    : heading(step, step.statusLine);
  const items: AcElement[] = [row];
  if (step.problemLine) items.push(problem(step.problemLine));
  // Who is on it and who has it (issue 12): a small line under the step.
  if (step.peopleLine) items.push(richText(step.peopleLine, 'context'));
  if (step.refusal) items.push(refusal(step.stepId, step.refusal));
  if (opens) items.push(detailsOf(step, form));
  // A line alone needs no box around it (a card must stay within one message).
  return items.length === 1 ? { ...row, id: stepElementId.line(step.stepId) } : { type: 'Container', id: stepElementId.line(step.stepId), items };
}

/** The full text of a step drawn as one line: hidden until "Details" opens it (or a form is open in it). */
function detailsOf(step: StepBlock, form: Button | undefined): AcElement {
  const items: AcElement[] = step.details.map((detail) => richText(detail, 'plain'));
  items.push(richText([step.citation, step.sources].filter(Boolean).join(' · '), 'context'));
  if (form) items.push(noteForm(step, form));
  items.push(...actionSets(step.more.map(stepButton)));
  return { type: 'Container', id: stepElementId.details(step.stepId), isVisible: Boolean(form), items };
}

/** A skip reason or problem note, asked in place (Teams inputs don't submit themselves). */
function noteForm(step: StepBlock, button: Button): AcElement {
  const note = button.note!;
  const id = noteInputId(button.action);
  const input: AcElement = { type: 'Input.Text', id, label: note.label, isMultiline: true, maxLength: MAX_NOTE_LENGTH };
  if (note.placeholder) input.placeholder = note.placeholder;
  const submit: AcAction = { type: 'Action.Execute', title: note.submit, verb: button.action.k, data: executeData(button.action, id) };
  if (button.style === 'danger') submit.style = 'destructive';
  const items = [richText(note.title, 'strong'), input, ...actionSets([submit])];
  return { type: 'Container', id: stepElementId.form(step.stepId), style: 'default', spacing: 'Medium', separator: true, items };
}

function problem(text: string): AcElement {
  return { type: 'RichTextBlock', spacing: 'Small', inlines: [{ type: 'TextRun', text: `⚠ ${text}`, weight: 'Bolder' }] };
}

/** The reason a click was refused, boxed off so the eye finds it where it clicked. */
function refusal(where: string, text: string): AcElement {
  const lines = text.split('\n').filter((line) => line.trim());
  const items = lines.map((line, i) => (i === 0 ? richText(`✖ ${line}`, 'strong') : richText(line, 'plain')));
  return { type: 'Container', id: stepElementId.refusal(where), style: 'default', spacing: 'Small', separator: true, items };
}

export function renderPeople(block: PeopleBlock): AcElement[] {
  const id = peopleInputId(block.pick);
  const picker: AcElement = {
    type: 'Input.ChoiceSet',
    id,
    isMultiSelect: true,
    style: 'filtered',
    placeholder: block.placeholder,
    // People this plan knows, so the picker opens with them; the rest come from the bot.
    choices: block.candidates.map((p) => ({ title: p.name, value: p.id })),
    'choices.data': { type: 'Data.Query', dataset: PEOPLE_DATASET },
  };
  if (block.selected.length) picker.value = block.selected.map((p) => p.id).join(',');
  const save: AcAction = { type: 'Action.Execute', title: block.submit, verb: block.pick.k, data: executeData(block.pick, id) };
  const items: AcElement[] = [richText(block.label, 'strong'), richText(block.text, 'plain'), { ...richText(block.hint, 'context'), spacing: 'None' }];
  if (block.refusal) items.push(refusal('people', block.refusal));
  items.push(picker, ...actionSets([save, renderButton(block.anyone)]));
  return [{ type: 'Container', id: 'people', items }];
}
