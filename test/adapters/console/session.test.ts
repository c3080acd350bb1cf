/**
 * The console at a terminal: it shows the open rollout again at start (piped input
 * does not: process.test.ts), in the person's language, and `use #1` (or the long id)
 * points step commands at another open rollout than the latest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConsoleChat, CONSOLE_SCOPE } from '../../../adapters/console';
import { createConsoleDelivery } from '../../../adapters/console/delivery';
import { createBot } from '../../../src/bot';
import type { Publisher } from '../../../src/delivery/publisher';
import { startTestPublisher } from '../../support/publisher';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';

const alice = { id: 'alice', name: 'Alice' };

describe.each([
  ['en', undefined, '2000 standard sp no adc no ts', 'post', 'Resuming rollout', 'Alice confirmed step 1'],
  ['nl', 'nl' as const, '2000 standaard servicepack geen adc geen ts', 'plaatsen', 'Verder met uitrol', 'Alice heeft stap 1 bevestigd'],
])('in %s', (_lang, locale, answers, post, resuming, confirmed) => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exsp-session-'));
    store = createSqliteStore({ file: path.join(dir, 'console.sqlite') });
    await store.migrate();
  });
  const publishers: Publisher[] = [];
  afterEach(async () => {
    for (const p of publishers.splice(0)) await p.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open(input: PassThrough, interactive: boolean) {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const bot = createBot({ store });
    // The plan and its thread lines reach the terminal through the outbox, as in `npm start`.
    const publisher = startTestPublisher(store, [createConsoleDelivery(output)], { bot });
    publishers.push(publisher);
    const settle = () => publisher.idle();
    const chat = createConsoleChat({ bot, input, output, user: alice, interactive, settle, ...(locale ? { locale } : {}) });
    return { chat, printed: () => printed, stop: () => publisher.stop() };
  }

  it.each([
    ['its short reference', (older: { ref: number }) => `#${older.ref}`],
    ['its long id', (older: { id: string }) => older.id],
  ])('at a terminal the open rollout is shown again at start; `use` with %s picks which one step commands act on', async (_how, named) => {
    const first = open(new PassThrough(), false);
    for (const line of [answers, post, answers, post]) await first.chat.handleLine(line);
    const [newer, older] = await store.listRollouts(CONSOLE_SCOPE);
    // The first terminal closes, as a restarted console would.
    await first.stop();

    const input = new PassThrough();
    const second = open(input, true);
    const running = second.chat.run();
    expect([older.ref, newer.ref]).toEqual([1, 2]);
    input.end(`use ${named(older)}\nconfirm 1\n`);
    expect(await running).toBe(0);
    expect(second.printed()).toContain(`${resuming} #2:`);
    // `use` shows the plan it picked: its own reference heads it.
    expect(second.printed()).toMatch(/#1 · (started by|gestart door) Alice/);
    expect(second.printed()).toContain(confirmed);
    expect((await store.getRollout(CONSOLE_SCOPE, older.id))!.events.map((e) => e.type)).toEqual(['created', 'confirmed']);
    expect((await store.getRollout(CONSOLE_SCOPE, newer.id))!.events.map((e) => e.type)).toEqual(['created']);
  });
});
