import { PGlite } from '@electric-sql/pglite'
import { mkdirSync } from 'node:fs'
import type { Db, Tx } from './db.ts'
import { quoteIdent } from './db.ts'

/** Options of {@link openPglite}. */
export interface PgliteDbOptions {
  /** Data folder; in memory when omitted. */
  dataDir?: string
  schema?: string
  /** An already open PGlite (a clone in tests); `dataDir` is then ignored. */
  instance?: PGlite
}

/**
 * Opens the embedded database. PGlite is a single connection that queues its queries, and its
 * `transaction` holds that connection exclusively, so transactions never interleave.
 */
export async function openPglite(options: PgliteDbOptions = {}): Promise<Db> {
  let pg = options.instance
  if (!pg) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
    pg = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create()
  }
  if (options.schema) {
    await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}; SET search_path TO ${quoteIdent(options.schema)}`)
  }
  const db = pg
  const run = async <T>(q: { query: PGlite['query'] }, sql: string, params?: unknown[]) =>
    (await q.query<T>(sql, params)).rows
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql)
    },
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const scoped: Tx = {
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql)
          },
        }
        return fn(scoped)
      }),
    close: () => db.close(),
  }
}
