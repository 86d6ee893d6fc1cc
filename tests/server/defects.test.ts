import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clip } from '../../alignment/divergence/text.ts'
import { createApp } from '../../server/app.ts'
import { parseTmx } from '../../server/formats/tmx.ts'
import { openPglite } from '../../server/store/pglite.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf, renderBeads } from './helpers.ts'

/**
 * Defects of issue 10 found by a new user and a security test: rate limits that trust unchecked
 * key ids, characters outside the BMP, unchecked multipart fields, a leading BOM, odd ids and
 * numbers, world-writable data files, TMX round trips and TMX errors, invisible texts. Each
 * test failed before its fix.
 */

afterAll(closeTemplate)

const PAIR = [
  { lang: 'en', text: 'The river is wide. Ten boats crossed it. Nobody saw them.' },
  { lang: 'tr', text: 'Nehir geniş. On tekne geçti. Kimse görmedi.' },
]

/** A lone surrogate anywhere in a string (half of a character outside the BMP). */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Every string inside a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) strings(x, out)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out)
  return out
}

describe('clip (finding texts)', () => {
  it('never cuts a character outside the BMP or a grapheme in two', () => {
    const face = '\u{1F600}'
    const family = '👨‍👩‍👧‍👦'
    for (let n = 60; n < 72; n++) {
      for (const ch of [face, family, 'e\u0301']) {
        const text = 'a'.repeat(n) + ch + ' and more words after it to be cut away.'
        const out = clip(text, 70)
        expect(LONE.test(out), JSON.stringify(out)).toBe(false)
        expect(out.length).toBeLessThanOrEqual(70)
        // Whatever is kept of the text is a prefix that ends at a grapheme boundary.
        const kept = out.replace(/…$/, '')
        expect(text.startsWith(kept)).toBe(true)
        expect(kept.length <= n || kept.length >= n + ch.length).toBe(true)
      }
    }
    expect(clip('short', 70)).toBe('short')
  })
})

describe.each(BACKENDS)('defects on $name', (backend) => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  const logged: unknown[] = []
  beforeAll(async () => {
    if (backend.skip) return
    db = await backend.open()
    app = createApp({ store: db.store, rateLimit: false, log: (_m, err) => logged.push(err) })
  })
  afterAll(async () => db?.close())
  const run = backend.skip ? it.skip : it

  const create = (body: unknown) => call(app, 'POST', '/api/comparisons', { body })
  const small = async () => {
    const res = await create({ title: 'Small', versions: PAIR })
    expect(res.status).toBe(201)
    return res.body as { id: string; ownerKey: string }
  }

  // ---- 2, 14: rate limits ----

  run('does not let a forged secret with a real key id lock the key holder out (item 2)', async () => {
    const { id, ownerKey } = await small()
    const limited = createApp({ store: db.store, rateLimit: { burst: 3, perSecond: 0.01, trustProxy: true } })
    const forged = ownerKey.slice(0, 'plx_0123456789ab_'.length) + 'A'.repeat(43)
    const annotate = (key: string, forwardedFor: string) =>
      call(limited, 'POST', `/api/comparisons/${id}/annotations`, {
        key,
        body: { target: { bead: 0 }, tag: 'x' },
        headers: { 'x-forwarded-for': forwardedFor },
      })
    const attacks = []
    for (let i = 0; i < 6; i++) attacks.push((await annotate(forged, '10.0.0.66')).status)
    expect(attacks).toEqual([401, 401, 401, 429, 429, 429])
    // The owner, from the same address as the attacker or another, writes on.
    expect((await annotate(ownerKey, '10.0.0.66')).status).toBe(201)
    expect((await annotate(ownerKey, '10.0.0.7')).status).toBe(201)
  })

  run('counts failed authentications and invented key ids against the address (item 2)', async () => {
    const { id } = await small()
    const other = await small()
    const limited = createApp({ store: db.store, rateLimit: { burst: 3, perSecond: 0.01, sharedAddressFactor: 10 } })
    // Invented key ids, a new one every time, do not lift the keyless limit on creates.
    const statuses = []
    for (let i = 0; i < 5; i++) {
      const invented = `plx_${String(i).padStart(12, '0')}_${'x'.repeat(43)}`
      statuses.push((await call(limited, 'POST', '/api/comparisons', { key: invented, body: {} })).status)
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429])
    // A real key used on another comparison fails to authenticate: it counts against its address,
    // whose keyless writes then wait.
    const fromAddress = { 'x-forwarded-for': '10.0.0.8' }
    const proxied = createApp({ store: db.store, rateLimit: { burst: 3, perSecond: 0.01, trustProxy: true } })
    for (let i = 0; i < 3; i++) {
      const wrong = await call(proxied, 'POST', `/api/comparisons/${id}/annotations`, {
        key: other.ownerKey,
        body: { target: { bead: 0 }, tag: 'x' },
        headers: fromAddress,
      })
      expect(wrong.status).toBe(401)
    }
    expect(errorOf(await call(proxied, 'POST', '/api/comparisons', { body: {}, headers: fromAddress }))).toBe('429 rate_limited')
    expect(errorOf(await call(proxied, 'POST', '/api/comparisons', { body: {}, headers: { 'x-forwarded-for': '10.0.0.9' } }))).toBe('400 invalid_request')
  })

  run('limits reads per address, health excepted (item 1)', async () => {
    const { id } = await small()
    const limited = createApp({ store: db.store, rateLimit: { trustProxy: true, readBurst: 3, readsPerSecond: 0.5 } })
    const read = (address: string) => call(limited, 'GET', `/api/comparisons/${id}`, { headers: { 'x-forwarded-for': address } })
    const statuses = [(await read('10.0.1.1')).status, (await read('10.0.1.1')).status, (await read('10.0.1.1')).status]
    const over = await read('10.0.1.1')
    expect([...statuses, errorOf(over)]).toEqual([200, 200, 200, '429 rate_limited'])
    expect(over.body.error.message).toMatch(/reads from this address/)
    expect(over.headers.get('retry-after')).toBe('2')
    expect((await read('10.0.1.2')).status).toBe(200)
    expect((await call(limited, 'GET', '/api/health', { headers: { 'x-forwarded-for': '10.0.1.1' } })).status).toBe(200)
  })

  run('states the real wait in Retry-After (item 14)', async () => {
    const { id, ownerKey } = await small()
    let clock = 1_000_000
    const limited = createApp({ store: db.store, rateLimit: { burst: 2, perSecond: 0.1, now: () => clock } })
    const annotate = () => call(limited, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'x' } })
    expect([(await annotate()).status, (await annotate()).status]).toEqual([201, 201])
    const over = await annotate()
    expect([over.status, over.headers.get('retry-after')]).toEqual([429, '10'])
    expect(over.body.error.message).toMatch(/try again in 10 s/)
    clock += 9_000
    expect((await annotate()).headers.get('retry-after')).toBe('1')
    clock += 1_000
    expect((await annotate()).status).toBe(201)
  })
})
