/**
 * Test helpers: flatten a card to plain lines (our own, so these tests do not depend
 * on src/cards/text.ts), and play a transcript through stepDialog the way an adapter
 * would turn clicks and typed lines into events.
 */
import type { Card, CardBlock } from '../../../src/cards/model';
import type { ActionPayload } from '../../../src/cards/actions';
import type { Answers, Locale } from '../../../conversations/types';
import { clickEvent } from '../../../src/interview/click-event';
import { stepDialog } from '../../../src/interview/engine';
import type { DialogEvent, DialogOutput, DialogResult, DialogState } from '../../../src/interview/types';
import type { UserRef } from '../../../src/rollout/model';

function blockLines(b: CardBlock): string[] {
  switch (b.type) {
    case 'header':
    case 'text':
    case 'context':
      return [b.text];
    case 'facts':
      return b.items.map((i) => `${i.label}: ${i.value}`);
    case 'actions':
      return [b.buttons.map((x) => `[${x.label}]`).join(' ')];
    case 'input':
      return [`<${b.label}>`];
    case 'step':
      return [b.title, ...b.details];
    case 'people':
      return [b.label, b.text];
    case 'divider':
      return [];
  }
}

export function flattenCard(card: Card): string {
  return card.blocks.flatMap(blockLines).join('\n');
}

export function flattenOutputs(outputs: DialogOutput[]): string {
  return outputs
    .map((o) => (o.type === 'post-plan' ? `POST-PLAN ${JSON.stringify(o.answers)}` : flattenCard(o.card)))
    .join('\n---\n');
}

/** What a user does: types a line, or clicks a button (with the text of its input). */
export type Act = string | { click: ActionPayload; input?: string } | { mentions: UserRef[]; text: string };

export const click = (payload: ActionPayload, input?: string): Act => ({ click: payload, input });
export const choose = (q: string, v: string): Act => click({ k: 'answer', q, v });
export const enter = (q: string, text: string): Act => click({ k: 'answer', q, i: q }, text);

/** As the bot does: a click's payload becomes an event (clickEvent); text starts or continues. */
export function toEvent(act: Act, state: DialogState | undefined): DialogEvent {
  if (typeof act === 'string') return state ? { type: 'text', text: act } : { type: 'start', text: act };
  if ('mentions' in act) return { type: state ? 'text' : 'start', text: act.text, mentions: act.mentions };
  const p = act.click;
  if (p.k !== 'answer' && p.k !== 'dialog' && p.k !== 'lang') throw new Error(`not an interview button: ${p.k}`);
  // The product's own mapping of a click (src/bot uses it too), not a copy of it.
  return clickEvent(p, act.input);
}

/** The person interviewed in these transcripts (the owner-to-be of the plan). */
export const INTERVIEWED: UserRef = { id: 'U0OWNER', name: 'Olivia' };
export const CTX = (locale: Locale = 'en') => ({ locale, now: new Date('2024-11-24T10:00:00Z'), user: INTERVIEWED });

/**
 * One row: what the user does, phrases the bot's reply must contain (case-insensitive;
 * a phrase starting with "!" must be absent),
 * and the answers kept afterwards ('done' when the interview is over).
 */
export type Row = [Act, string[], (Answers | 'done')?];

export interface Played {
  state: DialogState | undefined;
  last: DialogResult;
  texts: string[];
}

export function play(rows: Row[], locale: Locale = 'en', initial?: DialogState): Played {
  let state = initial;
  let last: DialogResult = { state, outputs: [] };
  const texts: string[] = [];
  rows.forEach(([act, phrases, answers], index) => {
    last = stepDialog(state, toEvent(act, state), CTX(locale));
    const text = flattenOutputs(last.outputs);
    texts.push(text);
    const where = `row ${index + 1} (${JSON.stringify(act)}):\n${text}`;
    for (const phrase of phrases) {
      const absent = phrase.startsWith('!');
      const found = text.toLowerCase().includes((absent ? phrase.slice(1) : phrase).toLowerCase());
      if (found === absent) throw new Error(`${absent ? 'unexpected' : 'missing'} "${phrase}" in ${where}`);
    }
    if (answers === 'done') expect(last.state).toBeUndefined();
    else if (answers) expect({ row: index + 1, answers: last.state?.answers }).toEqual({ row: index + 1, answers });
    state = last.state;
  });
  return { state, last, texts };
}

/** The answers a finished transcript posted. */
export function postedAnswers(p: Played): Answers | undefined {
  const out = p.last.outputs.find((o) => o.type === 'post-plan');
  return out && out.type === 'post-plan' ? out.answers : undefined;
}
