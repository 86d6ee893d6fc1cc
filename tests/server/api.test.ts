import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { parseTmx } from '../../server/formats/tmx.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf, renderBeads, SEED_EN, SEED_TR, type Answer } from './helpers.ts'

/**
 * The API suite: every route through `app.request()`, against PGlite and PostgreSQL alike.
 * One database per backend; every test makes the comparisons it needs.
 */

afterAll(closeTemplate)

const LIMITS = { versionBytes: 20_000, createBodyBytes: 64_000, smallBodyBytes: 4_000 }

describe.each(BACKENDS)('api on $name', (backend) => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  const logged: unknown[] = []
  // The seed pair, created once per backend; tests that change it make their own.
  let seedPair: Answer

  const create = (body: unknown = { title: 'Seed pair', versions: [{ label: 'EN', lang: 'en', text: SEED_EN }, { label: 'TR', lang: 'tr', text: SEED_TR }] }) =>
    call(app, 'POST', '/api/comparisons', { body })
  const small = async () => {
    const res = await create({
      title: 'Small',
      versions: [
        { lang: 'en', text: 'The river is wide. Ten boats crossed it. Nobody saw them.' },
        { lang: 'tr', text: 'Nehir geniş. On tekne geçti. Kimse görmedi.' },
      ],
    })
    expect(res.status).toBe(201)
    return res.body as { id: string; ownerKey: string }
  }

  beforeAll(async () => {
    if (backend.skip) return
    db = await backend.open()
    app = createApp({ store: db.store, limits: LIMITS, rateLimit: false, log: (_m, err) => logged.push(err) })
    seedPair = await create()
  })
  afterAll(async () => db?.close())
  const run = backend.skip ? it.skip : it

  run('answers health and serves an OpenAPI document naming every route', async () => {
    const health = await call(app, 'GET', '/api/health')
    expect([health.status, health.body.status, health.body.database]).toEqual([200, 'ok', backend.name])
    const doc = await call(app, 'GET', '/api/openapi.json')
    expect(doc.status).toBe(200)
    expect(Object.keys(doc.body.paths).sort()).toEqual([
      '/annotations/{id}',
      '/comparisons',
      '/comparisons/{id}',
      '/comparisons/{id}/access',
      '/comparisons/{id}/alignment',
      '/comparisons/{id}/annotations',
      '/comparisons/{id}/events',
      '/comparisons/{id}/export',
      '/comparisons/{id}/keys',
      '/comparisons/{id}/keys/{keyId}',
      '/comparisons/{id}/rows',
      '/health',
      '/progress/{token}',
    ])
    expect(Object.keys(doc.body.paths['/comparisons/{id}/alignment'])).toEqual(['get', 'put'])
    expect(doc.body.components.securitySchemes.bearerAuth.scheme).toBe('bearer')
  })

  run('creates a comparison with its alignment and owner key, reads and lists it', async () => {
    expect(seedPair.status).toBe(201)
    const { id, ownerKey, versions, summary, revision } = seedPair.body
    expect(ownerKey).toMatch(/^plx_[0-9a-f]{12}_[\w-]{43}$/)
    expect(seedPair.headers.get('location')).toBe(`/api/comparisons/${id}`)
    expect(versions.map((v: { label: string; lang: string; dir: string }) => `${v.label}/${v.lang}/${v.dir}`)).toEqual(['EN/en/ltr', 'TR/tr/ltr'])
    expect([revision, summary.beads > 5]).toEqual([1, true])

    const read = await call(app, 'GET', `/api/comparisons/${id}`)
    expect(read.status).toBe(200)
    expect(read.body.versions[1].text).toBe(SEED_TR)
    expect(read.body).not.toHaveProperty('ownerKey')
    const withAlignment = await call(app, 'GET', `/api/comparisons/${id}?include=alignment`)
    expect(withAlignment.body.alignment.beads.length).toBe(summary.beads)

    const list = await call(app, 'GET', '/api/comparisons?limit=200')
    const item = list.body.comparisons.find((c: { id: string }) => c.id === id)
    expect(item.versions[0]).toEqual({ label: 'EN', lang: 'en', dir: 'ltr', length: SEED_EN.length })
    expect(item.counts).toEqual(summary.counts)
    expect(list.body.total).toBeGreaterThanOrEqual(1)
  })

  run('detects languages that are not given and canonicalises those that are', async () => {
    const res = await create({ versions: [{ text: SEED_EN }, { lang: 'TR', text: SEED_TR }] })
    expect(res.body.versions.map((v: { lang: string; label: string }) => `${v.lang}:${v.label}`)).toEqual(['en:English', 'tr:Turkish'])
    expect(res.body.title).toBe("As Taliban 'Seizes' Key Crossing With Iran, Moscow Says Group Controls 2/3 of Afghan-Tajik Border")
  })

  run('creates from uploaded .txt files', async () => {
    const form = new FormData()
    form.append('title', 'Uploaded')
    form.append('file', new File([SEED_EN], 'english.txt', { type: 'text/plain' }))
    form.append('file', new File([SEED_TR], 'turkish.txt', { type: 'text/plain' }))
    form.append('lang', 'en')
    form.append('lang', '')
    const res = await call(app, 'POST', '/api/comparisons', { body: form })
    expect(res.status).toBe(201)
    expect(res.body.versions.map((v: { label: string; lang: string }) => `${v.label}:${v.lang}`)).toEqual(['english:en', 'turkish:tr'])
  })

  run('aligns a third version with the source too, with no change to the resource', async () => {
    const res = await create({
      title: 'Three',
      versions: [
        { lang: 'en', text: 'The river is wide. Ten boats crossed it.' },
        { lang: 'tr', text: 'Nehir geniş. On tekne geçti.' },
        { lang: 'de', text: 'Der Fluss ist breit. Zehn Boote überquerten ihn.' },
      ],
    })
    expect(res.body.alignments.map((a: { version: number }) => a.version)).toEqual([1, 2])
    const { id, ownerKey } = res.body
    const third = await call(app, 'GET', `/api/comparisons/${id}/alignment?version=2`)
    expect([third.body.version, third.body.tgt.lang, renderBeads(third.body.beads)]).toEqual([2, 'de', '0:0 1:1'])
    const ann = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { side: 'tgt', start: 0, end: 3 }, tag: 'name', version: 2 } })
    expect([ann.status, ann.body.version]).toEqual([201, 2])
    const tmx = await (await app.request(`/api/comparisons/${id}/export?format=tmx&version=2`)).text()
    expect(parseTmx(tmx)).toMatchObject({ srcLang: 'en', tgtLang: 'de' })
  })

  run('stores the alignment once and serves it with its revision as ETag', async () => {
    const { id } = seedPair.body
    const a = await call(app, 'GET', `/api/comparisons/${id}/alignment`)
    expect(a.status).toBe(200)
    expect([a.body.revision, a.body.version, a.headers.get('etag')]).toEqual([1, 1, '"r1"'])
    const src = a.body.beads.flatMap((b: { src: number[] }) => b.src)
    expect(src).toEqual(a.body.src.sentences.map((_: unknown, i: number) => i))
    const again = await app.request(`/api/comparisons/${id}/alignment`, { headers: { 'if-none-match': '"r1"' } })
    expect(again.status).toBe(304)
  })

  run('applies corrections, marks them manual, and refuses a stale revision with 409', async () => {
    const { id, ownerKey } = await small()
    const before = (await call(app, 'GET', `/api/comparisons/${id}/alignment`)).body
    expect(renderBeads(before.beads)).toBe('0:0 1:1 2:2')

    const merged = await call(app, 'PUT', `/api/comparisons/${id}/alignment`, {
      key: ownerKey,
      body: { revision: 1, operations: [{ op: 'merge', bead: 1 }] },
    })
    expect(merged.status).toBe(200)
    expect([renderBeads(merged.body.beads), merged.body.revision, merged.headers.get('etag')]).toEqual(['0:0 1-2:1-2*', 2, '"r2"'])

    const stale = await call(app, 'PUT', `/api/comparisons/${id}/alignment`, {
      key: ownerKey,
      body: { revision: 1, operations: [{ op: 'unlink', bead: 0 }] },
    })
    expect([errorOf(stale), stale.body.error.revision]).toEqual(['409 conflict', 2])
    expect(stale.body.error.message).toMatch(/Someone else corrected this alignment/)

    const viaHeader = await call(app, 'PUT', `/api/comparisons/${id}/alignment`, {
      key: ownerKey,
      headers: { 'if-match': '"r2"' },
      body: { beads: [{ src: [0], tgt: [0] }, { src: [1], tgt: [1] }, { src: [2], tgt: [2] }] },
    })
    expect([viaHeader.status, renderBeads(viaHeader.body.beads), viaHeader.body.revision]).toEqual([200, '0:0 1:1* 2:2*', 3])
    const stored = await call(app, 'GET', `/api/comparisons/${id}/alignment`)
    expect(renderBeads(stored.body.beads)).toBe('0:0 1:1* 2:2*')
  })

  run('lets exactly one of two simultaneous corrections through', async () => {
    const { id, ownerKey } = await small()
    const put = (op: object) => call(app, 'PUT', `/api/comparisons/${id}/alignment`, { key: ownerKey, body: { revision: 1, operations: [op] } })
    const results = await Promise.all([put({ op: 'merge', bead: 0 }), put({ op: 'merge', bead: 1 })])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await call(app, 'GET', `/api/comparisons/${id}/alignment`)).body.revision).toBe(2)
  })

  run('keeps annotations on beads and spans, filters, edits and deletes them', async () => {
    const { id, ownerKey } = await small()
    const post = (body: object) => call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body })
    const a = await post({ target: { bead: 2 }, tag: 'omission', note: 'missing "them"', author: 'Ana' })
    expect(a.status).toBe(201)
    expect(a.body).toMatchObject({ target: { bead: 2 }, tag: 'omission', taxonomy: true, tags: [], author: 'Ana', version: 1 })
    expect(a.headers.get('location')).toBe(`/api/annotations/${a.body.id}`)
    const b = await post({ target: { side: 'tgt', start: 0, end: 5 }, tag: 'lexical-choice', tags: ['style'], note: '' })
    expect(b.body).toMatchObject({ taxonomy: false, tags: ['style'], target: { side: 'tgt', start: 0, end: 5 } })
    await post({ target: { bead: 0 }, tag: 'number', author: 'Bo' })

    const list = async (q = '') => (await call(app, 'GET', `/api/comparisons/${id}/annotations${q}`)).body.annotations.map((x: { tag: string }) => x.tag).join(' ')
    expect(await list()).toBe('omission lexical-choice number')
    expect(await list('?author=Ana')).toBe('omission')
    expect(await list('?tag=style')).toBe('lexical-choice')
    expect(await list('?bead=0')).toBe('number')

    const patched = await call(app, 'PATCH', `/api/annotations/${a.body.id}`, { key: ownerKey, body: { note: 'changed', tag: 'modulation' } })
    expect([patched.status, patched.body.note, patched.body.tag, patched.body.author]).toEqual([200, 'changed', 'modulation', 'Ana'])
    expect(patched.body.updatedAt >= patched.body.createdAt).toBe(true)

    // The bead annotation follows its sentences when the alignment changes.
    await call(app, 'PUT', `/api/comparisons/${id}/alignment`, { key: ownerKey, body: { revision: 1, operations: [{ op: 'merge', bead: 0 }] } })
    expect(await list('?bead=1')).toBe('modulation')

    expect((await call(app, 'DELETE', `/api/annotations/${a.body.id}`, { key: ownerKey })).status).toBe(204)
    expect(await list()).toBe('lexical-choice number')
  })

  run('lets participants annotate and edit only their own annotations, until revoked', async () => {
    const { id, ownerKey } = await small()
    const issued = await call(app, 'POST', `/api/comparisons/${id}/keys`, { key: ownerKey, body: { label: 'Student 7' } })
    expect([issued.status, issued.body.role, issued.body.label]).toEqual([201, 'participant', 'Student 7'])
    const student = issued.body.key as string
    expect((await call(app, 'GET', `/api/comparisons/${id}/access`, { key: student })).body).toEqual({ keyId: issued.body.id, role: 'participant', label: 'Student 7' })

    const mine = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: student, body: { target: { bead: 0 }, tag: 'name' } })
    expect([mine.status, mine.body.author, mine.body.keyId]).toEqual([201, 'Student 7', issued.body.id])
    const owners = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 1 }, tag: 'other' } })

    expect((await call(app, 'PATCH', `/api/annotations/${mine.body.id}`, { key: student, body: { note: 'mine' } })).status).toBe(200)
    expect(errorOf(await call(app, 'PATCH', `/api/annotations/${owners.body.id}`, { key: student, body: { note: 'x' } }))).toBe('403 forbidden')
    expect(errorOf(await call(app, 'DELETE', `/api/annotations/${owners.body.id}`, { key: student }))).toBe('403 forbidden')
    expect((await call(app, 'PATCH', `/api/annotations/${mine.body.id}`, { key: ownerKey, body: { note: 'owner may' } })).status).toBe(200)
    expect(errorOf(await call(app, 'DELETE', `/api/comparisons/${id}`, { key: student }))).toBe('403 forbidden')
    expect(errorOf(await call(app, 'POST', `/api/comparisons/${id}/keys`, { key: student, body: {} }))).toBe('403 forbidden')

    const keys = await call(app, 'GET', `/api/comparisons/${id}/keys`, { key: ownerKey })
    expect(keys.body.keys.map((k: { role: string; label: string }) => `${k.role}:${k.label}`)).toEqual(['owner:owner', 'participant:Student 7'])
    expect(JSON.stringify(keys.body)).not.toMatch(/plx_|secret|hash/i)

    const revoked = await call(app, 'DELETE', `/api/comparisons/${id}/keys/${issued.body.id}`, { key: ownerKey })
    expect([revoked.status, typeof revoked.body.revokedAt]).toEqual([200, 'string'])
    expect(errorOf(await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: student, body: { target: { bead: 0 }, tag: 'x' } }))).toBe('401 key_revoked')
    // The revoked student's annotation stays.
    expect((await call(app, 'GET', `/api/comparisons/${id}/annotations`)).body.annotations).toHaveLength(2)
  })

  run('refuses writes without a valid key of that comparison', async () => {
    const { id } = await small()
    const other = await small()
    const body = { target: { bead: 0 }, tag: 'x' }
    const res = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { body })
    expect([errorOf(res), res.headers.get('www-authenticate')]).toEqual(['401 unauthorized', 'Bearer realm="parallax"'])
    expect(errorOf(await call(app, 'POST', `/api/comparisons/${id}/annotations`, { body, key: other.ownerKey }))).toBe('401 invalid_key')
    expect(errorOf(await call(app, 'POST', `/api/comparisons/${id}/annotations`, { body, key: 'plx_000000000000_' + 'a'.repeat(43) }))).toBe('401 invalid_key')
    expect(errorOf(await call(app, 'POST', `/api/comparisons/${id}/annotations`, { body, headers: { authorization: 'Basic abc' } }))).toBe('401 unauthorized')
    const tampered = other.ownerKey.slice(0, -1) + (other.ownerKey.endsWith('A') ? 'B' : 'A')
    expect(errorOf(await call(app, 'DELETE', `/api/comparisons/${other.id}`, { key: tampered }))).toBe('401 invalid_key')
    expect(errorOf(await call(app, 'PUT', `/api/comparisons/${id}/alignment`, { body: { revision: 1, operations: [] } }))).toBe('401 unauthorized')
    expect(errorOf(await call(app, 'GET', `/api/comparisons/${id}/access`))).toBe('401 unauthorized')
  })

  run('keeps the last owner key and deletes a comparison with everything in it', async () => {
    const { id, ownerKey } = await small()
    const owners = await call(app, 'GET', `/api/comparisons/${id}/keys`, { key: ownerKey })
    expect(errorOf(await call(app, 'DELETE', `/api/comparisons/${id}/keys/${owners.body.keys[0].id}`, { key: ownerKey }))).toBe('409 last_owner_key')
    const ann = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'x' } })
    expect((await call(app, 'DELETE', `/api/comparisons/${id}`, { key: ownerKey })).status).toBe(204)
    expect(errorOf(await call(app, 'GET', `/api/comparisons/${id}`))).toBe('404 not_found')
    expect(errorOf(await call(app, 'GET', `/api/comparisons/${id}/alignment`))).toBe('404 not_found')
    expect(errorOf(await call(app, 'PATCH', `/api/annotations/${ann.body.id}`, { key: ownerKey, body: { note: 'x' } }))).toBe('404 not_found')
  })

  run('exports TMX, TSV, JSON and HTML with their types and file names', async () => {
    const { id, ownerKey } = seedPair.body
    await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'omission', note: '<b>dropped</b>' } })
    const get = (format: string) => app.request(`/api/comparisons/${id}/export?format=${format}`)
    const expected = {
      tmx: 'application/x-tmx+xml; charset=utf-8',
      tsv: 'text/tab-separated-values; charset=utf-8',
      json: 'application/json; charset=utf-8',
      html: 'text/html; charset=utf-8',
    }
    for (const [format, type] of Object.entries(expected)) {
      const res = await get(format)
      expect([res.status, res.headers.get('content-type')]).toEqual([200, type])
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="seed-pair.${format}"; filename*=UTF-8''Seed%20pair.${format}`)
      const text = await res.text()
      if (format === 'tmx') expect(parseTmx(text).pairs.length).toBe(seedPair.body.summary.beads)
      if (format === 'json') expect(JSON.parse(text)).toMatchObject({ format: 'parallax-export', comparison: { id }, alignment: { revision: 1 } })
      if (format === 'html') {
        expect(text).toContain('&lt;b&gt;dropped&lt;/b&gt;')
        expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
      }
    }
  })

  run('round-trips the seed pair through its TSV and TMX exports', async () => {
    const { id } = seedPair.body
    const pairsOf = async (cid: string) => {
      const tsv = await (await app.request(`/api/comparisons/${cid}/export?format=tsv`)).text()
      return tsv.split('\n').slice(1, -1).map((l) => l.split('\t').slice(1, 3).join(' ‖ '))
    }
    const original = await pairsOf(id)
    expect(original.length).toBe(seedPair.body.summary.beads)
    for (const format of ['tsv', 'tmx']) {
      const content = await (await app.request(`/api/comparisons/${id}/export?format=${format}`)).text()
      const imported = await create({ title: `Imported ${format}`, import: { format, content } })
      expect(imported.status).toBe(201)
      expect(imported.body.versions.map((v: { lang: string }) => v.lang)).toEqual(['en', 'tr'])
      expect(await pairsOf(imported.body.id)).toEqual(original)
    }
    // The same through a multipart upload of the file.
    const form = new FormData()
    form.append('file', new File([await (await app.request(`/api/comparisons/${id}/export?format=tmx`)).text()], 'seed.tmx'))
    const uploaded = await call(app, 'POST', '/api/comparisons', { body: form })
    expect([uploaded.status, uploaded.body.title]).toEqual([201, 'Seed pair'])
    expect(await pairsOf(uploaded.body.id)).toEqual(original)
  })

  run('keeps the annotations of a TMX export when it is imported again', async () => {
    const seed = await create()
    const { id, ownerKey } = seed.body
    const marker = SEED_EN.indexOf('Taliban*')
    const written = [
      { target: { bead: 0 }, tag: 'omission', tags: ['headline'], note: 'The headline is not translated.', author: 'Ayşe' },
      { target: { side: 'src', start: marker, end: marker + 'Taliban*'.length }, tag: 'annotation-marker', note: 'Russia’s label: "banned" <b>&</b>' },
      { target: { bead: 5 }, tag: 'word order', tags: ['syntax', 'voice'], note: 'Passive turned active (see 3)', author: 'Öğretmen' },
    ]
    for (const body of written) expect((await call(app, 'POST', `/api/comparisons/${id}/annotations`, { body, key: ownerKey })).status).toBe(201)
    const tmx = await (await app.request(`/api/comparisons/${id}/export?format=tmx`)).text()
    const imported = await create({ import: { format: 'tmx', content: tmx } })
    expect(imported.status).toBe(201)

    /** Each annotation as `tag [tags] note (author) @ what it marks`, from a comparison's own texts and pairs. */
    const described = async (cid: string) => {
      const [c, alignment, list] = await Promise.all(
        [`/api/comparisons/${cid}`, `/api/comparisons/${cid}/alignment`, `/api/comparisons/${cid}/annotations`].map((p) => call(app, 'GET', p)),
      )
      const texts = c.body.versions.map((v: { text: string }) => v.text)
      const sentences = (side: 'src' | 'tgt', idx: number[]) => idx.map((i) => alignment.body[side].sentences[i].text).join(' ')
      return list.body.annotations.map((a: { tag: string; tags: string[]; note: string; author: string; target: { bead?: number; side?: 'src' | 'tgt'; start: number; end: number } }) => {
        const t = a.target
        const where =
          t.bead !== undefined
            ? `${sentences('src', alignment.body.beads[t.bead].src)} ‖ ${sentences('tgt', alignment.body.beads[t.bead].tgt)}`
            : `${t.side}: ${texts[t.side === 'src' ? 0 : 1].slice(t.start, t.end)}`
        return `${a.tag} [${a.tags.join(', ')}] ${a.note} (${a.author}) @ ${where.replace(/\s+/g, ' ')}`
      })
    }
    const before = await described(id)
    expect(before).toHaveLength(3)
    expect(await described(imported.body.id)).toEqual(before)
    expect(before[1]).toBe('annotation-marker [] Russia’s label: "banned" <b>&</b> () @ src: Taliban*')
    // Written with the new comparison's owner key: its owner may change them.
    const [first] = (await call(app, 'GET', `/api/comparisons/${imported.body.id}/annotations`)).body.annotations
    expect(first.keyId).toBe(imported.body.ownerKeyId)
    const patched = await call(app, 'PATCH', `/api/annotations/${first.id}`, { body: { note: 'Changed.' }, key: imported.body.ownerKey })
    expect(patched.status).toBe(200)
  })

  run('answers bad input to every route with a 4xx and a JSON error', async () => {
    const { id, ownerKey } = await small()
    const bad = (method: string, path: string, options = {}) => call(app, method, path, options).then(errorOf)
    const two = (a: object, b: object = { lang: 'tr', text: 'Bir.' }) => ({ versions: [{ lang: 'en', text: 'One.', ...a }, b] })
    const big = 'a'.repeat(LIMITS.versionBytes + 1)
    // POST /comparisons
    expect(await bad('POST', '/api/comparisons', { body: 'x', headers: { 'content-type': 'text/plain' } })).toBe('415 unsupported_media_type')
    expect(await bad('POST', '/api/comparisons', { body: '{"title":', headers: { 'content-type': 'application/json' } })).toBe('400 invalid_json')
    expect(await bad('POST', '/api/comparisons', { body: { versions: [{ text: 'only one' }] } })).toBe('400 invalid_request')
    expect(await bad('POST', '/api/comparisons', { body: { versions: 'nope' } })).toBe('400 invalid_request')
    expect(await bad('POST', '/api/comparisons', { body: two({ lang: 'xx' }) })).toBe('400 invalid_language')
    expect(await bad('POST', '/api/comparisons', { body: two({ text: '   ' }) })).toBe('400 empty_text')
    expect(await bad('POST', '/api/comparisons', { body: two({ text: 'a\u0000b' }) })).toBe('400 invalid_request')
    expect(await bad('POST', '/api/comparisons', { body: two({ text: big.slice(0, LIMITS.versionBytes - 1) + 'ü' }) })).toBe('413 version_too_large')
    expect(await bad('POST', '/api/comparisons', { body: two({ text: big + big + big + big }) })).toBe('413 payload_too_large')
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"versions":[{"text":"caf'), 0xe9, ...new TextEncoder().encode('"},{"text":"b"}]}')])
    expect(await bad('POST', '/api/comparisons', { body: latin1, headers: { 'content-type': 'application/json' } })).toBe('400 invalid_encoding')
    const binary = new FormData()
    binary.append('file', new File([new Uint8Array([0xff, 0xfe, 0x00, 0x81])], 'a.txt'))
    binary.append('file', new File(['fine'], 'b.txt'))
    expect(await bad('POST', '/api/comparisons', { body: binary })).toBe('400 invalid_encoding')
    const bigFile = new FormData()
    bigFile.append('file', new File([big], 'a.txt'))
    bigFile.append('file', new File(['fine'], 'b.txt'))
    expect(await bad('POST', '/api/comparisons', { body: bigFile })).toBe('413 version_too_large')
    expect(await bad('POST', '/api/comparisons', { body: { import: { format: 'tmx', content: '<tmx><body>' } } })).toBe('400 invalid_import')
    expect(await bad('POST', '/api/comparisons', { body: { import: { format: 'tsv', content: 'no tab' } } })).toBe('400 invalid_import')
    expect(await bad('POST', '/api/comparisons', { body: { ...two({}), import: { format: 'tsv', content: 'a\tb' } } })).toBe('400 invalid_request')
    // GET /comparisons, GET|DELETE /comparisons/:id
    expect(await bad('GET', '/api/comparisons?limit=0')).toBe('400 invalid_request')
    expect(await bad('GET', '/api/comparisons?order=sideways')).toBe('400 invalid_request')
    expect(await bad('GET', '/api/comparisons/nope')).toBe('404 not_found')
    expect(await bad('GET', `/api/comparisons/${id}?include=everything`)).toBe('400 invalid_request')
    expect(await bad('DELETE', '/api/comparisons/nope', { key: ownerKey })).toBe('404 not_found')
    // GET|PUT alignment
    expect(await bad('GET', '/api/comparisons/nope/alignment')).toBe('404 not_found')
    expect(await bad('GET', `/api/comparisons/${id}/alignment?version=2`)).toBe('404 not_found')
    expect(await bad('GET', `/api/comparisons/${id}/alignment?version=abc`)).toBe('400 invalid_request')
    const put = (body: unknown, headers = {}) => bad('PUT', `/api/comparisons/${id}/alignment`, { key: ownerKey, body, headers })
    expect(await put({ operations: [{ op: 'merge', bead: 0 }] })).toBe('428 precondition_required')
    expect(await put({ revision: 1 })).toBe('400 invalid_request')
    expect(await put({ revision: 1, beads: [], operations: [] })).toBe('400 invalid_request')
    expect(await put({ revision: 1, operations: [{ op: 'explode' }] })).toBe('400 invalid_request')
    expect(await put({ revision: 1, operations: [{ op: 'merge', bead: 7 }] })).toBe('400 invalid_alignment')
    expect(await put({ revision: 1, beads: [{ src: [0], tgt: [0] }] })).toBe('400 invalid_alignment')
    expect(await put({ revision: 1, operations: [] }, { 'if-match': 'yesterday' })).toBe('400 invalid_request')
    expect(await put({ revision: 1, operations: [] }, { 'if-match': '"r2"' })).toBe('400 invalid_request')
    expect(await put('[', { 'content-type': 'application/json' })).toBe('400 bad_request')
    expect(await bad('PUT', '/api/comparisons/nope/alignment', { key: ownerKey, body: { revision: 1, operations: [] } })).toBe('404 not_found')
    // GET|POST annotations
    const ann = (body: unknown) => bad('POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body })
    expect(await ann({ target: { bead: 99 }, tag: 'omission' })).toBe('400 invalid_target')
    expect(await ann({ target: { side: 'src', start: 0, end: 9999 }, tag: 'omission' })).toBe('400 invalid_target')
    expect(await ann({ target: { side: 'src', start: 5, end: 5 }, tag: 'omission' })).toBe('400 invalid_target')
    expect(await ann({ target: { side: 'middle', start: 0, end: 1 }, tag: 'omission' })).toBe('400 invalid_request')
    expect(await ann({ target: { bead: 0 } })).toBe('400 invalid_request')
    expect(await ann({ target: { bead: 0 }, tag: '  ' })).toBe('400 invalid_request')
    expect(await ann({ target: { bead: 0 }, tag: 'x', note: 'n'.repeat(5000) })).toBe('413 payload_too_large')
    expect(await ann({ target: { bead: 0 }, tag: 'x', version: 3 })).toBe('404 not_found')
    expect(await bad('POST', '/api/comparisons/nope/annotations', { key: ownerKey, body: { target: { bead: 0 }, tag: 'x' } })).toBe('404 not_found')
    expect(await bad('GET', '/api/comparisons/nope/annotations')).toBe('404 not_found')
    expect(await bad('GET', `/api/comparisons/${id}/annotations?bead=-1`)).toBe('400 invalid_request')
    // PATCH|DELETE annotations
    const made = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'x' } })
    expect(await bad('PATCH', `/api/annotations/${made.body.id}`, { key: ownerKey, body: {} })).toBe('400 invalid_request')
    expect(await bad('PATCH', `/api/annotations/${made.body.id}`, { key: ownerKey, body: { target: { bead: 42 } } })).toBe('400 invalid_target')
    expect(await bad('PATCH', `/api/annotations/${made.body.id}`, { key: ownerKey, body: { tags: 'x' } })).toBe('400 invalid_request')
    expect(await bad('PATCH', '/api/annotations/nope', { key: ownerKey, body: { note: 'x' } })).toBe('404 not_found')
    expect(await bad('DELETE', '/api/annotations/nope', { key: ownerKey })).toBe('404 not_found')
    // export
    expect(await bad('GET', `/api/comparisons/${id}/export`)).toBe('400 invalid_request')
    expect(await bad('GET', `/api/comparisons/${id}/export?format=pdf`)).toBe('400 invalid_request')
    expect(await bad('GET', '/api/comparisons/nope/export?format=tmx')).toBe('404 not_found')
    // keys
    expect(await bad('POST', `/api/comparisons/${id}/keys`, { key: ownerKey, body: { label: 7 } })).toBe('400 invalid_request')
    expect(await bad('DELETE', `/api/comparisons/${id}/keys/nope`, { key: ownerKey })).toBe('404 not_found')
    expect(await bad('GET', '/api/comparisons/nope/keys', { key: ownerKey })).toBe('404 not_found')
    // unknown routes
    expect(await bad('GET', '/api/nothing-here')).toBe('404 not_found')
  })

  run('puts security headers on every answer, errors included', async () => {
    for (const path of ['/api/health', '/api/comparisons/nope', '/api/nothing', '/api/openapi.json']) {
      const res = await app.request(path)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  run('answers an unexpected failure with a bare 500 and logs it', async () => {
    const broken = createApp({
      store: new Proxy(db.store, {
        get: (target, prop) => (prop === 'listComparisons' ? () => Promise.reject(new Error('disk on fire at /secret/path')) : Reflect.get(target, prop)),
      }),
      rateLimit: false,
      log: (_m, err) => logged.push(err),
    })
    const res = await call(broken, 'GET', '/api/comparisons')
    expect(errorOf(res)).toBe('500 internal')
    expect(res.text).not.toMatch(/fire|secret|at /)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(String(logged.at(-1))).toMatch(/disk on fire/)
  })

  run('limits writes per key and per address', async () => {
    const { id, ownerKey } = await small()
    const limited = createApp({ store: db.store, rateLimit: { burst: 3, perSecond: 0.01, sharedAddressFactor: 2 } })
    const post = (key: string) =>
      call(limited, 'POST', `/api/comparisons/${id}/annotations`, { key, body: { target: { bead: 0 }, tag: 'x' } })
    const statuses = [(await post(ownerKey)).status, (await post(ownerKey)).status, (await post(ownerKey)).status]
    const over = await post(ownerKey)
    expect([...statuses, over.status]).toEqual([201, 201, 201, 429])
    expect([over.body.error.code, over.body.error.message]).toEqual(['rate_limited', expect.stringMatching(/with this key/)])
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await call(limited, 'GET', `/api/comparisons/${id}/annotations`)).status).toBe(200)
    // Another key from the same address writes on, until the address's shared allowance (2 × 3) is spent.
    const student = (await call(app, 'POST', `/api/comparisons/${id}/keys`, { key: ownerKey, body: {} })).body.key
    expect([(await post(student)).status, (await post(student)).status, (await post(student)).status]).toEqual([201, 201, 201])
    // Writes without a key have the address's own allowance; an invented key is no key, and
    // its failed authentication is spent from that allowance.
    const invented = 'plx_0123456789ab_' + 'x'.repeat(43)
    expect((await post(invented)).status).toBe(401)
    const anonymous = () => call(limited, 'POST', '/api/comparisons', { body: {} })
    expect([(await anonymous()).status, (await anonymous()).status, (await anonymous()).status]).toEqual([400, 400, 429])
  })

  run('keeps all of 200 annotation writes from 20 concurrent clients, none twice', async () => {
    const { id, ownerKey } = await small()
    const keys = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(app, 'POST', `/api/comparisons/${id}/keys`, { key: ownerKey, body: { label: `client ${i}` } })),
    )
    const results = await Promise.all(
      keys.map(async (k, client) => {
        const statuses: number[] = []
        for (let j = 0; j < 10; j++) {
          const res = await call(app, 'POST', `/api/comparisons/${id}/annotations`, {
            key: k.body.key,
            body: { target: { bead: j % 3 }, tag: 'other', note: `client ${client} write ${j}` },
          })
          statuses.push(res.status)
        }
        return statuses
      }),
    )
    expect(results.flat().every((s) => s === 201)).toBe(true)
    const notes = (await call(app, 'GET', `/api/comparisons/${id}/annotations`)).body.annotations.map((a: { note: string }) => a.note)
    expect(notes).toHaveLength(200)
    expect(new Set(notes).size).toBe(200)
  })
})
