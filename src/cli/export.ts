/**
 * `npm run export -- [options]`: writes the audit log of a workspace's rollouts as
 * CSV or JSON, from the store the bot uses (DATABASE_URL or the SQLite file in DATA_DIR).
 *
 *   --format csv|json       default csv
 *   --platform slack|teams|console   default console
 *   --workspace ID          Slack team id, Teams tenant id; default "local" (console)
 *   --channel ID            only this channel
 *   --rollout ID            only this rollout (or, with --channel, its short reference: '#42')
 *   --out FILE              default: standard output
 */
import fs from 'node:fs';
import dotenv from 'dotenv';
import { collectAudit, formatAudit, type AuditFormat, type AuditSelection } from '../audit/export';
import type { RolloutSnapshot } from '../rollout/model';
import type { Store } from '../store/store';
import { loadConfig } from '../runtime/config';
import { openStore } from '../open-store';
import type { Platform } from '../rollout/model';

export interface ExportOptions extends AuditSelection {
  format: AuditFormat;
}

export function parseExportArgs(argv: string[]): ExportOptions & { out?: string } {
  const get = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const format = (get('format') ?? 'csv') as AuditFormat;
  if (format !== 'csv' && format !== 'json') throw new Error('--format must be csv or json');
  const platform = (get('platform') ?? 'console') as Platform;
  if (!['slack', 'teams', 'console'].includes(platform)) throw new Error('--platform must be slack, teams or console');
  return { format, platform, workspace: get('workspace') ?? 'local', channel: get('channel'), rollout: get('rollout'), out: get('out') };
}

/** All matching rollouts with their full event logs, oldest first. */
export function collectForExport(store: Store, options: ExportOptions): Promise<RolloutSnapshot[]> {
  return collectAudit(store, options);
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const options = parseExportArgs(process.argv.slice(2));
  const store = openStore(loadConfig(process.env, []));
  try {
    await store.migrate();
    const text = formatAudit(await collectForExport(store, options), options.format);
    if (options.out) fs.writeFileSync(options.out, text);
    else process.stdout.write(text);
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
