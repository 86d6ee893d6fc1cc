import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createApp } from '../../server/app.ts'
import { browserSkipReason, launchBrowser } from '../e2e/harness.ts'
import { BACKENDS, closeTemplate, type TestDb } from './backends.ts'
import { call } from './helpers.ts'

/**
 * The HTML report in Chromium, loaded as a journalist would open the file (no server headers):
 * documents and annotations full of markup show as text and no script of theirs runs.
 */

const skip = browserSkipReason()
const HOSTILE_DOC =
  '<script>window.__pwned = 1</script> The minister <img src=x onerror="window.__pwned = 2"> spoke. ' +
  '<b onmouseover="window.__pwned = 3">Ten</b> boats <iframe src="javascript:window.__pwned=4"></iframe> crossed.'
const HOSTILE_NOTE = '</li><script>window.__pwned = 5</script><svg onload="window.__pwned = 6">'

describe.skipIf(skip)('html export in a browser', () => {
  let db: TestDb
  let browser: Browser
  beforeAll(async () => {
    db = await BACKENDS[0].open()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await db?.close()
    await closeTemplate()
  })

  it('shows markup from documents and notes as text and runs none of it', async () => {
    const app = createApp({ store: db.store, rateLimit: false })
    const created = await call(app, 'POST', '/api/comparisons', {
      body: {
        title: '<script>window.__pwned = 7</script>',
        versions: [
          { lang: 'en', label: '<i onclick="x()">EN</i>', text: HOSTILE_DOC },
          { lang: 'tr', text: 'Bakan konuştu. On tekne geçti.' },
        ],
      },
    })
    const { id, ownerKey } = created.body
    await call(app, 'POST', `/api/comparisons/${id}/annotations`, { key: ownerKey, body: { target: { bead: 0 }, tag: 'other', note: HOSTILE_NOTE } })
    const html = await (await app.request(`/api/comparisons/${id}/export?format=html`)).text()

    const page = await browser.newPage()
    try {
      await page.setContent(html, { waitUntil: 'load' })
      await page.mouse.move(200, 300)
      const seen = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')]
        return {
          pwned: (window as unknown as { __pwned?: number }).__pwned,
          scripts: document.scripts.length,
          embedded: document.querySelectorAll('img, iframe, svg, object, embed').length,
          handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          text: document.body.innerText,
        }
      })
      expect({ ...seen, text: undefined }).toEqual({ pwned: undefined, scripts: 0, embedded: 0, handlers: 0, text: undefined })
      expect(seen.text).toContain('<script>window.__pwned = 1</script>')
      expect(seen.text).toContain('<img src=x onerror="window.__pwned = 2">')
      expect(seen.text).toContain(HOSTILE_NOTE)
      expect(await page.title()).toBe('<script>window.__pwned = 7</script> — Parallax report')
    } finally {
      await page.close()
    }
  })
})
