/** The campaign contract (campaign-contract.ts) against a real SQLite file and a real Postgres. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresStore } from '../../../src/store/postgres';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { Store } from '../../../src/store/store';
import { describePostgres, dropSchema, freshSchema, PG_URL } from '../../support/postgres';
import { describeCampaignContract } from './campaign-contract';

describeCampaignContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-sp-campaigns-'));
  const file = join(dir, 'exchange-sp.sqlite');
  const opened: Store[] = [createSqliteStore({ file })];
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
});

describePostgres('postgres campaigns', () => {
  describeCampaignContract('postgres', async () => {
    const schema = freshSchema();
    const opened: Store[] = [];
    const open = () => {
      const store = createPostgresStore({ connectionString: PG_URL, schema, poolSize: 5 });
      opened.push(store);
      return store;
    };
    return {
      store: open(),
      openAnother: open,
      dispose: async () => {
        for (const s of opened) await s.close();
        await dropSchema(schema);
      },
    };
  });
});
