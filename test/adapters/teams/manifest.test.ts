/**
 * manifest/teams: the committed manifest and the packaged one validate offline
 * against the official Teams schema (v1.24, from @microsoft/app-manifest), the icons
 * have the sizes Teams requires, and the zip holds exactly what Teams reads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { fillManifest, packageTeamsApp, PackageError, type TeamsManifest } from '../../../manifest/teams/package';
import { validateTeamsManifest } from '../../../manifest/teams/schema';
import { installNetGuard, type NetGuard } from './helpers/net-guard';

const dir = path.resolve(__dirname, '../../../manifest/teams');
interface CommittedManifest extends TeamsManifest {
  $schema: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  validDomains: string[];
}
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CommittedManifest;
const BOT_APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

let guard: NetGuard;
beforeAll(() => {
  guard = installNetGuard();
});
afterAll(() => {
  guard.restore();
  expect(guard.blocked).toEqual([]);
});

it('is valid against the official schema of its manifestVersion, offline', async () => {
  expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
  expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  expect(validateTeamsManifest(manifest)).toEqual([]);
});

it('the validator rejects a broken manifest (so a clean result means something)', async () => {
  const broken = { ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }], accentColor: undefined };
  expect(validateTeamsManifest(JSON.parse(JSON.stringify(broken))).length).toBeGreaterThan(0);
});

it('offers the bot in personal chats, teams and group chats, with its commands', () => {
  const [bot] = manifest.bots;
  expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
  const titles = bot.commandLists.flatMap((l) => l.commands.map((c) => c.title));
  expect(titles).toEqual(expect.arrayContaining(['exchange-sp', 'help', 'status']));
  expect(manifest.validDomains.length).toBeGreaterThan(0);
});

it('has a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
  const color = PNG.sync.read(readFileSync(path.join(dir, manifest.icons.color)));
  expect([color.width, color.height]).toEqual([192, 192]);
  const outline = PNG.sync.read(readFileSync(path.join(dir, manifest.icons.outline)));
  expect([outline.width, outline.height]).toEqual([32, 32]);
  let transparent = 0;
  let opaque = 0;
  for (let i = 0; i < outline.data.length; i += 4) {
    const [r, g, b, a] = outline.data.subarray(i, i + 4);
    if (a === 0) transparent++;
    else {
      expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
  }
  expect(transparent).toBeGreaterThan(0);
  expect(opaque).toBeGreaterThan(0);
});

describe('packaging', () => {
  it('fills the bot id and domain from the environment and refuses a missing app id', () => {
    expect(() => fillManifest(manifest, {})).toThrow(PackageError);
    expect(() => fillManifest(manifest, { MicrosoftAppId: '00000000-0000-0000-0000-000000000000' })).toThrow(PackageError);
    const filled = fillManifest(manifest, { MicrosoftAppId: BOT_APP_ID, TEAMS_BOT_DOMAIN: 'bot.contoso.com' }, '1.2.3');
    expect(filled.bots[0].botId).toBe(BOT_APP_ID);
    expect(filled.validDomains).toEqual(['bot.contoso.com']);
    expect(filled.version).toBe('1.2.3');
  });

  it('writes a zip with manifest.json and both icons at its root, still valid', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'xsp-teams-zip-'));
    try {
      const outFile = path.join(out, 'exchange-sp-teams.zip');
      await packageTeamsApp({ sourceDir: dir, outFile, env: { MicrosoftAppId: BOT_APP_ID }, version: '0.1.0' });
      const zip = await JSZip.loadAsync(readFileSync(outFile));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const packaged = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(packaged.bots[0].botId).toBe(BOT_APP_ID);
      expect(validateTeamsManifest(packaged)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
