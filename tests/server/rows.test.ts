import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { sharedRows } from '../../server/rows.ts'
import type { DivergenceReport } from '../../alignment/types.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf, SEED_EN, SEED_TR } from './helpers.ts'

/** `GET /api/comparisons/:id/rows`: every version in shared rows, against PGlite and PostgreSQL. */

afterAll(closeTemplate)

interface Row {
  pivot: number[]
  versions: number[][]
  beads: number[][]
  manual: boolean[]
  findings: Array<Array<{ kind: string; side: string; bead: number }>>
}

/** Rows in the compact notation of the engine's pivot test: `0|0|0 1,2|1|1,2 -|-|2`, `*` after a hand-set cell. */
const render = (rows: Row[]) =>
  rows.map((r) => [r.pivot.join(',') || '-', ...r.versions.map((v, k) => (v.join(',') || '-') + (r.manual[k] ? '*' : ''))].join('|')).join(' ')

const EN = ['The border at Panj closed on 9 July.', 'Trade with Iran stopped at Islam Qala.', 'Talks resume in Moscow on 12 July.']
const TR = ['Panj sınırı 9 Temmuz\'da kapandı.', 'İran ile ticaret Islam Qala\'da durdu.', 'Görüşmeler 12 Temmuz\'da Moskova\'da yeniden başlıyor.']
const AR = ['أغلقت الحدود عند بانج في 9 يوليو.', 'توقفت التجارة مع إيران عند إسلام قلعة.', 'تستأنف المحادثات في موسكو في 12 يوليو.']

