import { afterAll, describe, expect, it } from 'vitest'
import { inlineAnalyzer, workerAnalyzer, type Analyzer } from '../../server/analysis.ts'
import { FairQueue } from '../../server/fair-queue.ts'

/**
 * Issue 10, item 11: the analysis queue takes corrections before creates, and clients in turn,
 * so one client that fills it neither has others' creates refused nor makes a correction wait.
 */

const open: Analyzer[] = []
afterAll(async () => Promise.all(open.map((a) => a.close())))

const PAIR = [
  { text: 'One. Two.', lang: 'en' },
  { text: 'Bir. İki.', lang: 'tr' },
]

describe('fair-queue', () => {
  it('serves lanes in order and the clients of a lane in turn, and says how many are ahead', () => {
    const q = new FairQueue<string, 'fix' | 'create'>({ lanes: ['fix', 'create'] })
    for (const a of ['a1', 'a2', 'a3', 'a4']) q.push(a, 'create', 'alice')
    q.push('b1', 'create', 'bob')
    q.push('c1', 'create', 'carol')
    q.push('c2', 'create', 'carol')
    q.push('x1', 'fix', 'bob')
    const promised = ['x1', 'a1', 'b1', 'c1', 'a2', 'c2', 'a3', 'a4'].map((j) => `${j}@${q.ahead(j)}`)
    expect(promised.join(' ')).toBe('x1@0 a1@1 b1@2 c1@3 a2@4 c2@5 a3@6 a4@7')
    const order: string[] = []
    for (let j = q.shift(); j !== undefined; j = q.shift()) order.push(j)
    expect(order.join(' ')).toBe('x1 a1 b1 c1 a2 c2 a3 a4')
    expect(q.size).toBe(0)
  })

  it('takes only the lanes asked for, and lets a job be taken out', () => {
    const q = new FairQueue<string, 'fix' | 'create'>({ lanes: ['fix', 'create'] })
    q.push('a1', 'create', 'alice')
    q.push('a2', 'create', 'alice')
    expect(q.shift(['fix'])).toBeUndefined()
    expect(q.remove('a1')).toBe(true)
    expect([q.count('create', 'alice'), q.ahead('a2'), q.shift(['create'])]).toEqual([1, 0, 'a2'])
  })
})

describe('worker analyzer queue', () => {
  it('refuses a client over its share of the queue but still takes another client’s create', async () => {
    const pool = await workerAnalyzer({ size: 1, expressWorkers: 0, maxQueue: 6, maxQueuePerClient: 3 })
    open.push(pool)
    // The worker is still starting: every call waits in the queue.
    const mine = [1, 2, 3].map(() => pool.compare(PAIR, { client: '10.0.0.1' }))
    await expect(pool.compare(PAIR, { client: '10.0.0.1' })).rejects.toMatchObject({ busy: true })
    const theirs = pool.compare(PAIR, { client: '10.0.0.2' })
    await expect(Promise.all([...mine, theirs])).resolves.toHaveLength(4)
  })

  it('answers a correction before the creates that queued ahead of it, and clients in turn', async () => {
    const [report] = await inlineAnalyzer().compare(PAIR)
    const pool = await workerAnalyzer({ size: 1, expressWorkers: 0 })
    open.push(pool)
    const done: string[] = []
    const track = (name: string, p: Promise<unknown>) => p.then(() => done.push(name))
    // All queued while the worker starts: one client's three creates, then another's, then a correction.
    const calls = [
      track('a1', pool.compare(PAIR, { client: 'a' })),
      track('a2', pool.compare(PAIR, { client: 'a' })),
      track('a3', pool.compare(PAIR, { client: 'a' })),
      track('b1', pool.compare(PAIR, { client: 'b' })),
      track('fix', pool.rediverge(report, PAIR[0].text, PAIR[1].text, report.beads, { client: 'key:c' })),
    ]
    await Promise.all(calls)
    expect(done.join(' ')).toBe('fix a1 b1 a2 a3')
  })

  it('has a correction answered by the express worker while a long create runs', async () => {
    const [report] = await inlineAnalyzer().compare(PAIR)
    const pool = await workerAnalyzer({ size: 1, expressWorkers: 1 })
    open.push(pool)
    let createDone = false
    const long = pool
      .compare([
        { text: 'The same sentence again. '.repeat(20_000), lang: 'en' },
        { text: 'Aynı cümle yine. '.repeat(20_000), lang: 'tr' },
      ])
      .then(
        () => (createDone = true),
        () => {}, // stopped by close() below
      )
    // Let the create reach the general worker first.
    await new Promise((r) => setTimeout(r, 50))
    const fixed = await pool.rediverge(report, PAIR[0].text, PAIR[1].text, report.beads, { client: 'key:c' })
    expect([fixed.beads.length, createDone]).toEqual([2, false])
    // No need to wait for the create: closing stops it.
    await pool.close()
    await long
  }, 240_000)
})
