/**
 * Answers in words: the "Understood: ..." echo after each message and the facts of
 * the summary. Returns Msgs; the engine puts them in the user's language.
 */
import type { Answers, AnswerKey } from '../types';
import { msg, type MessageKey, type Msg } from '../strings';
import { type NameSlot, QUESTION_ORDER, question } from './questions';
import { slotLabelKey } from './names';

const NAME_ECHO: Record<NameSlot, { ap: MessageKey; aa: MessageKey }> = {
  nodeA: { ap: 'interview.echo.nodeA.ap', aa: 'interview.echo.nodeA.aa' },
  nodeB: { ap: 'interview.echo.nodeB.ap', aa: 'interview.echo.nodeB.aa' },
  evsA: { ap: 'interview.echo.evsA.ap', aa: 'interview.echo.evsA.aa' },
  evsB: { ap: 'interview.echo.evsB.aa', aa: 'interview.echo.evsB.aa' },
};

const isNameSlot = (k: AnswerKey): k is NameSlot => k === 'nodeA' || k === 'nodeB' || k === 'evsA' || k === 'evsB';

/** The value of an answer as shown in a summary (a name verbatim). */
export function describeValue(key: AnswerKey, a: Answers): Msg | string | undefined {
  const v = a[key];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return msg(v ? 'interview.value.yes' : 'interview.value.no');
  if (isNameSlot(key)) return v;
  return msg(`interview.value.${key}.${v}` as MessageKey);
}

/** One phrase for the echo: "Exchange 2000", "active node EXCH1", "ADC installed". */
export function echoOf(key: AnswerKey, a: Answers): Msg | undefined {
  const v = a[key];
  if (v === undefined) return undefined;
  if (isNameSlot(key)) {
    const k = NAME_ECHO[key][a.topology === 'active-active' ? 'aa' : 'ap'];
    return msg(k, { name: String(v) });
  }
  if (key === 'topology' && v === 'single' && a.product !== undefined && a.product !== 'enterprise') {
    return msg(`interview.echo.autoSingle.${a.product}` as MessageKey);
  }
  if (typeof v === 'boolean') return msg(`interview.echo.${key}.${v ? 'yes' : 'no'}` as MessageKey);
  return msg(`interview.value.${key}.${v}` as MessageKey);
}

/** What changed from `before` to `after`, in interview order. */
export function echoChanges(before: Answers, after: Answers): Msg[] {
  return QUESTION_ORDER.filter((k) => after[k] !== undefined && after[k] !== before[k])
    .map((k) => echoOf(k, after))
    .filter((m): m is Msg => m !== undefined);
}

/** Label of an answer in the summary and on its change button. */
export function labelOf(key: AnswerKey, a: Answers): MessageKey {
  return isNameSlot(key) ? slotLabelKey(key, a) : (`interview.label.${key}` as MessageKey);
}

/** The summary facts: every answer that applies, topology always (it may be automatic). */
export function summaryItems(a: Answers): { key: AnswerKey; label: MessageKey; value: Msg | string }[] {
  return QUESTION_ORDER.filter((k) => a[k] !== undefined && (k === 'topology' || question(k).applies(a))).map((k) => ({
    key: k,
    label: labelOf(k, a),
    value: describeValue(k, a) ?? '',
  }));
}

/** The question as asked; cluster-name questions depend on the topology. */
export function promptOf(key: AnswerKey, a: Answers): MessageKey {
  if (isNameSlot(key)) return `interview.q.${key}.${a.topology === 'active-active' ? 'aa' : 'ap'}` as MessageKey;
  return `interview.q.${key}` as MessageKey;
}

/** A button label for a choice: also the word a console user types. */
export function choiceLabelOf(key: AnswerKey, value: string): MessageKey {
  return `interview.choice.${key}.${value}` as MessageKey;
}
