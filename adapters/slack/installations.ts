/**
 * Slack installations (one per workspace, or one per Enterprise Grid org for an
 * org-wide install) in our store's small settings table, so they work on SQLite and
 * on a Postgres shared by replicas alike.
 *
 * Tokens never rest in clear text: the whole Installation (bot token, and any user or
 * refresh token) is sealed with AES-256-GCM under SLACK_TOKEN_ENCRYPTION_KEY. The
 * settings key is the additional authenticated data, so a sealed value copied to
 * another workspace's key does not open. Only the ids needed to operate stay readable.
 * https://docs.slack.dev/authentication/installing-with-oauth
 * https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import NodeCache from 'node-cache';
import { z } from 'zod';
import type { Logger } from '../../src/runtime/log';
import type { Settings } from '../../src/runtime/settings';

const PREFIX = 'slack:installation:';
/** Enough to spare the store a read per click, short enough that an uninstall on another replica is seen soon. */
const CACHE_SECONDS = 60;

export interface InstallationIds {
  enterpriseId?: string;
  teamId?: string;
}

/** Where an installation lives: the org for an org-wide install, else the workspace. */
export function installationKey(ids: InstallationIds, orgWide: boolean): string | undefined {
  if (orgWide) return ids.enterpriseId ? `${PREFIX}enterprise:${ids.enterpriseId}` : undefined;
  return ids.teamId ? `${PREFIX}team:${ids.teamId}` : undefined;
}

const sealedSchema = z.object({
  v: z.literal(1),
  enterpriseId: z.string().optional(),
  teamId: z.string().optional(),
  orgWide: z.boolean(),
  installedAt: z.string(),
  /** base64 of iv (12 bytes) | auth tag (16 bytes) | ciphertext of the Installation JSON. */
  sealed: z.string().min(40),
});
type Sealed = z.infer<typeof sealedSchema>;

/** What Bolt's InstallProvider gives us; checked again when read back. */
const installationSchema = z
  .object({
    team: z.object({ id: z.string() }).passthrough().optional(),
    enterprise: z.object({ id: z.string() }).passthrough().optional(),
    isEnterpriseInstall: z.boolean().optional(),
    bot: z.object({ token: z.string(), userId: z.string(), id: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

export function seal(key: Buffer, aad: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the key is wrong or the value was altered (GCM authenticates both). */
export function unseal(key: Buffer, aad: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

export interface Installations {
  /** For Bolt's InstallProvider: called after the OAuth code exchange. */
  readonly installationStore: InstallationStore;
  /** The installation that serves a request from this team (its own, else its org's org-wide one). */
  find(ids: InstallationIds): Promise<Installation | undefined>;
  /** app_uninstalled / tokens_revoked: forget the installation (and its cache entry). */
  remove(ids: InstallationIds, orgWide: boolean): Promise<void>;
}

export function createInstallations(options: { settings: Settings; key: Buffer; logger: Logger }): Installations {
  const { settings, key, logger } = options;
  const cache = new NodeCache({ stdTTL: CACHE_SECONDS, useClones: false, maxKeys: 10_000 });

  const read = async (settingKey: string): Promise<Installation | undefined> => {
    const hit = cache.get<Installation>(settingKey);
    if (hit) return hit;
    const value = sealedSchema.safeParse(await settings.getSetting(settingKey));
    if (!value.success) return undefined;
    let installation: Installation;
    try {
      const parsed = installationSchema.safeParse(JSON.parse(unseal(key, settingKey, value.data.sealed)));
      if (!parsed.success) throw new Error('not an installation');
      installation = parsed.data as unknown as Installation;
    } catch (error) {
      // Most likely SLACK_TOKEN_ENCRYPTION_KEY changed: the workspace must install again.
      logger.error('slack: cannot open a stored installation (was SLACK_TOKEN_ENCRYPTION_KEY changed?)', {
        key: settingKey,
        error: String(error),
      });
      return undefined;
    }
    cache.set(settingKey, installation);
    return installation;
  };

  const find = async (ids: InstallationIds): Promise<Installation | undefined> => {
    const own = installationKey(ids, false);
    const org = installationKey(ids, true);
    return (own ? await read(own) : undefined) ?? (org ? await read(org) : undefined);
  };

  const installationStore: InstallationStore = {
    async storeInstallation(installation) {
      const orgWide = installation.isEnterpriseInstall === true;
      const ids = { enterpriseId: installation.enterprise?.id, teamId: installation.team?.id };
      const settingKey = installationKey(ids, orgWide);
      if (!settingKey) throw new Error('installation without a team or enterprise id');
      const value: Sealed = {
        v: 1,
        orgWide,
        installedAt: new Date().toISOString(),
        sealed: seal(key, settingKey, JSON.stringify(installation)),
      };
      if (ids.enterpriseId) value.enterpriseId = ids.enterpriseId;
      if (ids.teamId) value.teamId = ids.teamId;
      await settings.putSetting(settingKey, value);
      cache.del(settingKey);
      logger.info('slack: installed', { enterprise: ids.enterpriseId, team: ids.teamId, orgWide });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const ids = { enterpriseId: query.enterpriseId, teamId: query.teamId };
      const orgKey = installationKey(ids, true);
      const found = query.isEnterpriseInstall ? orgKey && (await read(orgKey)) : await find(ids);
      if (!found) throw new Error(`no installation for ${query.enterpriseId ?? ''}/${query.teamId ?? ''}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await remove({ enterpriseId: query.enterpriseId, teamId: query.teamId }, query.isEnterpriseInstall);
    },
  };

  const remove = async (ids: InstallationIds, orgWide: boolean) => {
    const settingKey = installationKey(ids, orgWide);
    if (!settingKey) return;
    await settings.deleteSetting(settingKey);
    cache.del(settingKey);
    logger.info('slack: installation removed', { enterprise: ids.enterpriseId, team: ids.teamId, orgWide });
  };

  return { installationStore, find, remove };
}
