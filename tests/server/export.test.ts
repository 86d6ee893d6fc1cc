import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { parseTmx } from '../../server/formats/tmx.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call } from './helpers.ts'

/** GET /comparisons/:id/export options beyond the format (PGlite only: nothing here depends on the backend). */

afterAll(closeTemplate)

const pglite = BACKENDS.find((b) => b.name === 'pglite')!

describe('routes/export', () => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  let id = ''

  beforeAll(async () => {
    db = await pglite.open()
    app = createApp({ store: db.store, rateLimit: false, log: () => undefined })
    const created = await call(app, 'POST', '/api/comparisons', {
      body: {
        title: 'Units',
        presplit: true,
        mode: 'translation',
        versions: [
          { lang: 'en', text: 'Ten boats crossed the river.\nA line only English has, about 42 ships.\nNobody saw them.' },
          { lang: 'tr', text: 'On tekne nehri geçti.\nKimse görmedi.' },
        ],
      },
    })
    expect(created.status).toBe(201)
    id = created.body.id
  })
  afterAll(async () => db?.close())

  it('writes every bead to TMX by default, and only units in both languages with units=pairs', async () => {
    const tmx = async (query: string) => parseTmx(await (await app.request(`/api/comparisons/${id}/export?format=tmx${query}`)).text()).pairs
    const all = await tmx('')
    expect(all.map((p) => [!!p.src, !!p.tgt])).toContainEqual([true, false])
    const pairs = await tmx('&units=pairs')
    expect(pairs.length).toBeGreaterThan(0)
    expect(pairs.every((p) => p.src && p.tgt)).toBe(true)
    expect(pairs).toEqual(all.filter((p) => p.src && p.tgt))
    expect((await app.request(`/api/comparisons/${id}/export?format=tmx&units=some`)).status).toBe(400)
  })
})
