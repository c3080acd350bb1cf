/**
 * The console's side of the delivery outbox: the "channel" is the terminal. A new
 * plan is printed whole, its thread lines as ">> " lines; an update prints nothing
 * (the acting user already saw the progress line, and `plan` shows the whole card).
 */
import type { Writable } from 'node:stream';
import type { Card } from '../../src/cards/model';
import { renderCardAsText } from '../../src/cards/text';
import type { DeliveryAdapter } from '../../src/delivery/types';

export function createConsoleDelivery(output: Writable): DeliveryAdapter<Card> {
  const print = (text: string) => void output.write(`${text}\n`);
  return {
    platform: 'console',
    limits: {},
    maxThreadText: 10_000,
    render: (_target, cards) => cards,
    async post(target, card) {
      print(renderCardAsText(card).text);
      return { id: `console-${target.rollout.id}` };
    },
    async edit() {},
    async remove() {},
    async postInThread(_target, _root, text) {
      print(text.split('\n').map((line) => `  >> ${line}`).join('\n'));
    },
    async tellOwner(_target, notice) {
      print(notice.kind === 'posted' ? notice.text : `! ${notice.text}`);
    },
  };
}
