/**
 * manifest/teams: the committed manifest and the packaged one validate offline
 * against the official Teams schema (v1.24, from @microsoft/app-manifest), the icons
 * have the sizes Teams requires, the Dutch localisation (nl-nl.json) validates against
 * the official localisation schema and translates every text the manifest has, and the
 * zip holds exactly what Teams reads.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { parseText } from '../../../conversations/interview/parse';
import { fillManifest, localizationFiles, packageTeamsApp, PackageError, type TeamsManifest } from '../../../manifest/teams/package';
import { localizationSchemaPathFor, validateTeamsLocalization, validateTeamsManifest } from '../../../manifest/teams/schema';
import { parseChannelCommand } from '../../../src/bot/words';
import { guardNetwork } from '../../kit/guard-network';

const dir = path.resolve(__dirname, '../../../manifest/teams');
interface CommittedManifest extends TeamsManifest {
  $schema: string;
  icons: { color: string; outline: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string; description: string }[] }[] }[];
  validDomains: string[];
}
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CommittedManifest;
type Localization = Record<string, string>;
const dutch = JSON.parse(readFileSync(path.join(dir, 'nl-nl.json'), 'utf8')) as Localization;
const BOT_APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

guardNetwork();

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
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'nl-nl.json', 'outline.png']);
      const packaged = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(packaged.bots[0].botId).toBe(BOT_APP_ID);
      expect(validateTeamsManifest(packaged)).toEqual([]);
      expect(packaged.localizationInfo).toEqual(manifest.localizationInfo);
      const packagedDutch = JSON.parse(await zip.file('nl-nl.json')!.async('string'));
      expect(packagedDutch).toEqual(dutch);
      expect(validateTeamsLocalization(packagedDutch, packaged)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses to package a localisation file that is missing or names a field the manifest lacks', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'xsp-teams-l10n-'));
    try {
      const sourceDir = path.join(work, 'src');
      cpSync(dir, sourceDir, { recursive: true, filter: (f) => !f.includes(`${path.sep}build`) });
      const outFile = path.join(work, 'out.zip');
      const build = () => packageTeamsApp({ sourceDir, outFile, env: { MicrosoftAppId: BOT_APP_ID } });
      writeFileSync(path.join(sourceDir, 'nl-nl.json'), JSON.stringify({ ...dutch, 'bots[0].commandLists[0].commands[9].title': 'weg' }));
      await expect(build()).rejects.toThrow(/nl-nl\.json.*\n.*commands\[9\]\.title is not a text field/);
      rmSync(path.join(sourceDir, 'nl-nl.json'));
      await expect(build()).rejects.toThrow(PackageError);
      expect(existsSync(outFile)).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('Dutch localisation (nl-nl.json)', () => {
  /** Every text of the manifest a localisation file may translate, as localisation keys. */
  function translatableKeys(m: CommittedManifest): string[] {
    return [
      'name.short',
      ...(m.name.full ? ['name.full'] : []),
      'description.short',
      'description.full',
      ...m.bots.flatMap((bot, b) =>
        bot.commandLists.flatMap((list, l) =>
          list.commands.flatMap((_, c) => ['title', 'description'].map((f) => `bots[${b}].commandLists[${l}].commands[${c}].${f}`)),
        ),
      ),
    ];
  }
  const englishOf = (key: string): string => {
    const value = key.split(/\.|(?=\[)/).reduce<unknown>((v, part) => {
      const index = /^\[(\d+)\]$/.exec(part);
      return (v as Record<string, unknown>)?.[index ? Number(index[1]) : part];
    }, manifest);
    return value as string;
  };
  /** Keys the manifest has and the file lacks, and keys the file has and the manifest lacks. */
  function coverage(m: CommittedManifest, l: Localization): { missing: string[]; extra: string[] } {
    const wanted = translatableKeys(m);
    const present = Object.keys(l).filter((k) => k !== '$schema');
    return { missing: wanted.filter((k) => !(k in l)), extra: present.filter((k) => !wanted.includes(k)) };
  }
  /** Where the Dutch may equal the English: a product name and command words that are Dutch too. */
  const SAME_IN_DUTCH = ['Exchange SP', 'exchange-sp', 'status'];
  /** Teams' documented limits (the v1.24 schema allows longer bot commands, Teams shows no more). */
  const LIMITS: [RegExp, number][] = [
    [/^name\.short$/, 30],
    [/^name\.full$/, 100],
    [/^description\.short$/, 80],
    [/^description\.full$/, 4000],
    [/\.commands\[\d+\]\.title$/, 32],
    [/\.commands\[\d+\]\.description$/, 128],
  ];

  it('is declared in the manifest: English by default, Dutch in nl-nl.json', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'nl-nl', file: 'nl-nl.json' }],
    });
    expect(localizationFiles(manifest)).toEqual(['nl-nl.json']);
  });

  it('is valid against the official localisation schema of the manifest version, offline', () => {
    const schemaFile = localizationSchemaPathFor(manifest.manifestVersion);
    expect(schemaFile).toMatch(/@microsoft[\\/]app-manifest[\\/]build[\\/]json-schemas[\\/]teams[\\/]v1\.24[\\/]MicrosoftTeams\.Localization\.schema\.json$/);
    expect(dutch.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    // unicodeRegExp: false because two of the schema's patterns end in an unescaped "]",
    // which only plain (non-"u") regexes accept (MicrosoftDocs/msteams-docs#8858).
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, unicodeRegExp: false });
    addFormats(ajv, ['uri']);
    const validate = ajv.compile(schema);
    expect(validate(dutch) ? [] : validate.errors).toEqual([]);
    // The schema means something: it refuses a short name over 30 characters and an unknown field.
    expect(validate({ ...dutch, 'name.short': 'Exchange SP voor servicepacks en hotfixes' })).toBe(false);
    expect(validate({ ...dutch, 'icons.color': 'kleur.png' })).toBe(false);
    // The same check package.ts runs, which also needs every key to be a text of the manifest.
    expect(validateTeamsLocalization(dutch, manifest)).toEqual([]);
    expect(validateTeamsLocalization({ ...dutch, 'bots[0].commandLists[0].commands[9].title': 'x' }, manifest)).toEqual([
      '/bots[0].commandLists[0].commands[9].title is not a text field of manifest.json',
    ]);
  });

  it('translates the name, the descriptions and every command title and description, and nothing else', () => {
    expect(manifest.bots[0].commandLists.flatMap((l) => l.commands).length).toBeGreaterThanOrEqual(4);
    expect(coverage(manifest, dutch)).toEqual({ missing: [], extra: [] });
    // A missing translation or a stray key is caught.
    const { 'bots[0].commandLists[0].commands[2].description': _dropped, ...incomplete } = dutch;
    expect(coverage(manifest, incomplete).missing).toEqual(['bots[0].commandLists[0].commands[2].description']);
    expect(coverage(manifest, { ...dutch, 'bots[0].commandLists[0].commands[4].title': 'extra' }).extra).toEqual([
      'bots[0].commandLists[0].commands[4].title',
    ]);
  });

  it('says it in Dutch: every text differs from the English, except names and words Dutch shares', () => {
    const same = translatableKeys(manifest).filter((k) => dutch[k] === englishOf(k));
    expect(same.map(englishOf).sort()).toEqual([...SAME_IN_DUTCH].sort());
    for (const key of translatableKeys(manifest).filter((k) => !SAME_IN_DUTCH.includes(englishOf(k)))) {
      expect({ key, dutch: dutch[key] }).not.toEqual({ key, dutch: englishOf(key) });
      expect(dutch[key].trim()).toBe(dutch[key]);
    }
    // The bot's own Dutch words (conversations/strings/*.nl.ts).
    expect(dutch['description.short']).toMatch(/servicepack/);
    expect(dutch['description.full']).toMatch(/uitrolplan/);
  });

  it('keeps within the lengths Teams allows, in English and in Dutch', () => {
    const tooLong = (texts: (key: string) => string) =>
      translatableKeys(manifest).flatMap((key) => {
        const limit = LIMITS.find(([re]) => re.test(key))?.[1];
        expect(limit).toBeDefined();
        return texts(key).length > limit! ? [`${key}: ${texts(key).length} > ${limit}`] : [];
      });
    expect(tooLong((k) => dutch[k])).toEqual([]);
    expect(tooLong(englishOf)).toEqual([]);
  });

  it('offers Dutch command titles the bot understands as the same command', () => {
    // What a command title does when picked from Teams' command menu and sent.
    const meaning = (title: string): string | undefined =>
      parseChannelCommand(title)?.command ?? parseText(title).command ?? (/^exchange-sp$/i.test(title) ? 'start' : undefined);
    manifest.bots[0].commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        const title = dutch[`bots[0].commandLists[${l}].commands[${c}].title`];
        expect({ title, means: meaning(title) }).toEqual({ title, means: meaning(command.title) });
        expect(meaning(command.title)).toBeDefined();
      }),
    );
    expect(meaning('hulpje')).toBeUndefined();
  });
});
