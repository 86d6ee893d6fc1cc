import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { openPglite } from '../../server/store/pglite.ts'
import { openPostgres } from '../../server/store/postgres.ts'
import { quoteIdent } from '../../server/store/db.ts'
import { Store } from '../../server/store/store.ts'

/**
 * The two databases the server suite runs against: PGlite (a clone of one migrated in-memory
 * database, since a fresh PGlite takes seconds to start) and the PostgreSQL server at
 * `PARALLAX_TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test), in a schema of
 * its own that is dropped afterwards. Under CI=true a missing PostgreSQL fails the suite.
 */

export const POSTGRES_URL = process.env.PARALLAX_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** An opened test database. */
export interface TestDb {
  store: Store
  close(): Promise<void>
}

/** A backend the suite is run against. */
export interface Backend {
  name: 'pglite' | 'postgres'
  /** Why it is skipped, or null when it runs. */
  skip: string | null
  open(): Promise<TestDb>
}

let template: Promise<PGlite> | undefined

// One migrated PGlite per test file; every open() gets a clone of it.
function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const db = await PGlite.create()
    const store = new Store(await openPglite({ instance: db }))
    await store.migrate()
    return db
  })()
  return template
}

/** Closes the PGlite template of this file (call in afterAll). */
export async function closeTemplate(): Promise<void> {
  if (template) await (await template).close()
  template = undefined
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (err) {
    return `PostgreSQL at ${POSTGRES_URL} is not reachable (${(err as Error).message})`
  } finally {
    await client.end().catch(() => {})
  }
}

const postgresProblem = await probePostgres()
if (postgresProblem && process.env.CI === 'true') {
  throw new Error(`${postgresProblem}; under CI=true the PostgreSQL suite must run`)
}
if (postgresProblem) console.warn(`Skipping the PostgreSQL runs: ${postgresProblem}`)

export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    skip: null,
    async open() {
      const clone = (await (await pgliteTemplate()).clone()) as PGlite
      const store = new Store(await openPglite({ instance: clone }))
      return { store, close: () => clone.close() }
    },
  },
  {
    name: 'postgres',
    skip: postgresProblem,
    async open() {
      const schema = `parallax_test_${process.pid}_${randomBytes(4).toString('hex')}`
      const store = new Store(await openPostgres(POSTGRES_URL, { schema }))
      await store.migrate()
      return {
        store,
        async close() {
          await store.db.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`)
          await store.close()
        },
      }
    },
  },
]
