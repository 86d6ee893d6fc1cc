import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call, errorOf } from './helpers.ts'

/**
 * Hostile and odd input through the API: every text is either taken (201, with a report whose
 * offsets lie inside the text) or refused with a 4xx; never a 500, never a hang.
 */

afterAll(closeTemplate)

const TEXTS: Record<string, string> = {
  'one word': 'Hello',
  'bidi controls': 'Start \u202Eevil\u202C text. \u2067إدراج\u2069 here. Done.',
  'zero-width characters': 'Zero\u200Bwidth\u200C joiners\u200D and\uFEFF marks. Second one.',
  emoji: 'Family 👨‍👩‍👧‍👦 and flags 🇹🇷🇬🇧. Skin tones 👍🏽! End.',
  'mixed scripts': 'English, Русский, العربية, 中文, עברית and हिन्दी in one. Another.',
  'markup and script': '<script>alert(1)</script> <img src=x onerror=alert(2)>. Second & "third".',
  'an extremely long word': 'x'.repeat(200_000) + '. Short one.',
  'thousands of identical sentences': 'The same sentence again. '.repeat(3000),
  'lone surrogates': 'Broken \uD800 pair \uDC00 here. Fine.',
  'control characters': 'Bell\u0007 and escape\u001B[31m red. Form\u000Cfeed.',
  'no full stop at all': 'word '.repeat(20_000),
  'only punctuation': '... !!! ??? ---',
}

describe('hostile input', () => {
  let db: TestDb
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    db = await BACKENDS[0].open()
    app = createApp({ store: db.store, rateLimit: false })
  })
  afterAll(async () => db?.close())

  for (const [name, text] of Object.entries(TEXTS)) {
    it(`takes or refuses ${name}, never failing`, async () => {
      const res = await call(app, 'POST', '/api/comparisons', {
        body: { versions: [{ text, lang: 'en' }, { text: 'Bir cümle. İkinci cümle.', lang: 'tr' }] },
      })
      expect(res.status === 201 || (res.status >= 400 && res.status < 500), errorOf(res)).toBe(true)
      if (res.status !== 201) return
      const a = await call(app, 'GET', `/api/comparisons/${res.body.id}/alignment`)
      const stored = (await call(app, 'GET', `/api/comparisons/${res.body.id}`)).body.versions[0].text as string
      expect(stored.length).toBe(text.length)
      for (const s of a.body.src.sentences) {
        expect(s.start >= 0 && s.end <= stored.length && s.start <= s.end).toBe(true)
      }
      const html = await app.request(`/api/comparisons/${res.body.id}/export?format=html`)
      expect(await html.text()).not.toMatch(/<script>alert|<img src=x/)
    })
  }

  it('imports a TMX with thousands of notes in one go, and refuses one with too many', async () => {
    const tmx = (notes: number) =>
      `<tmx version="1.4"><header srclang="en"/><body>${Array.from(
        { length: 4 },
        (_, k) => `<tu>${'<note>n</note>'.repeat(notes / 4)}<tuv xml:lang="en"><seg>Sentence ${k}.</seg></tuv><tuv xml:lang="tr"><seg>Cümle ${k}.</seg></tuv></tu>`,
      ).join('')}</body></tmx>`
    const taken = await call(app, 'POST', '/api/comparisons', { body: { import: { format: 'tmx', content: tmx(2000) } } })
    expect(taken.status).toBe(201)
    const listed = await call(app, 'GET', `/api/comparisons/${taken.body.id}/annotations?bead=3`)
    expect(listed.body.annotations.length).toBe(500)
    const refused = await call(app, 'POST', '/api/comparisons', { body: { import: { format: 'tmx', content: tmx(10_004) } } })
    expect([errorOf(refused), refused.body.error.message]).toEqual(['400 invalid_import', expect.stringMatching(/10,004 notes; at most 10,000/)])
  })

  it('refuses binary data and NUL characters', async () => {
    const form = new FormData()
    form.append('file', new File([new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))], 'a.bin'))
    form.append('file', new File(['text'], 'b.txt'))
    expect(errorOf(await call(app, 'POST', '/api/comparisons', { body: form }))).toBe('400 invalid_encoding')
    const nul = new FormData()
    nul.append('file', new File(['a\u0000b'], 'a.txt'))
    nul.append('file', new File(['text'], 'b.txt'))
    expect(errorOf(await call(app, 'POST', '/api/comparisons', { body: nul }))).toBe('400 invalid_text')
  })
})
