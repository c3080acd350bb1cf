/**
 * Channel-level commands the bot answers itself, outside an interview: status,
 * export, operators. Interview words (help, back, answers...) belong to the engine.
 */
import { OPERATORS_WORDS } from '../../conversations/interview/operators';

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
  const match = /^\s*\/?(?:exchange-sp\s+)?([a-z]+)\b\s*(.*)$/is.exec(text);
  if (!match) return undefined;
  const command = WORDS[match[1].toLowerCase()];
  return command ? { command, rest: match[2].trim() } : undefined;
}
