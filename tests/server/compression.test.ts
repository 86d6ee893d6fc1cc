import { serve, type ServerType } from '@hono/node-server'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, inflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { matchesRevision } from '../../server/routes/alignment.ts'
import { serveClient } from '../../server/static.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, SEED_EN, SEED_TR } from './helpers.ts'

/**
 * Compression of answers (gzip or deflate per Accept-Encoding, 1 KB and more) and reading a
 * comparison without its texts, through `app.request()` and through a real socket.
 */

/** A TSV import of `rows` pairs: aligned as given, so large and still quick to create. */
const tsvImport = (rows: number) => {
  const en = SEED_EN.split('\n').filter((l) => l.trim())
  const tr = SEED_TR.split('\n').filter((l) => l.trim())
  const lines = Array.from({ length: rows }, (_, i) => `${i}\t${en[i % en.length]} (${i})\t${tr[i % tr.length]} (${i})\t\t`)
  return { title: 'Five thousand rows', import: { format: 'tsv', content: ['bead\ten\ttr\tfindings\tannotations', ...lines].join('\n') } }
}

/** A raw GET over HTTP: the bytes as sent, no decoding. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

describe.each(BACKENDS.filter((b) => b.name === 'pglite'))('compression on $name', (backend) => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  let id: string
  let server: ServerType
  let base: string

  beforeAll(async () => {
    db = await backend.open()
    app = createApp({ store: db.store, rateLimit: false })
    const created = await call(app, 'POST', '/api/comparisons', { body: tsvImport(5000) })
    expect(created.status).toBe(201)
    id = created.body.id
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
    await db?.close()
    await closeTemplate()
  })

  const get = (path: string, encoding?: string) => app.request(path, { headers: encoding ? { 'accept-encoding': encoding } : {} })

  it('gzips or deflates a large answer as asked, and the bytes decode to the same JSON', async () => {
    const path = `/api/comparisons/${id}/alignment`
    const plain = await get(path)
    const plainBytes = Buffer.from(await plain.arrayBuffer())
    const gz = await get(path, 'gzip, deflate, br')
    const df = await get(path, 'deflate')
    const gzBytes = Buffer.from(await gz.arrayBuffer())
    const dfBytes = Buffer.from(await df.arrayBuffer())
    expect([plain.headers.get('content-encoding'), gz.headers.get('content-encoding'), df.headers.get('content-encoding')]).toEqual([null, 'gzip', 'deflate'])
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(gunzipSync(gzBytes).equals(plainBytes)).toBe(true)
    expect(inflateSync(dfBytes).equals(plainBytes)).toBe(true)
    expect(JSON.parse(plainBytes.toString()).beads).toHaveLength(5000)
    // A tenth of the size or less.
    expect(gzBytes.length * 10).toBeLessThan(plainBytes.length)
    // The security headers stay on the compressed answer.
    expect(gz.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('leaves small answers, refused encodings and unknown types as they are', async () => {
    const health = await get('/api/health', 'gzip')
    expect([health.headers.get('content-encoding'), health.headers.get('content-length')]).toEqual([null, String((await health.arrayBuffer()).byteLength)])
    const missing = await get('/api/comparisons/nope', 'gzip')
    expect([missing.status, missing.headers.get('content-encoding')]).toEqual([404, null])
    const refused = await get(`/api/comparisons/${id}/alignment`, 'gzip;q=0, deflate;q=0')
    expect(refused.headers.get('content-encoding')).toBeNull()
    const identity = await get(`/api/comparisons/${id}/alignment`, 'identity')
    expect(identity.headers.get('content-encoding')).toBeNull()
  })

  it('compresses exports (TMX, TSV, HTML) and the OpenAPI document too', async () => {
    const encodings = await Promise.all(
      ['tmx', 'tsv', 'html'].map(async (f) => (await get(`/api/comparisons/${id}/export?format=${f}`, 'gzip')).headers.get('content-encoding')),
    )
    expect([...encodings, (await get('/api/openapi.json', 'gzip')).headers.get('content-encoding')]).toEqual(['gzip', 'gzip', 'gzip', 'gzip'])
  })

  it('keeps conditional reads working when the ETag became weak', async () => {
    const gz = await get(`/api/comparisons/${id}/alignment`, 'gzip')
    expect(gz.headers.get('etag')).toBe('W/"r1"')
    const again = await app.request(`/api/comparisons/${id}/alignment`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': 'W/"r1"' } })
    expect(again.status).toBe(304)
    expect([matchesRevision('"r1"', 1), matchesRevision('"r0", W/"r1"', 1), matchesRevision('*', 1), matchesRevision('W/"r2"', 1)]).toEqual([
      true,
      true,
      true,
      false,
    ])
  })

  it('works through @hono/node-server on a real socket: raw gzip bytes, fetch decoding them', async () => {
    const raw = await rawGet(`${base}/api/comparisons/${id}/alignment`, { 'accept-encoding': 'gzip' })
    expect([raw.status, raw.headers['content-encoding'], raw.headers['content-length']]).toEqual([200, 'gzip', String(raw.body.length)])
    const decoded = JSON.parse(gunzipSync(raw.body).toString())
    // fetch asks for gzip itself and decodes it.
    const fetched = await (await fetch(`${base}/api/comparisons/${id}/alignment`)).json()
    expect([decoded.beads.length, fetched.beads.length, decoded.revision]).toEqual([5000, 5000, 1])
    const small = await rawGet(`${base}/api/health`, { 'accept-encoding': 'gzip' })
    expect([small.headers['content-encoding'], JSON.parse(small.body.toString()).status]).toEqual([undefined, 'ok'])
  })

  it('compresses the page and its files, mounted after the API', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parallax-static-'))
    try {
      mkdirSync(join(root, 'assets'))
      writeFileSync(join(root, 'index.html'), `<!doctype html><title>Parallax</title>${'<p>row</p>'.repeat(200)}`)
      writeFileSync(join(root, 'assets', 'app-1234.js'), `export const rows = [${'"row",'.repeat(500)}]`)
      const site = createApp({ store: db.store, rateLimit: false })
      serveClient(site, root)
      const page = await site.request('/c/abc', { headers: { 'accept-encoding': 'gzip' } })
      const script = await site.request('/assets/app-1234.js', { headers: { 'accept-encoding': 'gzip' } })
      expect([page.headers.get('content-encoding'), script.headers.get('content-encoding')]).toEqual(['gzip', 'gzip'])
      expect(gunzipSync(Buffer.from(await script.arrayBuffer())).toString()).toMatch(/^export const rows/)
      expect(script.headers.get('cache-control')).toMatch(/immutable/)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('reads a comparison without its texts when asked, and with them by default', async () => {
    const seed = await call(app, 'POST', '/api/comparisons', {
      body: { title: 'Seed', versions: [{ lang: 'en', text: SEED_EN }, { lang: 'tr', text: SEED_TR }] },
    })
    const full = await call(app, 'GET', `/api/comparisons/${seed.body.id}`)
    const bare = await call(app, 'GET', `/api/comparisons/${seed.body.id}?texts=false`)
    expect(full.body.versions.map((v: { text?: string }) => v.text)).toEqual([SEED_EN, SEED_TR])
    expect(bare.body.versions.map((v: object) => Object.keys(v).sort().join(' '))).toEqual(['dir label lang length', 'dir label lang length'])
    // Everything else is the same answer.
    const strip = (b: { versions: Array<{ text?: string }> }) => ({ ...b, versions: b.versions.map(({ text: _, ...v }) => v) })
    expect(bare.body).toEqual(strip(full.body))
    expect(bare.body.versions.map((v: { length: number }) => v.length)).toEqual([SEED_EN.length, SEED_TR.length])
    const withAlignment = await call(app, 'GET', `/api/comparisons/${seed.body.id}?texts=false&include=alignment`)
    expect([withAlignment.body.versions[0].text, withAlignment.body.alignment.revision]).toEqual([undefined, 1])
    expect((await call(app, 'GET', `/api/comparisons/${seed.body.id}?texts=no`)).status).toBe(400)
    expect((await call(app, 'GET', '/api/comparisons/nope?texts=false')).status).toBe(404)
  })
})
