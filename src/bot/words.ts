/**
 * Channel-level commands the bot answers itself, outside an interview: status,
 * export, operators. Interview words (help, back, answers...) belong to the engine.
 */
import { OPERATORS_WORDS } from '../../conversations/interview/operators';
import { withoutCommandName } from '../../conversations/command';

export type ChannelCommand = 'status' | 'export' | 'operators';

const WORDS: Record<string, ChannelCommand> = {
  status: 'status',
  stand: 'status',
  export: 'export',
  exporteren: 'export',
  exporteer: 'export',
  ...Object.fromEntries(OPERATORS_WORDS.map((w) => [w, 'operators' as const])),
};

/** The command and the rest of the text, when the text starts with a channel command word. */
export function parseChannelCommand(text: string): { command: ChannelCommand; rest: string } | undefined {
  const match = /^([a-z]+)\b\s*(.*)$/is.exec(withoutCommandName(text));
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  // Own keys only: "constructor" is no command.
  const command = Object.prototype.hasOwnProperty.call(WORDS, word) ? WORDS[word] : undefined;
  return command ? { command, rest: match[2].trim() } : undefined;
}
