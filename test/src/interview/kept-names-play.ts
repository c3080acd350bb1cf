/** What the kept-names suites share: playing an interview with its state stored as JSON between turns. */
import type { Answers, CompleteAnswers, Locale } from '../../../conversations/types';
import type { DialogState } from '../../../src/interview/types';
import { click, play, type Played, type Row } from './flatten';

export const post = click({ k: 'dialog', c: 'confirm' });
export const E2K: Answers = { version: '2000', product: 'enterprise' };

/** The answers the finished interview handed to the plan builder. */
export function posted(p: Played): CompleteAnswers {
  const out = p.last.outputs.find((o) => o.type === 'post-plan');
  if (!out || out.type !== 'post-plan') throw new Error('no plan was posted');
  return out.answers;
}

/** As `play`, but the state goes through JSON between turns, as the stores keep it. */
export function playStored(rows: Row[], locale: Locale = 'en', initial?: DialogState): Played {
  let state = initial;
  let last: Played | undefined;
  const texts: string[] = [];
  rows.forEach((row, index) => {
    try {
      last = play([row], locale, state === undefined ? undefined : (JSON.parse(JSON.stringify(state)) as DialogState));
    } catch (error) {
      throw new Error(`turn ${index + 1}: ${String(error)}`);
    }
    texts.push(...last.texts);
    state = last.state;
  });
  if (!last) throw new Error('no rows');
  return { ...last, texts };
}