describe.each(BACKENDS)('rows on $name', (backend) => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  const run = backend.skip ? it.skip : it

  beforeAll(async () => {
    if (backend.skip) return
    db = await backend.open()
    app = createApp({ store: db.store, rateLimit: false })
  })
  afterAll(async () => db?.close())

  const three = async () => {
    const res = await call(app, 'POST', '/api/comparisons', {
      body: {
        title: 'Three',
        presplit: true,
        versions: [
          { label: 'English', lang: 'en', text: EN.join('\n') },
          { label: 'Turkish', lang: 'tr', text: TR.join('\n') },
          { label: 'Arabic', lang: 'ar', text: AR.join('\n') },
        ],
      },
    })
    expect(res.status).toBe(201)
    return res.body as { id: string; ownerKey: string }
  }

  run('answers one column per version in shared rows, the source first', async () => {
    const { id } = await three()
    const res = await call(app, 'GET', `/api/comparisons/${id}/rows`)
    expect(res.status).toBe(200)
    expect(res.body.versions.map((v: { label: string; lang: string; dir: string; sentences: unknown[] }) => `${v.label}/${v.lang}/${v.dir}/${v.sentences.length}`)).toEqual([
      'English/en/ltr/3',
      'Turkish/tr/ltr/3',
      'Arabic/ar/rtl/3',
    ])
    expect(res.body.versions[2].sentences[1].text).toBe(AR[1])
    expect(render(res.body.rows)).toBe('0|0|0 1|1|1 2|2|2')
    expect(res.body.rows[1].beads).toEqual([[1], [1]])
    expect(res.body.alignments.map((a: { version: number; revision: number }) => `${a.version}@${a.revision}`)).toEqual(['1@1', '2@1'])
    expect(res.headers.get('etag')).toBe('"rows-1.1"')
  })

  run('shows corrections: a merge in one version joins the row for all, an addition gets a row of its own', async () => {
    const { id, ownerKey } = await three()
    // Arabic: source sentences 1 and 2 as one bead with Arabic 1; Arabic 2 left without counterpart.
    const put = await call(app, 'PUT', '/api/comparisons/' + id + '/alignment?version=2', {
      key: ownerKey,
      body: { revision: 1, beads: [{ src: [0], tgt: [0] }, { src: [1, 2], tgt: [1] }, { src: [], tgt: [2] }] },
    })
    expect(put.status).toBe(200)
    const res = await call(app, 'GET', `/api/comparisons/${id}/rows`)
    expect(render(res.body.rows)).toBe('0|0|0 1,2|1,2|1* -|-|2*')
    // Each finding sits in the row of its bead, in the column of its version.
    const addition = res.body.rows[2].findings[1].find((f: { kind: string }) => f.kind === 'addition')
    expect([addition?.side, addition?.bead, res.body.rows[2].findings[0].length]).toEqual(['tgt', 2, 0])
    expect(res.body.rows[1].beads).toEqual([[1, 2], [1]])
    expect(res.headers.get('etag')).toBe('"rows-1.2"')
    // A conditional read names the revisions of every alignment.
    const again = await app.request(`/api/comparisons/${id}/rows`, { headers: { 'if-none-match': 'W/"rows-1.2"' } })
    expect(again.status).toBe(304)
    const stale = await app.request(`/api/comparisons/${id}/rows`, { headers: { 'if-none-match': '"rows-1.1"' } })
    expect(stale.status).toBe(200)
  })

  run('answers a two-version comparison with one row per bead', async () => {
    const created = await call(app, 'POST', '/api/comparisons', {
      body: { versions: [{ lang: 'en', text: SEED_EN }, { lang: 'tr', text: SEED_TR }] },
    })
    const { id } = created.body
    const [rows, alignment] = await Promise.all([call(app, 'GET', `/api/comparisons/${id}/rows`), call(app, 'GET', `/api/comparisons/${id}/alignment`)])
    expect([rows.status, rows.body.versions.length, rows.body.rows.length]).toEqual([200, 2, alignment.body.beads.length])
    const beads = rows.body.rows.flatMap((r: Row) => r.beads[0]).sort((a: number, b: number) => a - b)
    expect(beads).toEqual(alignment.body.beads.map((_: unknown, i: number) => i))
    const findings = (list: Array<{ findings: unknown[] }>) => list.reduce((n, x) => n + x.findings.length, 0)
    expect(rows.body.rows.reduce((n: number, r: Row) => n + r.findings[0].length, 0)).toBe(findings(alignment.body.beads))
  })

  run('answers 404 for an unknown comparison and 400 for a malformed id', async () => {
    expect(errorOf(await call(app, 'GET', '/api/comparisons/nope/rows'))).toBe('404 not_found')
    expect(errorOf(await call(app, 'GET', `/api/comparisons/${'x'.repeat(65)}/rows`))).toBe('400 invalid_request')
    expect((await app.request('/api/comparisons/nope/rows', { headers: { 'if-none-match': '*' } })).status).toBe(404)
  })
})

describe('sharedRows', () => {
  const report = (src: number, tgt: number, beads: Array<[number[], number[]]>): DivergenceReport => {
    const sentences = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `s${i}`, start: i * 3, end: i * 3 + 2, paragraph: i }))
    return {
      src: { lang: 'en', sentences: sentences(src) },
      tgt: { lang: 'tr', sentences: sentences(tgt) },
      mode: 'translation',
      beads: beads.map(([s, t]) => ({ src: s, tgt: t, confidence: 1, findings: [] })),
      summary: { mode: 'translation', counts: {} as DivergenceReport['summary']['counts'], coverage: { src: 1, tgt: 1 }, beads: beads.length },
    }
  }

  it('refuses alignments that split the source differently', () => {
    const a = report(2, 2, [[[0], [0]], [[1], [1]]])
    const b = report(3, 1, [[[0, 1, 2], [0]]])
    expect(() => sharedRows([a, b])).toThrow(/splits the source into other sentences/)
  })

  it('refuses a bead naming a sentence that does not exist', () => {
    expect(() => sharedRows([report(1, 1, [[[0], [0]], [[], [5]]])])).toThrow(/bead 1 of version 1/)
  })
})
