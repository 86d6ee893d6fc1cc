import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { errorHandler } from '../../server/errors.ts'
import { closeEventStreams, EventHub } from '../../server/events.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf } from './helpers.ts'

afterAll(closeTemplate)

/** Reads server-sent events from a response body, one `{event, data}` at a time. */
function sseReader(res: Response) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    async next(timeoutMs = 5000): Promise<{ event: string; data: any } | 'end'> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const cut = buffer.indexOf('\n\n')
        if (cut >= 0) {
          const block = buffer.slice(0, cut)
          buffer = buffer.slice(cut + 2)
          if (block.startsWith(':')) continue // a comment (heartbeat)
          const field = (name: string) => block.split('\n').filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2)).join('\n')
          return { event: field('event'), data: JSON.parse(field('data') || 'null') }
        }
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`no event in ${timeoutMs} ms (have "${buffer}")`)
        const chunk = await Promise.race([reader.read(), new Promise<'late'>((r) => setTimeout(() => r('late'), left))])
        if (chunk === 'late') continue
        if (chunk.done) return 'end'
        buffer += decoder.decode(chunk.value, { stream: true })
      }
    },
    cancel: () => reader.cancel(),
  }
}

/** `event note` for compact assertions. */
const show = (e: { event: string; data: any } | 'end') => (e === 'end' ? 'end' : `${e.event} ${e.data.annotation?.note ?? e.data.id ?? e.data.comparisonId}`)

const pglite = BACKENDS.find((b) => b.name === 'pglite')!

describe('GET /api/comparisons/:id/events', () => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  let id = ''
  let ownerKey = ''
  let studentKey = ''
  let otherId = ''

  beforeAll(async () => {
    db = await pglite.open()
    app = createApp({ store: db.store, rateLimit: false })
    const make = async (title: string) => {
      const res = await call(app, 'POST', '/api/comparisons', {
        body: { title, versions: [{ lang: 'en', text: 'The river is wide. Ten boats crossed it.' }, { lang: 'tr', text: 'Nehir geniş. On tekne geçti.' }] },
      })
      expect(res.status).toBe(201)
      return res.body as { id: string; ownerKey: string }
    }
    ;({ id, ownerKey } = await make('Live'))
    otherId = (await make('Elsewhere')).id
    const issued = await call(app, 'POST', `/api/comparisons/${id}/keys`, { key: ownerKey, body: { label: 'Ayşe' } })
    studentKey = issued.body.key
  })
  afterAll(async () => db?.close())

  it('sends a student’s annotation to the owner’s open page as it is created, changed and deleted', async () => {
    const res = await app.request(`/api/comparisons/${id}/events`, { headers: { 'accept-encoding': 'gzip' } })
    expect([res.status, res.headers.get('content-type'), res.headers.get('content-encoding'), res.headers.get('cache-control')]).toEqual([
      200,
      'text/event-stream',
      null,
      'no-cache',
    ])
    const owner = sseReader(res)
    const elsewhere = sseReader(await app.request(`/api/comparisons/${otherId}/events`))
    expect(show(await owner.next())).toBe(`ready ${id}`)
    expect(show(await elsewhere.next())).toBe(`ready ${otherId}`)

    const created = await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: studentKey, body: { target: { bead: 0 }, tag: 'omission', note: 'first note' } })
    expect(created.status).toBe(201)
    const event = await owner.next()
    expect(show(event)).toBe('annotation-created first note')
    expect(event !== 'end' && [event.data.annotation.id, event.data.annotation.author, event.data.annotation.version]).toEqual([created.body.id, 'Ayşe', 1])

    await call(app, 'PATCH', `/api/annotations/${created.body.id}`, { key: studentKey, body: { note: 'second thought' } })
    expect(show(await owner.next())).toBe('annotation-updated second thought')
    await call(app, 'DELETE', `/api/annotations/${created.body.id}`, { key: ownerKey })
    expect(show(await owner.next())).toBe(`annotation-deleted ${created.body.id}`)
    // A refused write sends nothing.
    expect((await call(app, 'POST', `/api/comparisons/${id}/annotations`, { body: { target: { bead: 0 }, tag: 'omission' } })).status).toBe(401)

    // Nothing of this comparison reached the page of another.
    await expect(elsewhere.next(300)).rejects.toThrow(/no event/)
    await owner.cancel()
    await elsewhere.cancel()
  })

  it('answers 404 for a comparison that does not exist', async () => {
    expect(errorOf(await call(app, 'GET', '/api/comparisons/nope/events'))).toBe('404 not_found')
  })
})

describe('EventHub', () => {
  const hubApp = (hub: EventHub) => {
    const app = new Hono()
    app.get('/s/:id', (c) => hub.stream(c, c.req.param('id')))
    app.onError(errorHandler())
    return app
  }
  const settle = () => new Promise((r) => setTimeout(r, 20))

  it('bounds the streams per comparison and frees a place when a page goes away', async () => {
    const hub = new EventHub({ maxPerComparison: 2, maxStreams: 3 })
    const app = hubApp(hub)
    const a = sseReader(await app.request('/s/c1'))
    const b = sseReader(await app.request('/s/c1'))
    await a.next()
    await b.next()
    const refused = await app.request('/s/c1')
    expect([refused.status, refused.headers.get('retry-after'), ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([503, '60', 'too_many_streams'])
    // Another comparison still has room, up to the bound of the server.
    const c = sseReader(await app.request('/s/c2'))
    await c.next()
    expect((await app.request('/s/c3')).status).toBe(503)
    expect([hub.count('c1'), hub.count('c2'), hub.count()]).toEqual([2, 1, 3])

    await a.cancel()
    await settle()
    expect([hub.count('c1'), hub.count()]).toEqual([1, 2])
    const d = sseReader(await app.request('/s/c1'))
    expect(show(await d.next())).toBe('ready c1')
    hub.publish('c1', { type: 'annotation-deleted', id: 'x1', version: 1 })
    expect(show(await b.next())).toBe('annotation-deleted x1')
    expect(show(await d.next())).toBe('annotation-deleted x1')
    for (const r of [b, c, d]) await r.cancel()
    await settle()
    expect(hub.count()).toBe(0)
  })

  it('ends every stream when the server stops, and keeps quiet streams alive with comments', async () => {
    const hub = new EventHub({ heartbeatMs: 30 })
    const app = hubApp(hub)
    const res = await app.request('/s/c1')
    const raw = res.body!.getReader()
    let text = ''
    const deadline = Date.now() + 2000
    while (!text.includes(': still here') && Date.now() < deadline) text += new TextDecoder().decode((await raw.read()).value)
    expect(text).toMatch(/^event: ready\ndata: \{"comparisonId":"c1"\}\nretry: 3000\n\n(: still here\n\n)+/)
    closeEventStreams()
    let done = false
    while (!done) done = (await raw.read()).done
    expect(hub.count()).toBe(0)
  })

  it('drops a page that stopped reading rather than hold its events without end', async () => {
    const hub = new EventHub({ maxQueued: 3 })
    const app = hubApp(hub)
    const res = await app.request('/s/c1')
    // Nobody reads `res`: its events pile up until the bound, then the stream is dropped.
    for (let i = 0; i < 5000 && hub.count('c1') > 0; i++) hub.publish('c1', { type: 'annotation-deleted', id: `x${i}`.repeat(200), version: 1 })
    expect(hub.count('c1')).toBe(0)
    await res.body!.cancel()
  })
})
