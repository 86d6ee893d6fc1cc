import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { clip } from '../../alignment/divergence/text.ts'
import { inlineAnalyzer } from '../../server/analysis.ts'
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

describe.each(BACKENDS)('input defects on $name', (backend) => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  const logged: unknown[] = []
  beforeAll(async () => {
    if (backend.skip) return
    db = await backend.open()
    app = createApp({ store: db.store, rateLimit: false, log: (_m, err) => logged.push(err) })
  })
  beforeEach(() => {
    logged.length = 0
  })
  afterAll(async () => db?.close())
  const run = backend.skip ? it.skip : it

  const create = (body: unknown) => call(app, 'POST', '/api/comparisons', { body })
  const two = (text: string, extra: Record<string, unknown> = {}) => ({ ...extra, versions: [{ lang: 'en', text }, PAIR[1]] })

  // ---- 3: characters outside the BMP ----

  run('takes emoji wherever a finding text or a default title cuts them, and corrects such an alignment (item 3)', async () => {
    const kept = 'The river is wide. Ten boats crossed it. Nobody saw them.'
    for (let n = 62; n < 71; n += 2) {
      // A sentence the other version leaves out: its finding quotes it, cut near the emoji.
      const extra = `${'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod'.slice(0, n)}😀 tempor incididunt ut labore.`
      const res = await create({ versions: [{ lang: 'en', text: `${kept} ${extra}` }, { lang: 'en', text: kept }] })
      expect(errorOf(res)).toBe('201 -')
      const alignment = await call(app, 'GET', `/api/comparisons/${res.body.id}/alignment`)
      expect(strings(alignment.body).filter((s) => LONE.test(s))).toEqual([])
      expect(alignment.body.beads.some((b: { findings: unknown[] }) => b.findings.length)).toBe(true)
      const merged = await call(app, 'PUT', `/api/comparisons/${res.body.id}/alignment`, {
        key: res.body.ownerKey,
        body: { revision: 1, operations: [{ op: 'merge', bead: 2 }] },
      })
      expect(errorOf(merged)).toBe('200 -')
    }
    // A first line over 120 units, with an emoji where the default title is cut.
    const line = 'x'.repeat(118) + '😀😀 and then more.'
    const titled = await create(two(`${line}\nSecond line here.`))
    expect(errorOf(titled)).toBe('201 -')
    expect(LONE.test(titled.body.title)).toBe(false)
    expect(titled.body.title).toMatch(/^x{118}…$|^x{118}😀…$/)
  })

  run('refuses a lone surrogate in any input with a clear 400 (item 3)', async () => {
    const lone = (res: Awaited<ReturnType<typeof create>>) => [errorOf(res), /surrogate/.test(res.body.error?.message)]
    expect(lone(await create(two('Broken \uD800 pair. Fine.')))).toEqual(['400 invalid_request', true])
    expect(lone(await create(two('Fine text.', { title: 'Half \uDC00' })))).toEqual(['400 invalid_request', true])
    const tmx = (seg: string) =>
      `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>${seg}</seg></tuv><tuv xml:lang="tr"><seg>Bir.</seg></tuv></tu></body></tmx>`
    const refused = await create({ import: { format: 'tmx', content: tmx('One &#xD800; two.') } })
    expect([errorOf(refused), refused.body.error.message]).toEqual(['400 invalid_import', expect.stringMatching(/surrogate/)])
    expect(errorOf(await create({ import: { format: 'tmx', content: tmx('Face &#x1F600; fine.') } }))).toBe('201 -')
    const { id, ownerKey } = (await create({ title: 'Small', versions: PAIR })).body
    const note = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'x', note: 'a\uD83Db' } })
    expect(lone(note)).toEqual(['400 invalid_request', true])
    expect(logged).toEqual([])
  })

  // ---- 4: multipart fields ----

  run('validates the title, labels, languages and file names of a multipart create like JSON (item 4)', async () => {
    const upload = (fields: Record<string, string>, names = ['a.txt', 'b.txt']) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      form.append('file', new File([PAIR[0].text], names[0]))
      form.append('file', new File([PAIR[1].text], names[1]))
      return call(app, 'POST', '/api/comparisons', { body: form })
    }
    const refused = async (res: Promise<Awaited<ReturnType<typeof create>>>) => {
      const r = await res
      return [errorOf(r), r.text.length < 2000]
    }
    expect(await refused(upload({ title: 'a\u0000b' }))).toEqual(['400 invalid_request', true])
    expect(await refused(upload({ title: 'T'.repeat(5_000_000) }))).toEqual(['400 invalid_request', true])
    expect(await refused(upload({ label: 'a\u0000b' }))).toEqual(['400 invalid_request', true])
    expect(await refused(upload({ label: 'L'.repeat(300) }))).toEqual(['400 invalid_request', true])
    expect(await refused(upload({ lang: 'e'.repeat(100_000) }))).toEqual(['400 invalid_request', true])
    expect(await refused(upload({}, ['a\u0000.txt', 'b.txt']))).toEqual(['400 invalid_request', true])
    // A long file name is cut to a label, as a user would expect, not refused.
    const long = await upload({}, ['n'.repeat(1000) + '.txt', 'b.txt'])
    expect([errorOf(long), long.body.versions[0].label.length]).toEqual(['201 -', 200])
    const list = await call(app, 'GET', '/api/comparisons')
    expect(list.text.length).toBeLessThan(100_000)
    expect(logged).toEqual([])
  })

  // ---- 6: a leading BOM ----

  run('strips a leading BOM on every input path, so offsets hold and corrections work (item 6)', async () => {
    const text = '\uFEFFThe river is wide. Ten boats crossed it. Nobody saw them.'
    const form = new FormData()
    form.append('file', new File([text], 'en.txt'))
    form.append('file', new File([PAIR[1].text], 'tr.txt'))
    const tsv = '\uFEFFThe river is wide.\tNehir geniş.\nTen boats crossed it.\tOn tekne geçti.\n'
    const tmx = '\uFEFF<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="tr"><seg>Bir.</seg></tuv></tu><tu><tuv xml:lang="en"><seg>Two.</seg></tuv><tuv xml:lang="tr"><seg>İki.</seg></tuv></tu></body></tmx>'
    const made = [
      await create({ versions: [{ lang: 'en', text }, PAIR[1]] }),
      await call(app, 'POST', '/api/comparisons', { body: form }),
      await create({ import: { format: 'tsv', content: tsv } }),
      await create({ import: { format: 'tmx', content: tmx } }),
    ]
    for (const res of made) {
      expect(errorOf(res)).toBe('201 -')
      const { id, ownerKey } = res.body
      const stored = (await call(app, 'GET', `/api/comparisons/${id}`)).body.versions[0].text as string
      expect(stored.startsWith('\uFEFF')).toBe(false)
      const a = await call(app, 'GET', `/api/comparisons/${id}/alignment`)
      for (const s of a.body.src.sentences) expect(stored.slice(s.start, s.end)).toBe(s.text)
      const merged = await call(app, 'PUT', `/api/comparisons/${id}/alignment`, { key: ownerKey, body: { revision: 1, operations: [{ op: 'merge', bead: 0 }] } })
      expect(errorOf(merged)).toBe('200 -')
      const unlinked = await call(app, 'PUT', `/api/comparisons/${id}/alignment`, { key: ownerKey, body: { revision: 2, operations: [{ op: 'unlink', bead: 0 }] } })
      expect(errorOf(unlinked)).toBe('200 -')
    }
    const { id, ownerKey } = made[0].body
    const note = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'x', note: '\uFEFFA note.' } })
    expect(note.body.note).toBe('A note.')
    expect(logged).toEqual([])
  })

  run('reads a text stored with its BOM by an earlier version with its offsets intact (item 6)', async () => {
    const text = '\uFEFFThe river is wide. Ten boats crossed it. Nobody saw them.'
    const versions = [{ label: 'EN', lang: 'en', text }, { label: 'TR', lang: 'tr', text: PAIR[1].text }]
    const reports = await inlineAnalyzer().compare(versions, {})
    const id = `bom${backend.name}`
    await db.store.createComparison({ id, title: 'Old', versions, reports, ownerKey: { id: 'b0b0b0b0b0b0', secretHash: 'x' } })
    const stored = (await call(app, 'GET', `/api/comparisons/${id}`)).body.versions[0].text as string
    const a = await call(app, 'GET', `/api/comparisons/${id}/alignment`)
    for (const s of a.body.src.sentences) expect(stored.slice(s.start, s.end)).toBe(s.text)
    const comparison = await db.store.getComparison(id)
    const next = await inlineAnalyzer().rediverge(reports[0], comparison!.versions[0].text, comparison!.versions[1].text, [
      { src: [0, 1], tgt: [0, 1], confidence: 1 },
      ...reports[0].beads.slice(2),
    ])
    expect(next.beads.length).toBe(reports[0].beads.length - 1)
  })

  // ---- 13: invisible texts ----

  run('refuses a text of only zero-width and other invisible characters as empty (item 13)', async () => {
    const invisible = '\u200B\u200C\u200D\u2060\uFEFF \u200E\u00AD'
    expect(errorOf(await create(two(invisible)))).toBe('400 empty_text')
    const form = new FormData()
    form.append('file', new File([PAIR[0].text], 'a.txt'))
    form.append('file', new File([invisible], 'b.txt'))
    expect(errorOf(await call(app, 'POST', '/api/comparisons', { body: form }))).toBe('400 empty_text')
    expect(errorOf(await create({ import: { format: 'tsv', content: `One.\t${invisible}\nTwo.\t\u200B\n` } }))).toBe('400 empty_text')
  })
})

