/** Picks the store from the configuration: Postgres with DATABASE_URL, else the SQLite file in DATA_DIR. */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './runtime/config';
import type { Logger } from './runtime/log';
import { createPostgresStore } from './store/postgres';
import { createSqliteStore } from './store/sqlite';
import type { Store } from './store/store';

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'exchange-sp.sqlite');
}

/**
 * DATABASE_URL may name the schema to use with `?schema=name` (default public), so
 * several deployments (or test runs) can share one database. The parameter is ours,
 * not libpq's, so it is taken out before the URL reaches pg.
 */
export function postgresTarget(databaseUrl: string): { connectionString: string; schema?: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema === undefined) return { connectionString: databaseUrl };
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

export function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger?: Logger): Store {
  if (config.databaseUrl) {
    const target = postgresTarget(config.databaseUrl);
    logger?.info('store: postgres', { schema: target.schema ?? 'public' });
    return createPostgresStore({ ...target, logger });
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = sqliteFile(config.dataDir);
  logger?.info('store: sqlite', { file });
  return createSqliteStore({ file });
}
