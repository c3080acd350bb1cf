/**
 * The console's language hint, from the terminal's locale the way POSIX programs read
 * it (LC_ALL, then LC_MESSAGES, then LANG): `LANG=nl_NL.UTF-8` starts the chat in
 * Dutch. A language the person chose in the chat ("nl", "en") wins over it.
 */
import type { Locale } from '../../conversations/types';

export function consoleLocale(env: Record<string, string | undefined>): Locale | undefined {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (!setting) return undefined;
  return /^nl([_.@-]|$)/i.test(setting) ? 'nl' : 'en';
}
