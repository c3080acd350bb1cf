/**
 * The stores the contract suites run against: a real SQLite file in a temp directory and
 * a real Postgres schema of its own. openAnother opens the same database again, as a
 * second process or replica would; dispose closes every store opened and removes the data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresStore } from '../../../src/store/postgres';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { dropSchema, freshSchema, PG_URL } from '../../support/postgres';
import type { ContractTarget } from './contract';

/** A store on a fresh file (a nested path: the store creates missing directories itself). */
export async function openSqlite(): Promise<ContractTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-sp-sqlite-'));
  const file = join(dir, 'data', 'nested', 'exchange-sp.sqlite');
  const opened = [createSqliteStore({ file })];
  return {
    store: opened[0],
    openAnother: () => {
      const another = createSqliteStore({ file });
      opened.push(another);
      return another;
    },
    dispose: async () => {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema and the stores opened on it (each its own pool); dispose closes them and drops it. */
export function openSchema() {
  const schema = freshSchema();
  const opened: Store[] = [];
  const open = () => {
    const store = createPostgresStore({ connectionString: PG_URL, schema, poolSize: 5 });
    opened.push(store);
    return store;
  };
  return {
    schema,
    open,
    dispose: async () => {
      for (const s of opened) await s.close();
      await dropSchema(schema);
    },
  };
}

export async function openPostgres(): Promise<ContractTarget> {
  const s = openSchema();
  return { store: s.open(), openAnother: s.open, dispose: s.dispose };
}
