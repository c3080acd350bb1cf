/**
 * Where unanswered interviews live: the store (SQLite or Postgres), with a TTL, so an
 * interview survives a restart and continues on whichever replica gets the next
 * request. README promises "start or resume". What is loaded is parsed and brought up
 * to date (saved-state.ts); one that cannot be read is dropped, and the person starts
 * afresh rather than meet an error.
 */
import type { SavedInterview } from './campaign-model';
import type { Scope, UserRef } from '../rollout/model';
import type { Store } from '../store/store';
import type { Logger } from '../runtime/log';
import { fromStored, toStored } from './saved-state';

/** A single-server interview (DialogState) or a campaign's (src/interview/campaign-model.ts). */
export interface DialogStateStore {
  load(key: string): Promise<SavedInterview | undefined>;
  save(key: string, state: SavedInterview): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One interview per person per channel. */
export function dialogKey(scope: Scope, user: UserRef): string {
  return [scope.platform, scope.workspace, scope.channel, user.id].join(':');
}

export function createStoreDialogs(store: Store, ttlSeconds: number, logger?: Logger): DialogStateStore {
  return {
    load: async (key) => {
      const stored = await store.loadDialog(key);
      if (stored === undefined) return undefined;
      const read = fromStored(stored);
      if (read.ok) return read.state;
      logger?.warn('interview: a saved interview could not be read; it is dropped', { why: read.why });
      await store.deleteDialog(key);
      return undefined;
    },
    save: (key, state) => store.saveDialog(key, toStored(state), ttlSeconds),
    delete: (key) => store.deleteDialog(key),
  };
}
