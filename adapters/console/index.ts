/**
 * The console chat: the same interview and rollout as in Slack and Teams, in a
 * terminal. Works on a TTY and with piped input (one line at a time, in order).
 * After a restart the channel's latest open rollout is shown again, with its
 * confirmations, because it lives in the store.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot, Inbound, MessageInput, Reply } from '../../src/bot/types';
import type { Button } from '../../src/cards/model';
import { renderCardAsText } from '../../src/cards/text';
import type { Scope, UserRef } from '../../src/plan/rollout-model';
import { parseConsoleLine } from './commands';

export const CONSOLE_SCOPE: Scope = { platform: 'console', workspace: 'local', channel: 'console' };

export interface ConsoleChatOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  user?: UserRef;
  scope?: Scope;
  /** Where `export` writes its files (default ./data/exports). */
  exportDir?: string;
  /**
   * Waits until the delivery outbox has printed what a line caused (the plan, its
   * thread lines), so they appear before the next prompt. Default: no wait.
   */
  settle?: () => Promise<void>;
}

export interface ConsoleChat {
  /** Resolves when the input ends or the user types quit. */
  run(): Promise<void>;
  /** Handles one line (exported for tests and scripted use). */
  handleLine(line: string): Promise<boolean>;
}

const WELCOME = [
  'exchange-sp console chat. Type your answers, or "help".',
  'Start with e.g.: 2000 enterprise active/passive EXCH1 EXCH2 adc',
  'During a rollout: confirm N | skip N <reason> | problem N <note> | undo N | plan | status | quit',
].join('\n');

export function createConsoleChat(options: ConsoleChatOptions): ConsoleChat {
  const { bot, output } = options;
  const login = safeLogin();
  const user = options.user ?? { id: login, name: login };
  const scope = options.scope ?? CONSOLE_SCOPE;
  const inbound: Inbound = { scope, user };
  /** Picked with `use <id>`; otherwise the latest open rollout is the one acted on. */
  let currentRollout: string | undefined;
  let choices: Button[] = [];

  const print = (text: string): void => void output.write(text + '\n');

  async function show(replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      switch (reply.type) {
        case 'private': {
          const rendering = renderCardAsText(reply.card);
          if (rendering.choices.length) choices = rendering.choices;
          print(rendering.text);
          break;
        }
        case 'refused':
          print(`! ${reply.text}`);
          break;
        case 'update-plan':
          // The thread line (delivered next) says what changed; the whole plan is one "plan" away.
          for (const card of reply.cards) print(`  ${card.fallback}`);
          break;
        case 'file': {
          const dir = options.exportDir ?? path.resolve('data', 'exports');
          fs.mkdirSync(dir, { recursive: true });
          const file = path.join(dir, reply.filename);
          fs.writeFileSync(file, reply.content);
          print(`${reply.summary}\n${file}`);
          break;
        }
      }
    }
  }

  async function showCurrent(): Promise<void> {
    const id = currentRollout ?? (await bot.openRollouts(scope))[0]?.id;
    if (!id) return print('No open rollout yet. Answer the questions to plan one.');
    const drawing = await bot.drawRollout(scope, id);
    if (!drawing) return print(`Rollout ${id} is not known here.`);
    for (const card of drawing.cards) print(renderCardAsText(card).text);
  }

  async function handleLine(line: string): Promise<boolean> {
    const more = await handleOneLine(line);
    await options.settle?.();
    return more;
  }

  async function handleOneLine(line: string): Promise<boolean> {
    const parsed = parseConsoleLine(line);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'show':
        await showCurrent();
        return true;
      case 'use':
        currentRollout = parsed.rolloutId;
        await showCurrent();
        return true;
      case 'new':
        await show(await bot.handleMessage(inbound, withMentions(parsed.text, { isCommand: true })));
        return true;
      case 'choice': {
        const button = choices[parsed.index];
        if (!button) break; // a bare number may also be an answer; let the bot read it
        await show(await bot.handleAction(inbound, { payload: button.action, actionKey: randomUUID() }));
        return true;
      }
      case 'step': {
        const id = currentRollout ?? (await bot.openRollouts(scope))[0]?.id;
        const drawing = id ? await bot.drawRollout(scope, id) : undefined;
        const step = drawing?.rollout.plan.steps[parsed.number - 1];
        if (!drawing || !step) break; // not a step command after all
        const payload = { k: 'step' as const, r: drawing.rollout.id, s: step.id, v: parsed.verb };
        await show(await bot.handleAction(inbound, { payload, actionKey: randomUUID(), text: parsed.note }));
        return true;
      }
      case 'text':
        break;
    }
    await show(await bot.handleMessage(inbound, withMentions(line.trim())));
    return true;
  }

  return {
    handleLine,
    async run() {
      print(WELCOME);
      const open = (await bot.openRollouts(scope))[0];
      if (open) {
        print(`\nResuming rollout ${open.id}:`);
        await showCurrent();
      }
      const rl = readline.createInterface({ input: options.input, terminal: false });
      try {
        for await (const line of rl) {
          if (!(await handleLine(line))) break;
        }
      } finally {
        rl.close();
      }
    },
  };
}

/**
 * The console has no user directory: "@name" names a person exactly as typed, so
 * "operators @alice @bob" restricts a rollout to alice and bob (and its owner), and
 * the core enforces it when someone else (CONSOLE_USER=bob) acts.
 */
export function consoleMentions(text: string): UserRef[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:^|\s)@([\p{L}\p{N}._-]{1,64})/gu)) names.add(match[1].replace(/[.]+$/, ''));
  return [...names].map((name) => ({ id: name, name }));
}

function withMentions(text: string, extra: { isCommand?: boolean } = {}): MessageInput {
  const mentions = consoleMentions(text);
  return { text, ...extra, ...(mentions.length ? { mentions } : {}) };
}

function safeLogin(): string {
  try {
    return process.env.CONSOLE_USER || os.userInfo().username || 'admin';
  } catch {
    return 'admin';
  }
}
