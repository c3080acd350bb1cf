/**
 * Where unanswered interviews live. One process: memory with a TTL (node-cache).
 * Several replicas (DATABASE_URL): the shared store, so an interview continues on
 * whichever replica gets the next request.
 */
import NodeCache from 'node-cache';
import type { DialogState } from '../engine/types';
import type { Scope, UserRef } from '../plan/rollout-model';
import type { Store } from '../store/store';

export interface DialogStateStore {
  load(key: string): Promise<DialogState | undefined>;
  save(key: string, state: DialogState): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One interview per person per channel. */
export function dialogKey(scope: Scope, user: UserRef): string {
  return [scope.platform, scope.workspace, scope.channel, user.id].join(':');
}

export function createMemoryDialogs(ttlSeconds: number): DialogStateStore {
  const cache = new NodeCache({ stdTTL: ttlSeconds, checkperiod: Math.min(600, ttlSeconds), useClones: true });
  return {
    load: async (key) => cache.get<DialogState>(key),
    save: async (key, state) => void cache.set(key, state),
    delete: async (key) => void cache.del(key),
  };
}

export function createStoreDialogs(store: Store, ttlSeconds: number): DialogStateStore {
  return {
    load: async (key) => (await store.loadDialog(key)) as DialogState | undefined,
    save: (key, state) => store.saveDialog(key, state, ttlSeconds),
    delete: (key) => store.deleteDialog(key),
  };
}
