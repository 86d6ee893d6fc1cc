import pg from 'pg'
import type { Db, Tx } from './db.ts'
import { quoteIdent } from './db.ts'

/** Options of {@link openPostgres}. */
export interface PostgresDbOptions {
  schema?: string
  /** Connections in the pool (default 10). */
  max?: number
}

/**
 * Connects to a PostgreSQL server through a `pg` pool. With a schema, every connection of the
 * pool starts with that schema as its search path, so the same unqualified SQL works in it.
 */
export async function openPostgres(url: string, options: PostgresDbOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: options.schema ? `-c search_path=${quoteIdent(options.schema)}` : undefined,
  })
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // that would crash the process. The next query simply gets a fresh connection.
  pool.on('error', (err) => console.error('postgres pool:', err.message))
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`)
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql) => {
      await pool.query(sql)
    },
    transaction: async (fn) => {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const tx: Tx = {
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
          exec: async (sql) => {
            await client.query(sql)
          },
        }
        const result = await fn(tx)
        await client.query('COMMIT')
        return result
      } catch (err) {
        // A connection that cannot even roll back is dropped from the pool, not reused.
        await client.query('ROLLBACK').catch((e: Error) => (broken = e))
        throw err
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
