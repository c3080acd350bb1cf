/**
 * The Postgres pool and the two ways the store uses it: a read-write transaction, and
 * a read-only snapshot (REPEATABLE READ: rows from one moment, without taking a lock).
 * A dropped connection is logged, never fatal. https://node-postgres.com/apis/pool
 */
import { Pool, type PoolClient } from 'pg';
import type { Logger } from '../../runtime/log';

export interface PostgresConnectionConfig {
  connectionString: string;
  schema: string;
  poolSize?: number;
  applicationName: string;
  logger: Logger;
}

/** A pool client that survives its connection dropping while checked out; done() gives it back. */
export type CheckedOut = PoolClient & { done(): void };

export function createPostgresConnection(config: PostgresConnectionConfig) {
  const log = config.logger;
  const pool = new Pool({
    connectionString: config.connectionString,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    application_name: config.applicationName,
    // Every connection resolves unqualified table names in our schema only.
    options: `-c search_path=${config.schema}`,
  });
  // An idle client losing its connection (server restart, failover) must not crash the process.
  pool.on('error', (err) => log.warn('postgres pool error', { error: err.message }));

  /**
   * A client out of the pool. While it is checked out, a dropped connection is emitted
   * on the client itself, and an 'error' event nobody listens to ends the process: the
   * query under way fails, and that failure is what the caller handles.
   */
  async function checkout(): Promise<CheckedOut> {
    const client = await pool.connect();
    const onError = (error: Error) => log.warn('postgres: connection lost during a transaction', { error: error.message });
    client.on('error', onError);
    return Object.assign(client, {
      done() {
        client.removeListener('error', onError);
        client.release();
      },
    });
  }

  async function transaction<T>(begin: string, work: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await checkout();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.done();
    }
  }

  return {
    pool,
    checkout,
    inTransaction: <T>(work: (c: PoolClient) => Promise<T>): Promise<T> => transaction('BEGIN', work),
    /** Reads from one snapshot, without taking a lock. */
    inSnapshot: <T>(work: (c: PoolClient) => Promise<T>): Promise<T> => transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work),
  };
}
