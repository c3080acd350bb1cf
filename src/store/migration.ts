/** One numbered schema change, recorded in schema_migrations once applied. Both stores use it. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
