/**
 * Small JSON values kept by key across restarts and replicas (a sealed Slack
 * installation, a person's language). The store provides them; an adapter that keeps
 * something of its own is given this much of the store and no more.
 */
export interface Settings {
  getSetting(key: string): Promise<unknown | undefined>;
  putSetting(key: string, value: unknown): Promise<void>;
  deleteSetting(key: string): Promise<void>;
}
