/**
 * The interview's cards: a question, the summary, the change picker, help. Shown to
 * the interviewed user only. Every card repeats its question in plain words and its
 * choices as typeable labels, so the console's text rendering works on its own.
 */
import type { Answers, Locale, Place } from '../../conversations/types';
import { t, where, type Msg } from '../../conversations/strings';
import type { Question } from '../../conversations/interview/questions';
import type { Dropped } from '../../conversations/interview/conflicts';
import { answeredQuestions } from '../../conversations/interview/questions';
import { choiceLabelOf, labelOf, promptOf, summaryItems } from '../../conversations/interview/describe';
import type { Button, Card, CardBlock } from './model';
import type { UserRef } from '../rollout/model';
import type { MaintenanceWindow } from '../rollout/live-model';
import { windowText } from './live-lines';

/** What to say before the question: what changed, what went wrong. */
export interface Remarks {
  notes: Msg[];
  echo: Msg[];
  /** Said right after the echo: what happens to names kept for a cluster. */
  names: Msg[];
  problems: Msg[];
  /** Answers that could not stand beside the others: the reason, and which one went. */
  dropped: Dropped[];
  unknown: string[];
}

export const noRemarks = (): Remarks => ({ notes: [], echo: [], names: [], problems: [], dropped: [], unknown: [] });

function remarkBlocks(locale: Locale, r: Remarks): CardBlock[] {
  const blocks: CardBlock[] = r.notes.map((m) => ({ type: 'text', text: t(locale, m), style: 'muted' }));
  if (r.echo.length > 0) {
    const list = r.echo.map((m) => t(locale, m)).join(', ');
    blocks.push({ type: 'context', text: t(locale, { key: 'interview.understood', params: { list } }) });
  }
  for (const m of r.names) blocks.push({ type: 'context', text: t(locale, m) });
  for (const d of r.dropped) {
    const text = t(locale, { key: 'interview.leftOut', params: { reason: t(locale, d.reason), answer: t(locale, d.answer) } });
    blocks.push({ type: 'text', text, style: 'warning' });
  }
  for (const p of r.problems) blocks.push({ type: 'text', text: t(locale, p), style: 'warning' });
  if (r.unknown.length > 0) {
    blocks.push({ type: 'text', text: t(locale, { key: 'interview.notUnderstood', params: { words: r.unknown.join(', ') } }) });
  }
  return blocks;
}

function navButtons(locale: Locale, withBack: boolean): Button[] {
  const buttons: Button[] = [];
  if (withBack) buttons.push({ label: t(locale, 'interview.button.back'), action: { k: 'dialog', c: 'back' } });
  buttons.push(
    { label: t(locale, 'interview.button.help'), action: { k: 'dialog', c: 'help' } },
    { label: t(locale, 'interview.button.cancel'), action: { k: 'dialog', c: 'cancel' }, style: 'danger' },
    { label: t(locale, 'interview.button.otherLanguage'), action: { k: 'lang', l: locale === 'en' ? 'nl' : 'en' } },
  );
  return buttons;
}

export function questionCard(locale: Locale, a: Answers, q: Question, r: Remarks, canGoBack: boolean): Card {
  const prompt = t(locale, promptOf(q.id, a));
  const blocks: CardBlock[] = [{ type: 'header', text: t(locale, 'interview.title') }, ...remarkBlocks(locale, r)];
  blocks.push({ type: 'text', text: prompt, style: 'strong' });
  if (q.id === 'topology') blocks.push({ type: 'text', text: t(locale, 'interview.hint.topology'), style: 'muted' });
  if (q.kind === 'name') {
    // A description, never an example name: an example looks like an answer (and may be one already taken).
    const placeholder = t(locale, q.id.startsWith('node') ? 'interview.placeholder.node' : 'interview.placeholder.evs');
    blocks.push({ type: 'input', id: q.id, label: t(locale, labelOf(q.id, a)), placeholder, maxLength: 15 });
    blocks.push({
      type: 'actions',
      buttons: [{ label: t(locale, 'interview.button.submit'), action: { k: 'answer', q: q.id, i: q.id }, style: 'primary' }],
    });
    blocks.push({ type: 'text', text: t(locale, 'interview.hint.name'), style: 'muted' });
  } else {
    const options =
      q.kind === 'yes-no'
        ? [
            { value: 'yes', label: t(locale, 'interview.choice.yes') },
            { value: 'no', label: t(locale, 'interview.choice.no') },
          ]
        : q.choices(a).map((v) => ({ value: v, label: t(locale, choiceLabelOf(q.id, v)) }));
    blocks.push({ type: 'actions', buttons: options.map((o) => ({ label: o.label, action: { k: 'answer', q: q.id, v: o.value } })) });
    const choices = options.map((o) => o.label).join(', ');
    const hint = q.kind === 'yes-no' ? t(locale, 'interview.hint.yesNo') : t(locale, { key: 'interview.hint.choice', params: { choices } });
    // The console has nothing to click: it numbers the choices and says "type".
    const typed = q.kind === 'yes-no' ? t(locale, 'console.hint.yesNo') : t(locale, { key: 'console.hint.choice', params: { choices } });
    blocks.push({ type: 'text', text: hint, style: 'muted', typed });
  }
  blocks.push({ type: 'actions', buttons: navButtons(locale, canGoBack) });
  blocks.push({ type: 'context', text: t(locale, 'interview.hint.commands') });
  return { fallback: t(locale, { key: 'interview.fallback.question', params: { prompt } }), blocks };
}

