/**
 * Offline validation of a Teams app manifest against the official JSON schema shipped
 * in @microsoft/app-manifest (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json,
 * the file published at https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json),
 * and of its localisation files (localizationInfo.additionalLanguages[].file) against
 * MicrosoftTeams.Localization.schema.json of the same version, from the same package.
 * Nothing is fetched. The schema is draft-04 but uses no draft-04-only keywords
 * (no boolean exclusiveMinimum, no schema `id`s), so Ajv 8 validates it as is; we
 * don't load @microsoft/app-manifest's own helpers because they pull in ESM-only code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const MANIFEST_SCHEMA = 'MicrosoftTeams.schema.json';
const LOCALIZATION_SCHEMA = 'MicrosoftTeams.Localization.schema.json';

export function schemaPathFor(manifestVersion: string, file = MANIFEST_SCHEMA): string {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
}

/** The official localisation-file schema of that manifest version (keys such as "name.short"). */
export function localizationSchemaPathFor(manifestVersion: string): string {
  return schemaPathFor(manifestVersion, LOCALIZATION_SCHEMA);
}

export function loadTeamsSchema(manifestVersion: string, file = MANIFEST_SCHEMA): Record<string, unknown> {
  // The published schema has "\a"-style escapes in regexes that JSON.parse refuses;
  // @microsoft/app-manifest's own loader rewrites them the same way.
  const raw = readFileSync(schemaPathFor(manifestVersion, file), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

function validateAgainst(schema: Record<string, unknown>, value: unknown, options: { unicodeRegExp?: boolean } = {}): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, ...options });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(JSON.parse(JSON.stringify(value)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Errors as "path message" lines; empty when the manifest is valid. */
export function validateTeamsManifest(manifest: { manifestVersion: string }): string[] {
  return validateAgainst(loadTeamsSchema(manifest.manifestVersion), manifest);
}

/** Keys of a localisation file that are not translations of manifest fields. */
const NOT_A_FIELD = new Set(['$schema', 'localizationKeys']);

/**
 * The manifest value a localisation key such as "bots[0].commandLists[0].commands[2].title"
 * stands for, or undefined when the manifest has no such field.
 */
export function manifestValueAt(manifest: unknown, key: string): unknown {
  let value: unknown = manifest;
  for (const part of key.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) value = Array.isArray(value) ? value[Number(index[1])] : undefined;
    else value = Array.isArray(value) ? undefined : (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Errors of a localisation file: against the official localisation schema of the
 * manifest's version, and every translated key must name a text field the manifest has
 * (Teams only replaces existing strings). Empty when the file is valid.
 */
export function validateTeamsLocalization(localization: Record<string, unknown>, manifest: { manifestVersion: string }): string[] {
  // The localisation schema's activities.activityTypes patterns end in an unescaped "]"
  // (https://github.com/MicrosoftDocs/msteams-docs/issues/8858): a literal "]" in a plain
  // ECMAScript regex, a syntax error with the "u" flag Ajv adds by default. So its
  // patterns are compiled without "u"; maxLength still counts characters, not UTF-16 units.
  const errors = validateAgainst(loadTeamsSchema(manifest.manifestVersion, LOCALIZATION_SCHEMA), localization, { unicodeRegExp: false });
  for (const key of Object.keys(localization)) {
    if (NOT_A_FIELD.has(key)) continue;
    if (typeof manifestValueAt(manifest, key) !== 'string') errors.push(`/${key} is not a text field of manifest.json`);
  }
  return errors;
}
