import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROGRESS_INTERVAL_MS, workerAnalyzer, type AnalysisProgress, type Analyzer } from '../../server/analysis.ts'
import { createApp } from '../../server/app.ts'
import { percentOf, PROGRESS_STAGES, ProgressBoard, type Progress } from '../../server/progress.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf, SEED_EN, SEED_TR } from './helpers.ts'

/** The seed pair `copies` times over, numbers shifted per copy so that the copies differ. */
const large = (copies: number) => {
  const many = (t: string) => Array.from({ length: copies }, (_, i) => t.replace(/\d+/g, (d) => String(+d + i))).join('\n\n')
  return { title: 'Large', mode: 'translation', versions: [{ lang: 'en', text: many(SEED_EN) }, { lang: 'tr', text: many(SEED_TR) }] }
}

const TOKEN = 'progress-test-0001'
const at = (stage: AnalysisProgress['stage'], done: number, total: number, version = 1, versions = 1): AnalysisProgress => ({
  stage,
  done,
  total,
  version,
  versions,
})

describe('progress board', () => {
  it('reads an unknown token as pending and follows a create through its stages', () => {
    const board = new ProgressBoard()
    expect(board.get(TOKEN)).toMatchObject({ stage: 'pending', percent: 0 })
    const t = board.track(TOKEN)!
    const seen: string[] = []
    const look = () => {
      const p = board.get(TOKEN)
      seen.push(`${p.stage} ${p.percent}`)
    }
    look()
    t.analysis({ ...at('queued', 0, 0, 0, 0), ahead: 2 })
    expect(board.get(TOKEN).ahead).toBe(2)
    t.analysis(at('segmenting', 0, 0, 1, 2))
    look()
    t.analysis(at('aligning', 50, 100, 1, 2))
    look()
    t.analysis(at('comparing', 100, 100, 1, 2))
    look()
    t.analysis(at('aligning', 10, 200, 2, 2))
    look()
    t.stage('saving')
    look()
    t.done('abc')
    look()
    expect(seen).toEqual(['receiving 0', 'segmenting 0', 'aligning 25', 'comparing 50', 'aligning 52.5', 'saving 100', 'done 100'])
    expect(board.get(TOKEN)).toMatchObject({ id: 'abc', done: 10, total: 200, version: 2, versions: 2 })
    expect(board.get(TOKEN).ahead).toBeUndefined()
  })

  it('never lets the percentage go back, and ignores reports after the end', () => {
    const board = new ProgressBoard()
    const t = board.track(TOKEN)!
    t.analysis(at('aligning', 80, 100))
    t.analysis(at('aligning', 1, 1000))
    expect(board.get(TOKEN).percent).toBe(80)
    t.failed('analysis_timeout')
    t.analysis(at('aligning', 90, 100))
    expect(board.get(TOKEN)).toMatchObject({ stage: 'failed', error: 'analysis_timeout', percent: 80 })
  })

  it('lets a running token belong to its first create only, and reuses a finished one', () => {
    const board = new ProgressBoard()
    const first = board.track(TOKEN)!
    expect(board.track(TOKEN)).toBeUndefined()
    first.done('x')
    const again = board.track(TOKEN)!
    expect(board.get(TOKEN).stage).toBe('receiving')
    first.stage('saving')
    expect(board.get(TOKEN).stage).toBe('receiving')
    again.stage('saving')
    expect(board.get(TOKEN).stage).toBe('saving')
  })

  it('forgets finished entries after their time, and the oldest beyond its size', () => {
    let now = 0
    const board = new ProgressBoard({ keepMs: 1000, maxEntries: 3, now: () => now })
    board.track('finished-token-0001')!.done('a')
    now = 500
    expect(board.get('finished-token-0001').stage).toBe('done')
    now = 1600
    expect(board.get('finished-token-0001').stage).toBe('pending')
    for (const n of [1, 2, 3, 4]) board.track(`running-token-000${n}`)
    expect(board.size).toBe(3)
    expect(['1', '4'].map((n) => board.get(`running-token-000${n}`).stage)).toEqual(['pending', 'receiving'])
  })

  it('weighs every version the same', () => {
    expect([at('segmenting', 0, 0, 1, 4), at('aligning', 1, 2, 2, 4), at('comparing', 0, 0, 4, 4), at('queued', 0, 0, 0, 0)].map(percentOf)).toEqual([
      0, 37.5, 100, 0,
    ])
  })
})

