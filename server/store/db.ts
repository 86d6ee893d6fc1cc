/**
 * The database behind the store: PGlite (PostgreSQL in WebAssembly, in a data folder) by default,
 * a PostgreSQL server through `pg` when a connection string is given. Both speak the same SQL, so
 * the store above this layer and the migrations are written once.
 */

/** Something that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** An open transaction. */
export interface Tx extends Queryable {
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

/** A database connection (or pool) the store runs on. */
export interface Db extends Tx {
  readonly kind: 'pglite' | 'postgres'
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Every statement of `fn` must go through the `tx` it is given.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Options of {@link openDb}. */
export interface OpenDbOptions {
  /** A `postgres://` URL: use that server through `pg` instead of the embedded database. */
  databaseUrl?: string
  /** Data folder of the embedded database; in memory when omitted. */
  dataDir?: string
  /** PostgreSQL schema to work in (created when missing); tests use one per run. */
  schema?: string
}

/**
 * Opens the database the options describe.
 *
 * @example
 * const db = await openDb({ dataDir: './data' })
 * const db2 = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test' })
 */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts')
    return openPostgres(options.databaseUrl, { schema: options.schema })
  }
  const { openPglite } = await import('./pglite.ts')
  return openPglite({ dataDir: options.dataDir, schema: options.schema })
}

/** Quotes an SQL identifier (schema names come from configuration, never from requests). */
export function quoteIdent(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"'
}
