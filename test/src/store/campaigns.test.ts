/** The campaign contract (campaign-contract.ts) against a real SQLite file and a real Postgres. */
import { describePostgres } from '../../support/postgres';
import { describeCampaignContract } from './campaign-contract';
import { openPostgres, openSqlite } from './targets';

describeCampaignContract('sqlite', openSqlite);

describePostgres('postgres campaigns', () => {
  describeCampaignContract('postgres', openPostgres);
});