describe('progress in the worker analyzer', () => {
  let analyzer: Analyzer
  afterAll(async () => analyzer?.close())

  it('reports queued calls, then increasing alignment units from the worker thread', async () => {
    analyzer = await workerAnalyzer()
    const { versions } = large(12)
    const first: AnalysisProgress[] = []
    const second: AnalysisProgress[] = []
    const started = performance.now()
    const a = analyzer.compare(versions, { mode: 'translation', onProgress: (p) => first.push(p) })
    const b = analyzer.compare(versions.slice(0, 2), { mode: 'translation', onProgress: (p) => second.push(p) })
    await Promise.all([a, b])
    const elapsed = performance.now() - started
    // The worker was still starting: both waited, the second behind the first.
    expect(first[0]).toMatchObject({ stage: 'queued', ahead: 0 })
    expect(second.filter((p) => p.stage === 'queued').map((p) => p.ahead)).toEqual([1, 0])
    const aligned = first.filter((p) => p.stage === 'aligning')
    expect(aligned.length).toBeGreaterThan(1)
    const fractions = aligned.map((p) => p.done / p.total)
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y))
    expect(first.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1])).toEqual(['queued', 'segmenting', 'aligning', 'comparing'])
    // Throttled in the worker: one per PROGRESS_INTERVAL_MS at most, not one per engine report.
    expect(aligned.length).toBeLessThanOrEqual(Math.ceil(elapsed / PROGRESS_INTERVAL_MS) + 1)
  })
})

describe.each(BACKENDS.filter((b) => b.name === 'pglite'))('progress api on $name', (backend) => {
  let db: TestDb
  let analyzer: Analyzer
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    db = await backend.open()
    analyzer = await workerAnalyzer()
    app = createApp({ store: db.store, analyzer, rateLimit: false })
  })
  afterAll(async () => {
    await analyzer?.close()
    await db?.close()
    await closeTemplate()
  })

  it('reports the increasing progress of a large upload while it runs, the create answered as always', async () => {
    const token = 'large-upload-progress-1'
    const creating = call(app, 'POST', '/api/comparisons', { body: large(30), headers: { 'x-progress-token': token } })
    let settled = false
    void creating.finally(() => (settled = true))
    const seen: Progress[] = []
    while (!settled) {
      seen.push((await call(app, 'GET', `/api/progress/${token}`)).body)
      await new Promise((r) => setTimeout(r, 40))
    }
    const created = await creating
    expect(created.status).toBe(201)
    const last = await call(app, 'GET', `/api/progress/${token}`)
    expect(last.body).toMatchObject({ stage: 'done', percent: 100, id: created.body.id })
    expect(last.headers.get('cache-control')).toBe('no-store')
    const percents = seen.map((p) => p.percent)
    expect(percents).toEqual([...percents].sort((x, y) => x - y))
    // Real steps in between, not only 0 and 100.
    const between = new Set(seen.filter((p) => p.stage === 'aligning' && p.percent > 0 && p.percent < 100).map((p) => p.percent))
    expect(between.size).toBeGreaterThan(2)
    const stages = seen.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1])
    // Stages come in their order, none twice.
    expect(stages).toContain('aligning')
    expect(stages).toEqual(PROGRESS_STAGES.filter((s) => stages.includes(s)))
  })

  it('says why a create failed, refuses a malformed token, and reads an unknown one as pending', async () => {
    const token = 'failing-upload-0001'
    const bad = await call(app, 'POST', '/api/comparisons', {
      body: { versions: [{ lang: 'xx-notalang-really', text: 'A.' }, { text: 'B.' }] },
      headers: { 'x-progress-token': token },
    })
    expect(errorOf(bad)).toBe('400 invalid_language')
    expect((await call(app, 'GET', `/api/progress/${token}`)).body).toMatchObject({ stage: 'failed', error: 'invalid_language' })
    const malformed = await call(app, 'POST', '/api/comparisons', { body: large(1), headers: { 'x-progress-token': 'short' } })
    expect(errorOf(malformed)).toBe('400 invalid_request')
    expect(errorOf(await call(app, 'GET', '/api/progress/bad token!'))).toBe('400 invalid_request')
    expect((await call(app, 'GET', '/api/progress/never-seen-token-01')).body).toMatchObject({ stage: 'pending', percent: 0 })
  })
})
