/**
 * The form a Skip… or Problem… button opens: its title, field label, example and
 * submit label, in the card's language. The step view puts it on the button; Slack,
 * whose menus cannot carry it, rebuilds it from the step number when clicked.
 */
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Button } from './model';

export function stepNote(locale: Locale, verb: 'skip' | 'problem', number: number): NonNullable<Button['note']> {
  return {
    title: t(locale, msg(`card.note.${verb}.title`, { number })),
    label: t(locale, `card.note.${verb}.label`),
    placeholder: t(locale, `card.note.${verb}.placeholder`),
    submit: t(locale, `card.note.${verb}.submit`),
  };
}