describe.each(BACKENDS)('ids, numbers and TMX on $name', (backend) => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  const logged: unknown[] = []
  beforeAll(async () => {
    if (backend.skip) return
    db = await backend.open()
    app = createApp({ store: db.store, rateLimit: false, log: (_m, err) => logged.push(err) })
  })
  beforeEach(() => {
    logged.length = 0
  })
  afterAll(async () => db?.close())
  const run = backend.skip ? it.skip : it
  const create = (body: unknown) => call(app, 'POST', '/api/comparisons', { body })

  // ---- 7: odd ids and numbers ----

  run('answers NUL in ids and filters, and integers of 2^31 and more, with 400 or 404 (item 7)', async () => {
    const { id, ownerKey } = (await create({ title: 'Small', versions: PAIR })).body
    const annotation = (await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'x' } })).body
    const big = 2 ** 31
    const requests: Array<[string, string, unknown?]> = [
      ['GET', '/api/comparisons/a%00b'],
      ['GET', '/api/comparisons/a%00b/alignment'],
      ['GET', '/api/comparisons/a%00b/rows'],
      ['GET', '/api/comparisons/a%00b/annotations'],
      ['GET', '/api/comparisons/a%00b/export?format=tmx'],
      ['GET', '/api/comparisons/a%00b/access'],
      ['DELETE', '/api/comparisons/a%00b'],
      ['PATCH', '/api/annotations/a%00b', { note: 'n' }],
      ['DELETE', '/api/annotations/a%00b'],
      ['DELETE', `/api/comparisons/${id}/keys/a%00b`],
      ['GET', `/api/comparisons/${id}/annotations?tag=a%00b`],
      ['GET', `/api/comparisons/${id}/annotations?author=a%00b`],
      ['GET', `/api/comparisons/${id}/annotations?bead=${big}`],
      ['GET', `/api/comparisons/${id}/annotations?version=${big}`],
      ['GET', `/api/comparisons/${id}/alignment?version=${big}`],
      ['GET', `/api/comparisons/${id}/export?format=json&version=${big}`],
      ['GET', `/api/comparisons?offset=${big * big * big}`],
      ['POST', `/api/comparisons/${id}/annotations`, { target: { bead: big }, tag: 'x' }],
      ['POST', `/api/comparisons/${id}/annotations`, { target: { bead: 0 }, tag: 'x', version: big }],
      ['POST', `/api/comparisons/${id}/annotations`, { target: { side: 'src', start: 0, end: big }, tag: 'x' }],
      ['PATCH', `/api/annotations/${annotation.id}`, { target: { bead: big } }],
      ['PUT', `/api/comparisons/${id}/alignment`, { revision: big, operations: [{ op: 'merge', bead: 0 }] }],
      ['PUT', `/api/comparisons/${id}/alignment?version=${big}`, { revision: 1, operations: [{ op: 'merge', bead: 0 }] }],
      ['PUT', `/api/comparisons/${id}/alignment`, { revision: 1, operations: [{ op: 'merge', bead: big }] }],
    ]
    const answers = []
    for (const [method, path, body] of requests) {
      const res = await call(app, method, path, { key: ownerKey, body })
      answers.push(`${method} ${path} ${res.status === 400 || res.status === 404 ? 'ok' : errorOf(res)}`)
    }
    expect(answers).toEqual(requests.map(([method, path]) => `${method} ${path} ok`))
    expect(logged).toEqual([])
  })

  // ---- 9: TMX round trip ----

  run('keeps apostrophes, quotes and ampersands of titles, notes and authors through a TMX export and import (item 9)', async () => {
    const made = await create({ title: `O'Brien's "notes" & more`, versions: PAIR })
    const { id, ownerKey } = made.body
    const notes = [
      { target: { bead: 0 }, tag: 'other', tags: [`it's`], note: `O'Brien said "no" & <left>`, author: `D'Arcy` },
      { target: { side: 'src', start: 0, end: 9 }, tag: 'name', note: `l'eau`, author: 'Zoë' },
    ]
    for (const body of notes) expect((await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body })).status).toBe(201)
    const tmx = await (await app.request(`/api/comparisons/${id}/export?format=tmx`)).text()
    expect(tmx).toContain('O&#39;Brien')
    expect(parseTmx(tmx).title).toBe(`O'Brien's "notes" & more`)
    const imported = await create({ import: { format: 'tmx', content: tmx } })
    expect([errorOf(imported), imported.body.title]).toEqual(['201 -', `O'Brien's "notes" & more`])
    const back = (await call(app, 'GET', `/api/comparisons/${imported.body.id}/annotations`)).body.annotations
    const render = (a: { tag: string; tags: string[]; note: string; author: string; target: object }) =>
      `${a.tag} [${a.tags.join(',')}] ${a.note} (${a.author}) ${JSON.stringify(a.target)}`
    expect(back.map(render)).toEqual([
      `other [it's] O'Brien said "no" & <left> (D'Arcy) {"bead":0}`,
      `name [] l'eau (Zoë) {"side":"src","start":0,"end":9}`,
    ])
  })

  run('cuts imported notes and download names between graphemes, never in an emoji (item 3)', async () => {
    const emoji = '😀'
    const fields = JSON.stringify({ tag: 't'.repeat(63) + emoji, tags: ['u'.repeat(63) + emoji], note: 'n', author: 'a'.repeat(199) + emoji })
    const content = `<tmx version="1.4"><header srclang="en"><prop type="x-parallax-title">${'x'.repeat(99)}${emoji}</prop></header><body><tu><note>n</note><prop type="x-parallax-annotation">${fields.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</prop><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="tr"><seg>Bir.</seg></tuv></tu></body></tmx>`
    const imported = await create({ import: { format: 'tmx', content } })
    expect(errorOf(imported)).toBe('201 -')
    const [note] = (await call(app, 'GET', `/api/comparisons/${imported.body.id}/annotations`)).body.annotations
    expect([note.tag, note.tags, note.author]).toEqual(['t'.repeat(63), ['u'.repeat(63)], 'a'.repeat(199)])
    const download = await app.request(`/api/comparisons/${imported.body.id}/export?format=tsv`)
    expect(download.status).toBe(200)
    expect(decodeURIComponent(download.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(`${'x'.repeat(99)}.tsv`)
    expect(logged).toEqual([])
  })

  // ---- 10: TMX errors ----

  run('answers a TMX nested 50,000 deep, and NUL or half a character in a note, with a clear 400 (item 10)', async () => {
    const tu = (inner: string) =>
      `<tmx version="1.4"><header srclang="en"/><body><tu>${inner}<tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="tr"><seg>Bir.</seg></tuv></tu></body></tmx>`
    const deep = `<tmx version="1.4"><header srclang="en"/><body>${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}</body></tmx>`
    const refusal = async (content: string) => {
      const res = await create({ import: { format: 'tmx', content } })
      return `${errorOf(res)} ${res.body.error?.message}`
    }
    expect(await refusal(deep)).toMatch(/^400 invalid_import The TMX file cannot be read: .*nested/i)
    const prop = (json: string) => `<note>n</note><prop type="x-parallax-annotation">${json}</prop>`
    expect(await refusal(tu(prop('{"tag":"x","note":"a\\u0000b"}')))).toMatch(/^400 invalid_import .*NUL/)
    expect(await refusal(tu(prop('{"tag":"x","author":"a\\ud800b"}')))).toMatch(/^400 invalid_import .*surrogate/)
    expect(await refusal(tu(prop('{"tag":"x","tags":["\\u0000"]}')))).toMatch(/^400 invalid_import .*NUL/)
    expect(logged).toEqual([])
  })
})

describe('data folder (item 8)', () => {
  it('is created 0700, and nothing in it is writable by others', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'parallax-mode-'))
    const dir = join(parent, 'data')
    try {
      const db = await openPglite({ dataDir: dir })
      await db.exec('CREATE TABLE t (a int); INSERT INTO t VALUES (1)')
      await db.close()
      expect((statSync(dir).mode & 0o777).toString(8)).toBe('700')
      const writable: string[] = []
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const p = join(d, e.name)
          if (statSync(p).mode & 0o022) writable.push(p)
          if (e.isDirectory()) walk(p)
        }
      }
      walk(dir)
      expect(writable).toEqual([])
    } finally {
      rmSync(parent, { recursive: true, force: true })
    }
    // A fresh PGlite on disk writes a whole cluster: seconds, more on a busy machine.
  }, 180_000)
})