function operatorsText(locale: Locale, operators: UserRef[], place: Place | undefined): string {
  const anyone = t(locale, 'interview.operators.anyone', { where: where(locale, place) });
  return operators.length === 0 ? anyone : operators.map((o) => o.name).join(', ');
}

/** The answers and the Post button; `place` is where the plan will be posted; `window` one set in the interview. */
export function summaryCard(locale: Locale, a: Answers, operators: UserRef[], r: Remarks, place?: Place, window?: MaintenanceWindow): Card {
  const items = summaryItems(a).map((item) => ({
    label: t(locale, item.label),
    value: typeof item.value === 'string' ? item.value : t(locale, item.value),
  }));
  items.push({ label: t(locale, 'interview.label.operators'), value: operatorsText(locale, operators, place) });
  if (window) items.push({ label: t(locale, 'live.label.window'), value: windowText(locale, window) });
  const blocks: CardBlock[] = [
    { type: 'header', text: t(locale, 'interview.summary.title') },
    ...remarkBlocks(locale, r),
    { type: 'facts', items },
    { type: 'text', text: t(locale, 'interview.summary.text', { where: where(locale, place) }) },
    {
      type: 'actions',
      buttons: [
        { label: t(locale, 'interview.button.post'), action: { k: 'dialog', c: 'confirm' }, style: 'primary' },
        { label: t(locale, 'interview.button.change'), action: { k: 'dialog', c: 'change' } },
        ...navButtons(locale, true),
      ],
    },
    { type: 'context', text: t(locale, 'interview.hint.commands') },
  ];
  return { fallback: t(locale, 'interview.summary.fallback'), blocks };
}

/** One button per answer that can be asked again. */
export function changeCard(locale: Locale, a: Answers, r: Remarks): Card {
  const buttons: Button[] = answeredQuestions(a).map((q) => ({
    label: t(locale, labelOf(q.id, a)),
    action: { k: 'dialog', c: 'change', q: q.id },
  }));
  return {
    fallback: t(locale, 'interview.change.title'),
    blocks: [
      { type: 'header', text: t(locale, 'interview.change.title') },
      ...remarkBlocks(locale, r),
      { type: 'actions', buttons },
      { type: 'text', text: t(locale, 'interview.change.fallback'), style: 'muted' },
    ],
  };
}

export function helpCard(locale: Locale, place?: Place): Card {
  return {
    fallback: t(locale, 'interview.help.fallback'),
    blocks: [
      { type: 'header', text: t(locale, 'interview.help.title') },
      { type: 'text', text: t(locale, 'interview.help.what', { where: where(locale, place) }) },
      { type: 'text', text: t(locale, 'interview.help.answers'), typed: t(locale, 'console.help.answers') },
      { type: 'text', text: t(locale, 'interview.help.commands') },
      { type: 'text', text: t(locale, 'live.help.commands') },
    ],
  };
}

export function cancelledCard(locale: Locale): Card {
  const text = t(locale, 'interview.cancelled');
  return { fallback: text, blocks: [{ type: 'text', text }] };
}
