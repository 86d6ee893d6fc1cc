/**
 * Soak benchmark: a sustained minute of mixed reads and writes against the server process,
 * from this (second) process over loopback. Prints throughput and p50/p99 latency of each kind
 * of request and of all together, and the server's memory (RSS) after warm-up and at the end.
 *
 *   node --import tsx bench/soak-bench.ts [--duration 60] [--backend pglite|postgres]
 *
 * Mix (connections): 4 read the alignment, 2 read the comparison, 1 lists one bead's
 * annotations, 3 add annotations and 1 edits an annotation.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { arg, autocannon, createSeedPair, POSTGRES_URL, startServer, type CannonOptions } from './server-bench.ts'

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return kb / 1024
}

async function main() {
  const duration = Number(arg('duration', '60'))
  const backend = arg('backend', 'pglite')
  const dir = mkdtempSync(join(tmpdir(), 'parallax-soak-'))
  const schema = `parallax_soak_${process.pid}`
  const env: Record<string, string> =
    backend === 'postgres' ? { DATABASE_URL: POSTGRES_URL, PARALLAX_DB_SCHEMA: schema } : { PARALLAX_DATA_DIR: dir, DATABASE_URL: '' }
  const server = await startServer(env)
  try {
    const { id, ownerKey } = await createSeedPair(server.url)
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${ownerKey}` }
    const made = await fetch(`${server.url}/api/comparisons/${id}/annotations`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ target: { bead: 1 }, tag: 'other', note: 'edited over and over' }),
    })
    const annotationId = ((await made.json()) as { id: string }).id
    const base = `${server.url}/api/comparisons/${id}`
    const mix: Array<[string, CannonOptions]> = [
      ['read alignment', { url: `${base}/alignment`, connections: 4, duration }],
      ['read comparison', { url: base, connections: 2, duration }],
      ['list annotations', { url: `${base}/annotations?bead=1`, connections: 1, duration }],
      [
        'add annotation',
        { url: `${base}/annotations`, connections: 3, duration, method: 'POST', headers: auth, body: JSON.stringify({ target: { bead: 3 }, tag: 'omission', note: 'soak' }) },
      ],
      [
        'edit annotation',
        { url: `${server.url}/api/annotations/${annotationId}`, connections: 1, duration, method: 'PATCH', headers: auth, body: JSON.stringify({ note: 'soaked' }) },
      ],
    ]

    // Warm up (JIT, caches, the database's buffers) before taking the starting memory.
    await Promise.all(mix.map(([, o]) => autocannon({ ...o, duration: 5 })))
    const before = rssMb(server.proc.pid!)
    console.log(`Parallax soak: ${duration} s of mixed reads and writes, ${backend}, server in its own process`)
    const results = await Promise.all(mix.map(([, o]) => autocannon(o)))
    const after = rssMb(server.proc.pid!)

    let total = 0
    let failed = 0
    let worstP99 = 0
    for (const [i, [name]] of mix.entries()) {
      const r = results[i]
      total += r.requests.total
      failed += r.non2xx + r.errors + r.timeouts
      worstP99 = Math.max(worstP99, r.latency.p99)
      console.log(
        `${name.padEnd(17)} ${r.requests.average.toFixed(1).padStart(8)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(5)} ms`,
      )
    }
    console.log(`${'all'.padEnd(17)} ${(total / duration).toFixed(1).padStart(8)} req/s  worst p99 ${worstP99} ms  ${total} requests, ${failed} failed`)
    console.log(`server memory (RSS): ${before.toFixed(1)} MB after warm-up, ${after.toFixed(1)} MB at the end (${after >= before ? '+' : ''}${(after - before).toFixed(1)} MB)`)
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
    if (backend === 'postgres') {
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect().then(() => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).finally(() => client.end())
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
