import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gunzipSync } from 'node:zlib'
import { inlineAnalyzer, workerAnalyzer, type Analyzer } from '../../server/analysis.ts'
import { acceptsGzip, AnswerCache } from '../../server/answer-cache.ts'
import { createApp } from '../../server/app.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf, SEED_EN, SEED_TR } from './helpers.ts'

/**
 * Issue 10, item 1: large reads must not stall everyone. The alignment and the shared rows are
 * built once per revision (the rows in the analyzer's worker), kept as gzip bytes, and every
 * reader gets the same bytes; imports are parsed by the analyzer, off the request thread.
 */

afterAll(closeTemplate)

const GZIP = { 'accept-encoding': 'gzip, deflate, br' }

async function raw(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

describe.each(BACKENDS)('stored answers on $name', (backend) => {
  let db: TestDb
  const run = backend.skip ? it.skip : it

  beforeAll(async () => {
    if (!backend.skip) db = await backend.open()
  })
  afterAll(async () => db?.close())

  const create = async (app: ReturnType<typeof createApp>) => {
    const res = await call(app, 'POST', '/api/comparisons', {
      body: { versions: [{ lang: 'en', text: SEED_EN }, { lang: 'tr', text: SEED_TR }] },
    })
    expect(res.status).toBe(201)
    return res.body as { id: string; ownerKey: string }
  }

  run('builds the alignment answer once per revision for many readers, and keeps it across a restart', async () => {
    const store = db.store
    let builds = 0
    const read = store.getAlignmentText.bind(store)
    store.getAlignmentText = (...args) => (builds++, read(...args))
    try {
      // Every answer goes to the database too (storeFromBytes 0), as a large one would.
      const app = createApp({ store, rateLimit: false, answers: new AnswerCache({ store, storeFromBytes: 0 }) })
      const { id, ownerKey } = await create(app)
      const path = `/api/comparisons/${id}/alignment`

      const reads = await Promise.all(Array.from({ length: 20 }, () => raw(app, path, GZIP)))
      expect(builds).toBe(1)
      const first = reads[0]
      expect([first.status, first.headers.get('content-encoding'), first.headers.get('etag'), first.headers.get('vary')]).toEqual([
        200,
        'gzip',
        'W/"r1"',
        'Accept-Encoding',
      ])
      expect(first.headers.get('content-length')).toBe(String(first.bytes.length))
      expect(reads.every((r) => r.bytes.equals(first.bytes))).toBe(true)

      // A client that takes no gzip gets the same JSON, unpacked as it streams.
      const plain = await raw(app, path)
      expect([plain.status, plain.headers.get('content-encoding'), plain.headers.get('etag')]).toEqual([200, null, '"r1"'])
      expect(plain.headers.get('content-length')).toBe(String(plain.bytes.length))
      expect(plain.bytes.equals(gunzipSync(first.bytes))).toBe(true)
      const answer = JSON.parse(plain.bytes.toString('utf8'))
      expect([answer.comparisonId, answer.revision, answer.beads.length > 5]).toEqual([id, 1, true])
      expect(builds).toBe(1)

      // A correction is a new revision: built once more, then kept again.
      const fixed = await call(app, 'PUT', path, { key: ownerKey, body: { revision: 1, operations: [{ op: 'merge', bead: 0 }] } })
      expect(fixed.status).toBe(200)
      const after = await Promise.all([raw(app, path, GZIP), raw(app, path, GZIP)])
      expect(JSON.parse(gunzipSync(after[0].bytes).toString()).revision).toBe(2)
      expect([after[1].headers.get('etag'), builds]).toEqual(['W/"r2"', 2])

      // A new process (a new cache over the same database) serves the kept bytes without building.
      const restarted = createApp({ store, rateLimit: false, answers: new AnswerCache({ store, storeFromBytes: 0 }) })
      const again = await raw(restarted, path, GZIP)
      expect([again.bytes.equals(after[0].bytes), builds]).toEqual([true, 2])

      // Deleting the comparison takes its kept answers with it.
      expect((await call(app, 'DELETE', `/api/comparisons/${id}`, { key: ownerKey })).status).toBe(204)
      expect(await store.getStoredAnswer(id, 'alignment-1', '"r2"')).toBeNull()
      expect(errorOf(await call(app, 'GET', path))).toBe('404 not_found')
    } finally {
      store.getAlignmentText = read
    }
  })

  run('builds the shared rows once, in the analyzer, and keeps answering health while they are built', async () => {
    const base = inlineAnalyzer()
    let builds = 0
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const analyzer: Analyzer = {
      ...base,
      renderRows: async (input, options) => {
        builds++
        await gate
        return base.renderRows(input, options)
      },
    }
    const app = createApp({ store: db.store, analyzer, rateLimit: false })
    const { id } = await create(app)
    const reads = Array.from({ length: 10 }, () => raw(app, `/api/comparisons/${id}/rows`, GZIP))
    while (builds === 0) await new Promise((r) => setTimeout(r, 5))
    // The rows are being built: small requests still answer.
    const health = await call(app, 'GET', '/api/health')
    const list = await call(app, 'GET', '/api/comparisons?limit=1')
    expect([health.status, list.status, builds]).toEqual([200, 200, 1])
    release()
    const done = await Promise.all(reads)
    expect(builds).toBe(1)
    const rows = JSON.parse(gunzipSync(done[0].bytes).toString())
    expect([rows.comparisonId, rows.versions.length, rows.rows.length > 5]).toEqual([id, 2, true])
    expect(done.every((r) => r.bytes.equals(done[0].bytes) && r.headers.get('etag') === 'W/"rows-1"')).toBe(true)
  })
})

describe('imports parsed in a worker', () => {
  let analyzer: Analyzer
  let db: TestDb
  beforeAll(async () => {
    analyzer = await workerAnalyzer()
    db = await BACKENDS[0].open()
  })
  afterAll(async () => {
    await analyzer?.close()
    await db?.close()
  })

  it('takes a TSV import and refuses a malformed TMX with 400, as in this thread', async () => {
    const app = createApp({ store: db.store, analyzer, rateLimit: false })
    const tsv = await call(app, 'POST', '/api/comparisons', {
      body: { import: { format: 'tsv', content: 'bead\ten\ttr\n1\tOne.\tBir.\n2\tTwo.\tİki.\n' } },
    })
    expect(tsv.status).toBe(201)
    const tmx = await call(app, 'POST', '/api/comparisons', { body: { import: { format: 'tmx', content: '<tmx><body><tu>' } } })
    expect(errorOf(tmx)).toBe('400 invalid_import')
  }, 120_000)
})

describe('acceptsGzip', () => {
  it('reads Accept-Encoding', () => {
    expect(['gzip', 'br, gzip;q=0.5', 'gzip;q=0', '*', 'identity', 'deflate, *;q=0', undefined].map((h) => acceptsGzip(h))).toEqual([
      true,
      true,
      false,
      true,
      false,
      false,
      false,
    ])
  })
})
