import { afterAll, describe, expect, it } from 'vitest'
import { AnalysisError, inlineAnalyzer, workerAnalyzer, type Analyzer } from '../../server/analysis.ts'
import { renderBeads, SEED_EN, SEED_TR } from './helpers.ts'

const open: Analyzer[] = []
afterAll(async () => Promise.all(open.map((a) => a.close())))

describe('analysis', () => {
  it('gives the same report in a worker thread as in this thread', async () => {
    const worker = await workerAnalyzer()
    open.push(worker)
    const versions = [
      { text: SEED_EN, lang: 'en' },
      { text: SEED_TR, lang: 'tr' },
    ]
    const [inWorker] = await worker.compare(versions, { mode: 'translation' })
    const [inline] = await inlineAnalyzer().compare(versions, { mode: 'translation' })
    expect(renderBeads(inWorker.beads)).toBe(renderBeads(inline.beads))
    expect(inWorker.summary).toEqual(inline.summary)
  })

  it('stops a call that overruns its time, replaces the worker and goes on', async () => {
    const worker = await workerAnalyzer({ timeoutMs: 300 })
    open.push(worker)
    const slow = worker.compare([
      { text: 'The same sentence again. '.repeat(20_000), lang: 'en' },
      { text: 'Aynı cümle yine. '.repeat(20_000), lang: 'tr' },
    ])
    await expect(slow).rejects.toMatchObject({ timedOut: true, message: expect.stringMatching(/longer than 300 ms/) })
    await expect(slow).rejects.toBeInstanceOf(AnalysisError)
    const [report] = await worker.compare([
      { text: 'One. Two.', lang: 'en' },
      { text: 'Bir. İki.', lang: 'tr' },
    ])
    expect(renderBeads(report.beads)).toBe('0:0 1:1')
  })

  it('refuses calls beyond its queue at once', async () => {
    const worker = await workerAnalyzer({ maxQueue: 1 })
    open.push(worker)
    const pair = [
      { text: 'One. Two.', lang: 'en' },
      { text: 'Bir. İki.', lang: 'tr' },
    ]
    // The worker is still starting: the first call waits in the queue, the second is refused.
    const first = worker.compare(pair)
    await expect(worker.compare(pair)).rejects.toMatchObject({ busy: true })
    expect(renderBeads((await first)[0].beads)).toBe('0:0 1:1')
  })

  it('rebuilds an import’s report from its pairs, beads as given', async () => {
    const report = await inlineAnalyzer().fromPairs({ text: 'A b.\nC d.', lang: 'en' }, { text: 'X y.', lang: 'tr' }, [
      { src: [0], tgt: [0], confidence: 1 },
      { src: [1], tgt: [], confidence: 1 },
    ])
    expect(renderBeads(report.beads)).toBe('0:0 1:-')
    expect(report.src.sentences.map((s) => [s.text, s.start, s.end])).toEqual([
      ['A b.', 0, 4],
      ['C d.', 5, 9],
    ])
  })
})
