import { describe, expect, it } from 'vitest'
import { ApiError, KEY_STORE, KeyRing, ParallaxApi, keyIdOf } from '../../client/api.ts'

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
    expect(JSON.parse(storage.data.get(KEY_STORE)!)).toEqual({ c1: { key: KEY, role: 'owner' } })
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

  it('reads the two list shapes and survives corrupt storage', async () => {
    const { fetcher } = fakeFetch({ 'GET /api/comparisons': [200, { comparisons: [{ id: 'x' }], total: 1 }] })
    const api = new ParallaxApi('/api', new KeyRing(memoryStorage({ [KEY_STORE]: '{not json' })), fetcher)
    expect((await api.listComparisons()).map((c) => c.id)).toEqual(['x'])
    expect(api.keyFor('x')).toBeUndefined()
    expect([keyIdOf(KEY), keyIdOf('nonsense')]).toEqual(['0123456789ab', undefined])
  })
})
