/** Installations at rest: AES-256-GCM under SLACK_TOKEN_ENCRYPTION_KEY, bound to their settings key. */
import type { Installation } from '@slack/bolt';
import { createInstallations, installationKey, seal, unseal } from '../../../adapters/slack/installations';
import { silentLogger } from '../../../src/runtime/log';
import type { Store } from '../../../src/store/store';

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);

function settingsStore(): Store & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    getSetting: async (k: string) => (values.has(k) ? JSON.parse(JSON.stringify(values.get(k))) : undefined),
    putSetting: async (k: string, v: unknown) => void values.set(k, v),
    deleteSetting: async (k: string) => void values.delete(k),
  } as unknown as Store & { values: Map<string, unknown> };
}

const installation = (team: string, token: string) =>
  ({ team: { id: team }, enterprise: undefined, isEnterpriseInstall: false, bot: { token, userId: 'UBOT', scopes: ['commands'] }, authVersion: 'v2' }) as unknown as Installation;

describe('sealing tokens', () => {
  it('opens with the same key and settings key only', () => {
    const sealed = seal(key, 'a', 'xoxb-secret');
    expect(sealed).not.toContain('xoxb');
    expect(unseal(key, 'a', sealed)).toBe('xoxb-secret');
    expect(() => unseal(otherKey, 'a', sealed)).toThrow();
    expect(() => unseal(key, 'b', sealed)).toThrow();
    expect(seal(key, 'a', 'xoxb-secret')).not.toBe(sealed); // a fresh IV every time
  });
});

describe('the installation store', () => {
  it('stores per team, finds an org-wide one for any team of the org, and forgets on remove', async () => {
    const store = settingsStore();
    const installs = createInstallations({ settings: store, key, logger: silentLogger });
    await installs.installationStore.storeInstallation(installation('T1', 'xoxb-one'));
    await installs.installationStore.storeInstallation({
      ...installation('', 'xoxb-org'),
      team: undefined,
      enterprise: { id: 'E1' },
      isEnterpriseInstall: true,
    } as unknown as Installation);
    expect([...store.values.keys()]).toEqual([installationKey({ teamId: 'T1' }, false), installationKey({ enterpriseId: 'E1' }, true)]);
    expect(JSON.stringify([...store.values.values()])).not.toMatch(/xoxb/);
    expect((await installs.find({ teamId: 'T1' }))?.bot?.token).toBe('xoxb-one');
    expect((await installs.find({ teamId: 'T7', enterpriseId: 'E1' }))?.bot?.token).toBe('xoxb-org');
    expect(await installs.find({ teamId: 'T7' })).toBeUndefined();
    await installs.remove({ teamId: 'T1' }, false);
    expect(await installs.find({ teamId: 'T1' })).toBeUndefined();
  });

  it('a sealed value moved to another workspace, or read with another key, does not open', async () => {
    const store = settingsStore();
    await createInstallations({ settings: store, key, logger: silentLogger }).installationStore.storeInstallation(installation('T1', 'xoxb-one'));
    store.values.set('slack:installation:team:T2', store.values.get('slack:installation:team:T1'));
    expect(await createInstallations({ settings: store, key, logger: silentLogger }).find({ teamId: 'T2' })).toBeUndefined();
    expect(await createInstallations({ settings: store, key: otherKey, logger: silentLogger }).find({ teamId: 'T1' })).toBeUndefined();
  });
});
