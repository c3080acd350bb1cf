/**
 * Where unanswered interviews live: the store (SQLite or Postgres), with a TTL, so an
 * interview survives a restart and continues on whichever replica gets the next
 * request. README promises "start or resume".
 */
import type { SavedInterview } from './campaign-model';
import type { Scope, UserRef } from '../rollout/model';
import type { Store } from '../store/store';

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

export function createStoreDialogs(store: Store, ttlSeconds: number): DialogStateStore {
  return {
    load: async (key) => (await store.loadDialog(key)) as SavedInterview | undefined,
    save: (key, state) => store.saveDialog(key, state, ttlSeconds),
    delete: (key) => store.deleteDialog(key),
  };
}
