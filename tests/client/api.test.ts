import { describe, expect, it } from 'vitest'
import { ApiError, KEY_STORE, KeyRing, ParallaxApi, keyIdOf, progressToken } from '../../client/api.ts'
import type { CreateProgress } from '../../client/types.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

/** A fetch that records each call and answers from a table of `METHOD path` → [status, body]. */
function fakeFetch(answers: Record<string, [number, unknown]>) {
  const calls: Array<{ method: string; url: string; headers: Record<string, string>; body?: string }> = []
  const fetcher = (async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET'
    calls.push({ method, url, headers: init.headers as Record<string, string>, body: init.body as string | undefined })
    const [status, body] = answers[`${method} ${url}`] ?? [404, { error: { code: 'not_found', message: 'nothing here' } }]
    return new Response(status === 204 ? null : JSON.stringify(body), { status })
  }) as typeof fetch
  return { fetcher, calls }
}

const KEY = 'plx_0123456789ab_' + 'A'.repeat(43)

describe('api', () => {
  it('keeps the owner key of a created comparison and sends it on writes only', async () => {
    const storage = memoryStorage()
    const { fetcher, calls } = fakeFetch({
      'POST /api/comparisons': [201, { id: 'c1', title: 't', versions: [], ownerKey: KEY }],
      'POST /api/comparisons/c1/annotations': [201, { id: 'a1', target: { bead: 0 }, tag: 'omission', note: '' }],
      'GET /api/comparisons/c1/alignment': [200, { src: {}, tgt: {}, beads: [], revision: 3 }],
    })
    const api = new ParallaxApi('/api', new KeyRing(storage), fetcher)
    await api.createComparison({ title: 't', versions: [] })
    expect(JSON.parse(storage.data.get(KEY_STORE)!)).toEqual({ c1: [{ key: KEY, role: 'owner', added: expect.any(Number) }] })
    await api.createAnnotation('c1', { target: { bead: 0 }, tag: 'omission', tags: [], note: '', author: '' })
    const answer = await api.getAlignment('c1')
    expect(calls.map((c) => `${c.method} ${c.headers.authorization ?? '-'}`)).toEqual(['POST -', `POST Bearer ${KEY}`, 'GET -'])
    expect(answer.revision).toBe(3)
  })

  it('turns error answers into ApiError with the server message', async () => {
    const { fetcher } = fakeFetch({ 'PUT /api/comparisons/c1/alignment': [409, { error: { code: 'conflict', message: 'Changed meanwhile' } }] })
    const api = new ParallaxApi('/api', new KeyRing(memoryStorage()), fetcher)
    const err = await api.putAlignment('c1', [{ src: [0], tgt: [0] }], 2).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect([(err as ApiError).status, (err as ApiError).message, (err as ApiError).isConflict]).toEqual([409, 'Changed meanwhile', true])
    const missing = (await api.getComparison('nope').catch((e: unknown) => e)) as ApiError
    expect(missing.message).toBe('nothing here')
  })

  it('follows a create’s progress under a token of its own until the create is answered', async () => {
    const calls: string[] = []
    let token = ''
    let finish: (r: Response) => void = () => {}
    let reads = 0
    const fetcher = (async (url: string, init: RequestInit = {}) => {
      calls.push(`${init.method} ${url.replace(/[0-9a-f]{32}$/, 'TOKEN')}`)
      if (init.method === 'POST') {
        token = (init.headers as Record<string, string>)['x-progress-token']
        return new Promise<Response>((resolve) => (finish = resolve))
      }
      reads += 1
      // A read that fails on the way is skipped; the next one goes on.
      if (reads === 2) throw new TypeError('network down')
      const progress: CreateProgress = { stage: 'aligning', done: reads * 10, total: 100, version: 1, versions: 1, percent: reads * 10 }
      if (reads === 4) finish(new Response(JSON.stringify({ id: 'c2', title: 't', versions: [], ownerKey: KEY }), { status: 201 }))
      return new Response(JSON.stringify(progress), { status: 200 })
    }) as typeof fetch
    const seen: number[] = []
    const api = new ParallaxApi('/api', new KeyRing(memoryStorage()), fetcher)
    const created = await api.createComparison({ title: 't', versions: [] }, { onProgress: (p) => seen.push(p.percent), pollMs: 5 })
    await new Promise((r) => setTimeout(r, 30))
    expect(token).toMatch(/^[0-9a-f]{32}$/)
    expect([created.id, api.keyFor('c2')]).toEqual(['c2', KEY])
    // Reads stop once the create is answered (the wait above would have made many more).
    expect(calls).toEqual(['POST /api/comparisons', ...Array(4).fill('GET /api/progress/TOKEN')])
    expect(seen).toEqual([10, 30, 40])
    expect(progressToken()).not.toBe(progressToken())
  })

  it('sends no token and reads no progress when nobody listens', async () => {
    const { fetcher, calls } = fakeFetch({ 'POST /api/comparisons': [201, { id: 'c3', title: 't', versions: [], ownerKey: KEY }] })
    await new ParallaxApi('/api', new KeyRing(memoryStorage()), fetcher).createComparison({ title: 't', versions: [] })
    await new Promise((r) => setTimeout(r, 300))
    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers['x-progress-token'] ?? '-'}`)).toEqual(['POST /api/comparisons -'])
  })

  it('tries the keys held best first and goes on to the next only when one is refused', async () => {
    const owner = 'plx_00000000000a_' + 'O'.repeat(43)
    const revoked = 'plx_00000000000b_' + 'R'.repeat(43)
    const student = 'plx_00000000000c_' + 'S'.repeat(43)
    const ring = new KeyRing(memoryStorage())
    ring.add('c1', student, 'participant')
    ring.add('c1', revoked, 'owner')
    ring.add('c1', owner, 'owner')
    const tried: string[] = []
    const fetcher = (async (url: string, init: RequestInit = {}) => {
      const key = ((init.headers as Record<string, string>).authorization ?? '').slice(7)
      tried.push(`${init.method} ${url} ${key.slice(0, 16)}`)
      if (key === revoked) return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'revoked' } }), { status: 401 })
      if (key === student && init.method === 'DELETE') return new Response(JSON.stringify({ error: { code: 'forbidden', message: 'not yours' } }), { status: 403 })
      if (init.method === 'DELETE') return new Response(null, { status: 204 })
      return new Response(JSON.stringify({ id: 'a1' }), { status: 201 })
    }) as typeof fetch
    const api = new ParallaxApi('/api', ring, fetcher)
    await api.createAnnotation('c1', { target: { bead: 0 }, tag: 'omission', tags: [], note: '', author: '' })
    // Owner keys first (as they came), the refused one marked and kept, the next one used.
    expect(tried).toEqual(['POST /api/comparisons/c1/annotations plx_00000000000b', 'POST /api/comparisons/c1/annotations plx_00000000000a'])
    expect(ring.list('c1').map((k) => `${k.key.slice(4, 16)}:${k.role}${k.refused ? ':refused' : ''}`)).toEqual([
      '00000000000a:owner',
      '00000000000c:participant',
      '00000000000b:owner:refused',
    ])
    expect(api.keyFor('c1')).toBe(owner)
    // With the owner key forgotten, the student's key may not delete another's annotation: that refusal is the one said.
    ring.remove('c1', owner)
    tried.length = 0
    const err = (await api.deleteAnnotation('c1', 'a9').catch((e: unknown) => e)) as ApiError
    expect([err.status, err.message]).toEqual([403, 'not yours'])
    expect(tried).toEqual(['DELETE /api/annotations/a9 plx_00000000000c', 'DELETE /api/annotations/a9 plx_00000000000b'])
    expect(ring.list('c1').length).toBe(2)
  })

  it('reads the two list shapes and survives corrupt storage', async () => {
    const { fetcher } = fakeFetch({ 'GET /api/comparisons': [200, { comparisons: [{ id: 'x' }], total: 1 }] })
    const api = new ParallaxApi('/api', new KeyRing(memoryStorage({ [KEY_STORE]: '{not json' })), fetcher)
    expect((await api.listComparisons()).map((c) => c.id)).toEqual(['x'])
    expect(api.keyFor('x')).toBeUndefined()
    expect([keyIdOf(KEY), keyIdOf('nonsense')]).toEqual(['0123456789ab', undefined])
  })
})
