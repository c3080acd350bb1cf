/**
 * The console chat: the same interview and rollout as in Slack and Teams, in a
 * terminal. Works on a TTY and with piped input (one line at a time, in order).
 * - On a TTY, the channel's open rollout is shown again at start (it lives in the
 *   store); with piped input nothing is printed but the banner and the answers.
 * - `run()` resolves with an exit status a script can trust: 1 when the chat ended
 *   (input over, or quit) with an interview not yet posted - it says so - or when the
 *   bot refused a line; else 0.
 * - It speaks the person's language: the one they chose, else the terminal's (LANG).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { msg, t } from '../../conversations/strings';
import type { Locale } from '../../conversations/types';
import type { Bot, Inbound, MessageInput, Reply } from '../../src/bot/types';
import type { Button } from '../../src/cards/model';
import { renderCardAsText } from '../../src/cards/text';
import { formatRef } from '../../src/rollout/short-ref';
import type { Scope, UserRef } from '../../src/rollout/model';
import { parseConsoleLine } from './commands';
import { writeNewFile } from './export-file';

export const CONSOLE_SCOPE: Scope = { platform: 'console', workspace: 'local', channel: 'console' };

export interface ConsoleChatOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  user?: UserRef;
  scope?: Scope;
  /** The terminal's language (see language.ts); the person's own choice wins. */
  locale?: Locale;
  /** Where `export` writes its files (default ./data/exports). */
  exportDir?: string;
  /** The person's time zone (IANA; default the system's, which TZ sets): a window typed is read on it. */
  timeZone?: string;
  /** A person at a terminal (default: the input is a TTY); false for piped input. */
  interactive?: boolean;
  /**
   * Waits until the delivery outbox has printed what a line caused (the plan, its
   * thread lines; adapters/console/delivery.ts), so they appear before the next
   * prompt. Default: no wait.
   */
  settle?: () => Promise<void>;
}

export interface ConsoleChat {
  /** Resolves with the exit status when the input ends or the user types quit. */
  run(): Promise<number>;
  /** Handles one line (exported for tests and scripted use); false after quit. */
  handleLine(line: string): Promise<boolean>;
}

export function createConsoleChat(options: ConsoleChatOptions): ConsoleChat {
  const { bot, output } = options;
  const login = safeLogin();
  const user = options.user ?? { id: login, name: login };
  const scope = options.scope ?? CONSOLE_SCOPE;
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The terminal is "here": a plan posted from it says so, not "in this channel".
  const inbound: Inbound = { scope, user, place: 'here', ...(options.locale ? { locale: options.locale } : {}), ...(timeZone ? { timeZone } : {}) };
  const interactive = options.interactive ?? (options.input as { isTTY?: boolean }).isTTY === true;
  /** The rollout picked with `use`: step commands act on it instead of the latest. */
  let pinnedRollout: string | undefined;
  /** The rollout shown by `plan`: the pinned one, else the one last posted or changed here. */
  let currentRollout: string | undefined;
  let choices: Button[] = [];
  let refusals = 0;

  const print = (text: string): void => void output.write(text + '\n');
  const locale = async (): Promise<Locale> => (await bot.userContext(inbound)).locale;

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
          refusals++;
          print(`! ${reply.text}`);
          break;
        case 'update-plan':
          // The thread line (delivered next) says what changed; the whole plan is one "plan" away.
          currentRollout = reply.rollout.id;
          for (const card of reply.cards()) print(`  ${card.fallback}`);
          break;
        case 'file': {
          // Never over an earlier export: a new name instead (export-file.ts).
          const file = writeNewFile(options.exportDir ?? path.resolve('data', 'exports'), reply.filename, reply.content);
          print(`${reply.summary}\n${t(await locale(), msg('console.exported', { file }))}`);
          break;
        }
      }
    }
  }

  async function showCurrent(): Promise<void> {
    const id = currentRollout ?? (await bot.openRollouts(scope))[0]?.id;
    if (!id) return print(t(await locale(), 'console.noRollout'));
    const drawing = await bot.drawRollout(scope, id);
    if (!drawing) return print(t(await locale(), msg('console.unknownRollout', { id })));
    currentRollout = id;
    for (const card of drawing.cards) print(renderCardAsText(card).text);
  }

  /** "details 5": the step's whole text and the fact ids behind it, as the cards' "Details" shows it. */
  async function showDetails(number: number): Promise<void> {
    const id = currentRollout ?? pinnedRollout ?? (await bot.openRollouts(scope))[0]?.id;
    if (!id) return print(t(await locale(), 'console.noRollout'));
    const drawing = await bot.drawRollout(scope, id);
    if (!drawing) return print(t(await locale(), msg('console.unknownRollout', { id })));
    // A number that is no step is left to the core, which says so.
    const step = drawing.rollout.plan.steps[number - 1]?.id ?? `step-${number}`;
    await show(await bot.handleAction(inbound, { payload: { k: 'details', r: drawing.rollout.id, s: step }, actionKey: randomUUID() }));
  }

  function toBot(text: string, extra: { isCommand?: boolean } = {}): MessageInput {
    const mentions = consoleMentions(text);
    const channels = consoleChannels(text);
    return {
      text,
      ...extra,
      ...(mentions.length ? { mentions } : {}),
      ...(channels.length ? { channels } : {}),
      ...(pinnedRollout ? { rollout: pinnedRollout } : {}),
    };
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
        pinnedRollout = parsed.rolloutId;
        currentRollout = parsed.rolloutId;
        await showCurrent();
        return true;
      case 'new':
        await show(await bot.handleMessage(inbound, toBot(parsed.text, { isCommand: true })));
        return true;
      case 'details':
        await showDetails(parsed.number);
        return true;
      case 'choice': {
        const button = choices[parsed.index];
        if (!button) break; // a bare number may also be an answer; let the bot read it
        await show(await bot.handleAction(inbound, { payload: button.action, actionKey: randomUUID() }));
        return true;
      }
      case 'text':
        break;
    }
    await show(await bot.handleMessage(inbound, toBot(line.trim())));
    return true;
  }

  async function banner(): Promise<void> {
    const language = await locale();
    print([t(language, 'console.welcome'), t(language, 'console.example'), t(language, 'console.commands')].join('\n'));
    if (!interactive) return;
    const open = (await bot.openRollouts(scope))[0];
    if (!open) return;
    currentRollout = open.id;
    print(`\n${t(language, msg('console.resuming', { ref: formatRef(open.ref) }))}`);
    await showCurrent();
  }

  return {
    handleLine,
    async run() {
      await banner();
      const rl = readline.createInterface({ input: options.input, terminal: false });
      try {
        for await (const line of rl) if (!(await handleLine(line))) break;
      } finally {
        rl.close();
      }
      const context = await bot.userContext(inbound);
      if (context.interviewing) print(t(context.locale, 'console.ended'));
      return context.interviewing || refusals > 0 ? 1 : 0;
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

/** "#change-board" names a console "channel" exactly as typed (its lines are printed with that name). */
export function consoleChannels(text: string): { id: string; name: string }[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:^|\s)#([\p{L}\p{N}._-]{1,64})/gu)) names.add(match[1].replace(/[.]+$/, ''));
  return [...names].map((name) => ({ id: `console:${name}`, name }));
}

function safeLogin(): string {
  try {
    return process.env.CONSOLE_USER || os.userInfo().username || 'admin';
  } catch {
    return 'admin';
  }
}
