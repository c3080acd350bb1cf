/**
 * What KB 328839 says for a hotfix, and what is the bot's own advice.
 *
 * The article asks to go through its notes before "a service pack or hotfix", and its
 * topology sections say "run the service pack or the hotfix" (C1-C9), so the
 * preparations (E2K-1, 7, 8; E55-1, 6, 7) and the install order are cited for a hotfix
 * too. The notes whose subject is the service pack itself - its release notes and
 * where to get it, what it leaves alone (ADC, Mailbox Manager, InterOrg), what must
 * follow it (Performance Optimizer, a new backup because older online backups stop
 * restoring), the Conferencing Server service pack - speak of service packs only.
 * A hotfix plan never cites those; where it keeps such a step, the step is the bot's
 * good practice: it says so in its first line and cites nothing.
 */
import { msg, type Msg } from '../strings';
import type { CompleteAnswers } from '../types';
import type { KnownFactId } from './facts';

export const SERVICE_PACK_ONLY_FACTS: readonly KnownFactId[] = [
  'E2K-2', 'E2K-3', 'E2K-4', 'E2K-5', 'E2K-6',
  'E55-2', 'E55-3', 'E55-4', 'E55-5',
  'C5', 'K1', 'K2', 'K3',
];

/** The first line of a step that is the bot's own advice, not the article's. */
export const GOOD_PRACTICE: Msg = msg('plan.goodPractice');

export function isHotfix(a: CompleteAnswers): boolean {
  return a.change === 'hotfix';
}
