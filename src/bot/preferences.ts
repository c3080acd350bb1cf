/**
 * A person's chosen language, kept in the store so it survives restarts and is the
 * same on every replica; cached briefly so a click does not cost a read.
 */
import NodeCache from 'node-cache';
import type { Locale } from '../../conversations/types';
import type { Store } from '../store/store';
import type { Inbound } from './types';

export interface Preferences {
  /** The language the person chose, or the platform's hint, or English. */
  localeFor(inbound: Inbound): Promise<Locale>;
  /** The language the person chose ("nl", "english", the language button); undefined when they never did. */
  chosenLocaleFor(inbound: Inbound): Promise<Locale | undefined>;
  setLocale(inbound: Inbound, locale: Locale): Promise<void>;
}

export function createPreferences(store: Store): Preferences {
  const cache = new NodeCache({ stdTTL: 300, checkperiod: 120, useClones: false });
  const keyOf = (inbound: Inbound) =>
    `locale:${inbound.scope.platform}:${inbound.scope.workspace}:${inbound.user.id}`;
  async function chosenLocaleFor(inbound: Inbound): Promise<Locale | undefined> {
    const key = keyOf(inbound);
    let chosen = cache.get<Locale | null>(key);
    if (chosen === undefined) {
      const stored = await store.getSetting(key);
      chosen = stored === 'en' || stored === 'nl' ? stored : null;
      cache.set(key, chosen);
    }
    return chosen ?? undefined;
  }
  return {
    chosenLocaleFor,
    async localeFor(inbound) {
      return (await chosenLocaleFor(inbound)) ?? inbound.locale ?? 'en';
    },
    async setLocale(inbound, locale) {
      const key = keyOf(inbound);
      await store.putSetting(key, locale);
      cache.set(key, locale);
    },
  };
}
