/**
 * The bot's own name as a command: `/exchange-sp …` in Slack, `exchange-sp …` typed in a
 * Teams message or the console. Every parser takes it off with these, so what counts as
 * "the command name" is decided once.
 */

/** The text starts with the command name ("/exchange-sp", "exchange-sp"), not a longer word. */
export function startsWithCommandName(text: string): boolean {
  return /^\s*\/?exchange-sp(?![\w-])/i.test(text);
}

/**
 * The text without a leading command name (or a lone leading "/", as in "/confirm 3") and
 * the spaces after it.
 */
export function withoutCommandName(text: string): string {
  return text.replace(/^\s*\/?(?:exchange-sp(?![\w-]))?\s*/i, '');
}

/**
 * The rest of the text when its first word (after the command name) is one of `words`
 * (lower case); undefined when it does not start so.
 */
export function restAfter(words: readonly string[], text: string): string | undefined {
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(withoutCommandName(text));
  if (!match || !words.includes(match[1].toLowerCase())) return undefined;
  return (match[2] ?? '').trim();
}
