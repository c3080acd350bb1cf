/**
 * Builds the Teams app package (manifest.json + color.png + outline.png + the
 * localisation files named in localizationInfo, e.g. nl-nl.json, at the zip's root)
 * for upload in Teams or the Developer Portal:
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
 *
 * `npm run package:teams` writes manifest/teams/build/exchange-sp-teams.zip. The
 * committed manifest holds placeholders that are filled from the environment (.env):
 *   MicrosoftAppId    the bot's Azure app id -> bots[0].botId (required)
 *   TEAMS_APP_ID      the Teams app's own GUID -> id (optional; keep it stable per tenant)
 *   TEAMS_BOT_DOMAIN  the public host of /api/messages -> validDomains (optional)
 *   TEAMS_APP_VERSION the app version -> version (default: package.json's)
 * The result is validated offline against the schema before it is zipped; so is each
 * localisation file (against the official localisation schema, and its keys must name
 * text fields of the manifest). Localisation files hold only texts: they are zipped as
 * they are, nothing is substituted in them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { validateTeamsLocalization, validateTeamsManifest } from './schema';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

export interface TeamsManifest {
  manifestVersion: string;
  version: string;
  id: string;
  bots: { botId: string }[];
  validDomains?: string[];
  localizationInfo?: {
    defaultLanguageTag: string;
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  [key: string]: unknown;
}

export class PackageError extends Error {}

/** The manifest with the environment's values filled in; throws PackageError on a bad value. */
export function fillManifest(manifest: TeamsManifest, env: Record<string, string | undefined>, fallbackVersion?: string): TeamsManifest {
  const botId = env.MicrosoftAppId?.trim();
  if (!botId || !GUID.test(botId) || botId === PLACEHOLDER_BOT_ID) {
    throw new PackageError('MicrosoftAppId must be set to the bot\'s Azure app id (a GUID) to package the Teams app');
  }
  const appId = env.TEAMS_APP_ID?.trim();
  if (appId && !GUID.test(appId)) throw new PackageError('TEAMS_APP_ID must be a GUID');
  const domain = env.TEAMS_BOT_DOMAIN?.trim();
  if (domain && !/^[a-z0-9.*-]+(:\d+)?$/i.test(domain)) throw new PackageError('TEAMS_BOT_DOMAIN must be a host name such as bot.example.com');
  const version = env.TEAMS_APP_VERSION?.trim() || fallbackVersion || manifest.version;
  return {
    ...manifest,
    id: appId ?? manifest.id,
    version,
    bots: manifest.bots.map((bot) => ({ ...bot, botId })),
    ...(domain ? { validDomains: [domain] } : {}),
  };
}

/** The localisation files the manifest names (relative to manifest.json), default language file first. */
export function localizationFiles(manifest: TeamsManifest): string[] {
  const info = manifest.localizationInfo;
  if (!info) return [];
  const files = [...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []), ...(info.additionalLanguages ?? []).map((l) => l.file)];
  for (const file of files) {
    const normal = path.posix.normalize(file);
    if (normal !== file || path.posix.isAbsolute(file) || file.startsWith('..') || file.includes('\\')) {
      throw new PackageError(`localizationInfo names "${file}": it must be a plain relative path inside the package`);
    }
  }
  return files;
}

export async function packageTeamsApp(options: { sourceDir: string; outFile: string; env: Record<string, string | undefined>; version?: string }): Promise<TeamsManifest> {
  const manifest = JSON.parse(readFileSync(path.join(options.sourceDir, 'manifest.json'), 'utf8')) as TeamsManifest;
  const filled = fillManifest(manifest, options.env, options.version);
  const errors = validateTeamsManifest(filled);
  if (errors.length) throw new PackageError(`manifest.json does not match the Teams schema:\n${errors.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(filled, null, 2));
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(path.join(options.sourceDir, icon)));
  for (const file of localizationFiles(filled)) {
    const source = path.join(options.sourceDir, file);
    if (!existsSync(source)) throw new PackageError(`localizationInfo names ${file}, but ${source} does not exist`);
    const text = readFileSync(source, 'utf8');
    let localization: Record<string, unknown>;
    try {
      localization = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new PackageError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const localizationErrors = validateTeamsLocalization(localization, filled);
    if (localizationErrors.length) throw new PackageError(`${file} is not a valid Teams localisation file for this manifest:\n${localizationErrors.join('\n')}`);
    zip.file(file, text);
  }
  mkdirSync(path.dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return filled;
}

/** manifest/teams in the repo, whether run from source or from dist/manifest/teams. */
export function sourceDirectory(): string {
  if (existsSync(path.join(__dirname, 'manifest.json'))) return __dirname;
  return path.resolve(__dirname, '..', '..', '..', 'manifest', 'teams');
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv').config({ quiet: true });
  const sourceDir = sourceDirectory();
  const outFile = path.join(sourceDir, 'build', 'exchange-sp-teams.zip');
  const pkg = JSON.parse(readFileSync(path.resolve(sourceDir, '..', '..', 'package.json'), 'utf8')) as { version: string };
  packageTeamsApp({ sourceDir, outFile, env: process.env, version: pkg.version }).then(
    (manifest) => console.log(`Wrote ${path.relative(process.cwd(), outFile)} (app ${manifest.id}, bot ${manifest.bots[0].botId}, version ${manifest.version})`),
    (error: unknown) => {
      console.error(error instanceof PackageError ? error.message : error);
      process.exitCode = 1;
    },
  );
}
