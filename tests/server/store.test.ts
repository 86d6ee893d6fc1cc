import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DivergenceReport } from '../../alignment/types.ts'
import { hashSecret } from '../../server/auth.ts'
import { migrate } from '../../server/store/migrate.ts'
import type { Store } from '../../server/store/store.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'

// A small hand-made report: 3 source, 2 target sentences, beads 0:0 1-2:1.
function report(beads = [{ src: [0], tgt: [0] }, { src: [1, 2], tgt: [1] }]): DivergenceReport {
  const sentences = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `s${i}`, start: i * 3, end: i * 3 + 2, paragraph: 0 }))
  const counts = { omission: 1 } as DivergenceReport['summary']['counts']
  return {
    src: { lang: 'en', sentences: sentences(3) },
    tgt: { lang: 'tr', sentences: sentences(2) },
    mode: 'translation',
    beads: beads.map((b) => ({ ...b, confidence: 0.9, findings: [] })),
    summary: { mode: 'translation', counts, coverage: { src: 1, tgt: 1 }, beads: beads.length },
  }
}

let n = 0
async function newComparison(store: Store) {
  const id = `c${++n}`
  await store.createComparison({
    id,
    title: `Comparison ${n}`,
    versions: [
      { label: 'English', lang: 'en', text: 's0 s1 s2' },
      { label: 'Turkish', lang: 'tr', text: 's0 s1' },
    ],
    reports: [report()],
    ownerKey: { id: `k${n}`, secretHash: hashSecret('x') },
  })
  return id
}

afterAll(closeTemplate)

describe.each(BACKENDS)('store on $name', (backend) => {
  let db: TestDb
  beforeEach(async (ctx) => {
    if (backend.skip) ctx.skip(backend.skip)
    db = await backend.open()
  })
  afterEach(async () => db?.close())

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrate(db.store.db)).toEqual([])
  })

  it('keeps a comparison with versions, alignment and key, and lists it with counts', async () => {
    const id = await newComparison(db.store)
    const c = await db.store.getComparison(id)
    expect(c?.versions.map((v) => `${v.label}/${v.lang}/${v.text}`)).toEqual(['English/en/s0 s1 s2', 'Turkish/tr/s0 s1'])
    const a = await db.store.getAlignment(id)
    expect([a?.revision, a?.report.beads.length]).toEqual([1, 2])
    const { items, total } = await db.store.listComparisons()
    expect(total).toBe(1)
    expect(items[0]).toMatchObject({ id, annotations: 0, revision: 1, summary: { counts: { omission: 1 } } })
    expect(items[0].versions).toEqual([
      { label: 'English', lang: 'en', length: 8 },
      { label: 'Turkish', lang: 'tr', length: 5 },
    ])
  })

  it('writes a comparison all or nothing', async () => {
    const id = await newComparison(db.store)
    // A second comparison with the same owner key id fails on its last insert: nothing of it stays.
    await expect(
      db.store.createComparison({
        id: 'dup',
        title: 'Half',
        versions: [
          { label: 'a', lang: 'en', text: 'a' },
          { label: 'b', lang: 'en', text: 'b' },
        ],
        reports: [report()],
        ownerKey: { id: `k${n}`, secretHash: 'x' },
      }),
    ).rejects.toThrow()
    expect(await db.store.getComparison('dup')).toBeNull()
    expect((await db.store.listComparisons()).items.map((c) => c.id)).toEqual([id])
  })

  it('lets exactly one of two writers of the same revision win', async () => {
    const id = await newComparison(db.store)
    const next = report([{ src: [0, 1, 2], tgt: [0, 1] }])
    const results = await Promise.all([
      db.store.updateAlignment(id, 1, 1, next),
      db.store.updateAlignment(id, 1, 1, next),
    ])
    expect(results.map((r) => (r.ok ? `ok ${r.alignment.revision}` : `${r.reason}`)).sort()).toEqual(['conflict', 'ok 2'])
    expect(await db.store.updateAlignment('nope', 1, 1, next)).toEqual({ ok: false, reason: 'missing' })
  })

  it('moves bead annotations with their sentences when the alignment changes', async () => {
    const id = await newComparison(db.store)
    const base = { comparisonId: id, version: 1, tag: 'omission', tags: [], note: '', author: '', keyId: null }
    const a = await db.store.createAnnotation('a1', { ...base, target: { bead: 1 }, anchor: { src: [1, 2], tgt: [1] } })
    const span = await db.store.createAnnotation('a2', { ...base, target: { side: 'tgt', start: 0, end: 2 } })
    // Split the first bead in two: what was bead 1 is now bead 2.
    await db.store.updateAlignment(id, 1, 1, report([{ src: [0], tgt: [] }, { src: [], tgt: [0] }, { src: [1, 2], tgt: [1] }]))
    expect((await db.store.getAnnotation(a.id))?.target).toEqual({ bead: 2 })
    expect((await db.store.getAnnotation(span.id))?.target).toEqual({ side: 'tgt', start: 0, end: 2 })
  })

  it('filters annotations and keeps their order', async () => {
    const id = await newComparison(db.store)
    const base = { comparisonId: id, version: 1, note: 'n', keyId: null, target: { bead: 0 }, anchor: { src: [0], tgt: [0] } }
    await db.store.createAnnotation('f1', { ...base, tag: 'omission', tags: ['quote'], author: 'ana' })
    await db.store.createAnnotation('f2', { ...base, tag: 'number', tags: [], author: 'bo', target: { bead: 1 } })
    await db.store.createAnnotation('f3', { ...base, tag: 'quote', tags: [], author: 'ana' })
    const ids = async (f: object) => (await db.store.listAnnotations(id, f)).map((a) => a.id).join(' ')
    expect(await ids({})).toBe('f1 f2 f3')
    expect(await ids({ tag: 'quote' })).toBe('f1 f3')
    expect(await ids({ author: 'ana' })).toBe('f1 f3')
    expect(await ids({ bead: 1 })).toBe('f2')
    const changed = await db.store.updateAnnotation('f2', { note: 'changed', tags: ['x'] })
    expect([changed?.note, changed?.tags, changed?.tag]).toEqual(['changed', ['x'], 'number'])
    expect(await db.store.deleteAnnotation('f2')).toBe(true)
    expect(await db.store.deleteAnnotation('f2')).toBe(false)
  })

  it('seeds once even when two starts race', async () => {
    const make = (id: string) => ({
      id,
      title: id,
      versions: [
        { label: 'a', lang: 'en', text: 's0 s1 s2' },
        { label: 'b', lang: 'tr', text: 's0 s1' },
      ],
      reports: [report()],
      ownerKey: { id: `key-${id}`, secretHash: 'x' },
    })
    const results = await Promise.all([db.store.createSeedComparisons([make('s1')]), db.store.createSeedComparisons([make('s2')])])
    expect(results.sort()).toEqual([false, true])
    expect(await db.store.countComparisons()).toBe(1)
    expect(await db.store.isSeeded()).toBe(true)
  })

  it('deletes a comparison with everything in it', async () => {
    const id = await newComparison(db.store)
    await db.store.createAnnotation('d1', {
      comparisonId: id, version: 1, tag: 't', tags: [], note: '', author: '', keyId: `k${n}`, target: { bead: 0 },
    })
    expect(await db.store.deleteComparison(id)).toBe(true)
    expect([await db.store.getComparison(id), await db.store.getAnnotation('d1'), await db.store.getKey(`k${n}`)]).toEqual([null, null, null])
    expect(await db.store.deleteComparison(id)).toBe(false)
  })
})
