/**
 * Server benchmark: requests per second and p50/p99 latency of reading an alignment and of
 * adding annotations, with PGlite and with PostgreSQL. The server runs as its own process
 * (`server/main.ts`, as `npm start` runs it); this process drives it over loopback with
 * autocannon.
 *
 *   node --import tsx bench/server-bench.ts [--duration 10] [--connections 10] [--only pglite|postgres]
 *
 * PostgreSQL: `DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test), in a schema of
 * its own that is dropped afterwards; skipped with a message when the server is not reachable.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

/** The part of autocannon's result this benchmark reads (autocannon ships no types). */
export interface CannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; average: number }
  non2xx: number
  errors: number
  timeouts: number
}
export interface CannonOptions {
  url: string
  connections: number
  duration: number
  method?: string
  headers?: Record<string, string>
  body?: string
  requests?: Array<{ method: string; path: string; headers?: Record<string, string>; body?: string }>
}
type Cannon = (opts: CannonOptions) => Promise<CannonResult>
export const autocannon = createRequire(import.meta.url)('autocannon') as Cannon

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SEED = (f: string) => readFileSync(join(ROOT, 'seeds', f), 'utf8')
export const POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

/** The value of `--name` on the command line, or `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** A server process started for a benchmark. */
export interface BenchServer {
  url: string
  proc: ChildProcess
  stop(): Promise<void>
}

/** Starts `server/main.ts` with the given environment and waits until it serves. */
export async function startServer(env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PARALLAX_WRITES_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<void>((r) => proc.once('exit', () => r()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000)
    proc.stdout!.on('data', () => /serving on/.test(out) && (clearTimeout(timer), resolve()))
    proc.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited with ${code}:\n${out}`))))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    async stop() {
      proc.kill('SIGTERM')
      await exited
    },
  }
}

/** Creates the seed pair on a running server; returns its id and owner key. */
export async function createSeedPair(url: string): Promise<{ id: string; ownerKey: string }> {
  const res = await fetch(`${url}/api/comparisons`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Benchmark pair',
      versions: [
        { label: 'English', lang: 'en', text: SEED('001_ca6b3e2cd13aa704.txt') },
        { label: 'Turkish', lang: 'tr', text: SEED('000_195cf53558b12275.txt') },
      ],
    }),
  })
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id: string; ownerKey: string }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9)

async function bench(backend: string, env: Record<string, string>, duration: number, connections: number) {
  const server = await startServer(env)
  try {
    const { id, ownerKey } = await createSeedPair(server.url)
    const runs: Array<[string, CannonOptions]> = [
      ['read alignment', { url: `${server.url}/api/comparisons/${id}/alignment`, connections, duration }],
      [
        'add annotation',
        {
          url: `${server.url}/api/comparisons/${id}/annotations`,
          connections,
          duration,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerKey}` },
          body: JSON.stringify({ target: { bead: 3 }, tag: 'omission', note: 'benchmark note', author: 'bench' }),
        },
      ],
    ]
    for (const [name, opts] of runs) {
      const r = await autocannon(opts)
      const bad = r.non2xx + r.errors + r.timeouts
      console.log(
        `${backend.padEnd(9)} ${name.padEnd(15)} ${fmt(r.requests.average)} req/s ${fmt(r.latency.p50, 0)} ms p50 ${fmt(r.latency.p99, 0)} ms p99` +
          `   ${r.requests.total} requests${bad ? `, ${bad} failed` : ''}`,
      )
    }
  } finally {
    await server.stop()
  }
}

async function main() {
  const duration = Number(arg('duration', '10'))
  const connections = Number(arg('connections', '10'))
  const only = arg('only', '')
  console.log(`Parallax server benchmark: ${connections} connections, ${duration} s per run, loopback, server in its own process`)
  console.log(`${'backend'.padEnd(9)} ${'scenario'.padEnd(15)} ${'throughput'.padStart(15)} ${'latency'.padStart(16)}`)
  if (!only || only === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'))
    try {
      await bench('pglite', { PARALLAX_DATA_DIR: dir, DATABASE_URL: '' }, duration, connections)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  if (!only || only === 'postgres') {
    const schema = `parallax_bench_${process.pid}`
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
    } catch (err) {
      console.log(`postgres  skipped: ${POSTGRES_URL} is not reachable (${(err as Error).message})`)
      return
    }
    try {
      await bench('postgres', { DATABASE_URL: POSTGRES_URL, PARALLAX_DB_SCHEMA: schema }, duration, connections)
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      await client.end()
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
