/**
 * The console's side of the delivery outbox: the "channel" is the terminal. A new
 * plan is printed whole, its thread lines as ">> " lines; an update prints nothing
 * (the acting user already saw the progress line, and `plan` shows the whole card).
 * A stakeholder channel's lines are printed with its name ("[#change-board] ..."), and
 * the closing export is written to a file (never over an earlier one) and named.
 */
import path from 'node:path';
import type { Writable } from 'node:stream';
import { msg, t } from '../../conversations/strings';
import type { Card } from '../../src/cards/model';
import { renderCardAsText } from '../../src/cards/text';
import type { DeliveryAdapter } from '../../src/delivery/types';
import { writeNewFile } from './export-file';

export function createConsoleDelivery(output: Writable, options: { exportDir?: string } = {}): DeliveryAdapter<Card> {
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
    async postElsewhere(_target, channel, text) {
      print(`  [#${channel.name}] ${text}`);
    },
    async attachFile(target, _root, file) {
      const written = writeNewFile(options.exportDir ?? path.resolve('data', 'exports'), file.filename, file.content);
      print(`  >> ${file.summary} ${t(target.rollout.locale, msg('live.summary.savedTo', { file: written }))}`);
    },
    async tellOwner(_target, notice) {
      print(notice.kind === 'posted' ? notice.text : `! ${notice.text}`);
    },
  };
}
