import { PGlite } from '@electric-sql/pglite'
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isMainThread } from 'node:worker_threads'
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
 * Keeps the data folder to its owner: the folder 0700 (as PostgreSQL wants its own), and no file
 * or folder in it writable by group or others. PGlite writes its initial files with mode 0666
 * whatever the umask, so they are put right after every open; the process umask gains 022 so
 * that files PGlite creates later (new tables, WAL segments) are born without those bits.
 */
export function protectDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  if (isMainThread) process.umask(process.umask(0o022) | 0o022)
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isSymbolicLink()) continue
      const mode = lstatSync(p).mode & 0o7777
      if (mode & 0o022) chmodSync(p, mode & ~0o022)
      if (e.isDirectory()) walk(p)
    }
  }
  walk(dir)
}

/**
 * Opens the embedded database. PGlite is a single connection that queues its queries, and its
 * `transaction` holds that connection exclusively, so transactions never interleave.
 */
export async function openPglite(options: PgliteDbOptions = {}): Promise<Db> {
  let pg = options.instance
  if (!pg) {
    if (options.dataDir) protectDataDir(options.dataDir)
    pg = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create()
    // A new folder was filled by the create: its files are put right now.
    if (options.dataDir) protectDataDir(options.dataDir)
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
