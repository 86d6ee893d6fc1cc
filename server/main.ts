import { serve } from '@hono/node-server'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { workerAnalyzer } from './analysis.ts'
import { createApp } from './app.ts'
import { DataLockError, lockDataDir } from './data-lock.ts'
import { closeEventStreams } from './events.ts'
import { seed } from './seed.ts'
import { serveClient } from './static.ts'
import { openDb } from './store/db.ts'
import { Store } from './store/store.ts'

/**
 * The Parallax server process: opens the database (PGlite in `PARALLAX_DATA_DIR`, default
 * `./data`, or PostgreSQL at `DATABASE_URL`), applies the migrations, writes the sample
 * comparisons on first start, and serves the API and the page on `PORT` (default 8787).
 *
 * Other settings: `HOST` (default 127.0.0.1, this machine only; `0.0.0.0` to serve a network),
 * `PARALLAX_WRITES_PER_MINUTE` (write rate limit per key, or per address without a key; default
 * 120, 0 turns it off), `PARALLAX_TRUST_PROXY=1` behind a reverse proxy (rate limit by X-Forwarded-For),
 * `PARALLAX_WORKERS` (alignment threads, default 1), `PARALLAX_ANALYSIS_TIMEOUT_S` (longest alignment, default 120), `PARALLAX_DB_SCHEMA` (PostgreSQL schema to use,
 * created when missing; default the connection's search path).
 */
async function main() {
  const env = process.env
  const port = Number(env.PORT ?? 8787)
  const host = env.HOST ?? '127.0.0.1'
  const databaseUrl = env.DATABASE_URL || undefined
  const dataDir = resolve(env.PARALLAX_DATA_DIR ?? './data')
  const perMinute = Number(env.PARALLAX_WRITES_PER_MINUTE ?? 120)

  // Before anything touches the database: one server per data folder (PGlite has no lock between
  // processes), and the port ours, so that a second server started by mistake refuses at once
  // instead of opening and migrating a database another server is using.
  const lock = databaseUrl ? undefined : lockDataDir(dataDir)
  let ready: OpenAPIHono | undefined
  const server = serve({
    // Until the database is open, every request is told to come back shortly.
    fetch: (req, env) =>
      ready
        ? ready.fetch(req, env)
        : Response.json({ error: { code: 'starting', message: 'The server is starting; try again in a moment.' } }, { status: 503, headers: { 'Retry-After': '1' } }),
    port,
    hostname: host,
  })
  const listening = await new Promise<AddressInfo>((resolve) => {
    server.once('listening', () => resolve(server.address() as AddressInfo))
    server.once('error', (err: NodeJS.ErrnoException) => {
      console.error(
        err.code === 'EADDRINUSE' ? `Port ${port} is in use; set PORT to another port.` : `The server cannot listen: ${err.message}`,
      )
      lock?.release()
      process.exit(1)
    })
  })

  // A schema of its own on a shared PostgreSQL server (benchmarks, several installations).
  const schema = env.PARALLAX_DB_SCHEMA || undefined
  const db = await openDb(databaseUrl ? { databaseUrl, schema } : { dataDir })
  const store = new Store(db)
  const applied = await store.migrate()
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
  const analyzer = await workerAnalyzer({
    size: Number(env.PARALLAX_WORKERS ?? 1),
    timeoutMs: env.PARALLAX_ANALYSIS_TIMEOUT_S ? Number(env.PARALLAX_ANALYSIS_TIMEOUT_S) * 1000 : undefined,
  })

  const seeded = await seed(store, analyzer)

  const app = createApp({
    store,
    analyzer,
    rateLimit:
      perMinute > 0 ? { burst: perMinute, perSecond: perMinute / 60, trustProxy: env.PARALLAX_TRUST_PROXY === '1' } : false,
  })
  serveClient(app)
  ready = app

  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host
  const origin = `http://${shown}:${listening.port}`
  console.log(`Parallax is serving on ${origin}/ (${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`})`)
  // The sample comparisons' owner keys exist only now: a link hands the key to the browser that
  // opens it (the page keeps it), so the person who started the server can annotate them.
  for (const s of seeded) {
    console.log(`Sample comparison "${s.title}" (${s.id}); its owner key, shown this once: ${s.ownerKey}`)
    console.log(`  open it as its owner: ${origin}/c/${s.id}#key=${encodeURIComponent(s.ownerKey)}`)
  }
  server.on('error', (err) => console.error('Server error:', err.message))

  // A promise nobody awaited must not take the whole server down with it; log it instead.
  process.on('unhandledRejection', (reason) => console.error('Unhandled rejection:', reason))

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing the requests in flight, then closing`)
    // Stop taking connections and let answers in flight finish (at most 10 s), so no write is
    // cut off half way; then close the database cleanly. Live event streams never finish on their
    // own: end them first (the pages reconnect to the next server).
    const closing = new Promise((resolve) => server.close(resolve))
    closeEventStreams()
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 10_000))])
    await analyzer.close()
    await store.close()
    lock?.release()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  // A folder in use is the user's doing, said in one line; anything else gets its stack.
  if (err instanceof DataLockError) console.error(err.message)
  else console.error('Parallax could not start:', err)
  process.exit(1)
})
