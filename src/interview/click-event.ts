/**
 * A click on an interview card (a language, a command, an answer) as the event the
 * interview engine takes. The bot uses it for every click; the interview's tests play
 * their transcripts through it, so they click the way the product does.
 */
import type { ActionPayload } from '../cards/actions';
import type { DialogEvent } from './types';

/** The buttons an interview card carries. */
export type InterviewClick = Extract<ActionPayload, { k: 'lang' | 'dialog' | 'answer' }>;

/** `text`: what was typed in the card's input field, if the button has one. */
export function clickEvent(payload: InterviewClick, text?: string): DialogEvent {
  switch (payload.k) {
    case 'lang':
      return { type: 'language', locale: payload.l };
    case 'dialog':
      return { type: 'command', command: payload.c, question: payload.q };
    case 'answer':
      return { type: 'answer', question: payload.q, value: payload.v ?? text ?? '' };
  }
}
