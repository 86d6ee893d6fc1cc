import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'

/** The folder of numbered `.sql` migrations, applied in file-name order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** A migration: its file name (the version recorded once applied) and its SQL. */
export interface Migration {
  name: string
  sql: string
}

/** Reads the migrations shipped with the server, in order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(dir + name, 'utf8') }))
}

/**
 * Applies the migrations not applied yet, all in one transaction with their records in
 * `schema_migrations`. An advisory lock makes app instances that start together on one
 * PostgreSQL server take turns instead of applying the same migration twice.
 *
 * @returns the names of the migrations applied now
 */
export async function migrate(db: Db, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('parallax-migrations'))")
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    )
    const applied: string[] = []
    for (const m of migrations) {
      if (done.has(m.name)) continue
      await tx.exec(m.sql)
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name])
      applied.push(m.name)
    }
    return applied
  })
}
