/**
 * Offline validation of a Teams app manifest against the official JSON schema shipped
 * in @microsoft/app-manifest (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json,
 * the file published at https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json).
 * Nothing is fetched. The schema is draft-04 but uses no draft-04-only keywords
 * (no boolean exclusiveMinimum, no schema `id`s), so Ajv 8 validates it as is; we
 * don't load @microsoft/app-manifest's own helpers because they pull in ESM-only code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export function schemaPathFor(manifestVersion: string): string {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

export function loadTeamsSchema(manifestVersion: string): Record<string, unknown> {
  // The published schema has "\a"-style escapes in regexes that JSON.parse refuses;
  // @microsoft/app-manifest's own loader rewrites them the same way.
  const raw = readFileSync(schemaPathFor(manifestVersion), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

/** Errors as "path message" lines; empty when the manifest is valid. */
export function validateTeamsManifest(manifest: { manifestVersion: string }): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(loadTeamsSchema(manifest.manifestVersion));
  if (validate(JSON.parse(JSON.stringify(manifest)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
