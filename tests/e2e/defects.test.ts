/**
 * The page's defects of issue 10 (items 17 to 26), each checked where a person meets it: in
 * headless Chromium against the real server.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, browserSkipReason, buildClient, createComparison, launchBrowser, startServer, watchPage, type RunningServer } from './harness.ts'

const skip = browserSkipReason()
if (skip) console.warn(`[e2e] skipped: ${skip}`)

const seedText = (file: string) => readFileSync(join(ROOT, 'seeds', file), 'utf8')
const EN = seedText('001_ca6b3e2cd13aa704.txt')
const TR = seedText('000_195cf53558b12275.txt')
const AR = seedText('002_fbd60fafe6e1c24f.txt')

/** `n` numbered sentences, one a line. */
const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} sentence number ${i + 1} says something ${i * 3}.`).join('\n')

describe.skipIf(!!skip)('defects of issue 10 (Chromium)', () => {
  let server: RunningServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  beforeAll(async () => {
    buildClient()
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.stop()
  })

  async function open(path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport })
    contexts.push(context)
    const page = await context.newPage()
    watchPage(page, path, errors)
    await page.goto(server.url + path)
    return page
  }

  const seedPair = () => {
    const s = server.seeds.find((x) => /Turkish/.test(x.title))
    if (!s) throw new Error(`the server printed no English–Turkish seed:\n${server.output()}`)
    return s
  }

  /** The element that has focus, looking through shadow roots. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      const host = (el?.getRootNode() as ShadowRoot | undefined)?.host
      return el
        ? { tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), host: host?.tagName.toLowerCase() ?? '', bead: host?.getAttribute('data-bead') ?? null, text: el.textContent?.trim() ?? '' }
        : null
    })

  it('17: an undo leaves no row marked "by hand", on the page and in the HTML report', async () => {
    const { id, ownerKey } = await createComparison(server.url, {
      title: 'Undo',
      presplit: true,
      mode: 'translation',
      versions: [
        { label: 'A', lang: 'en', text: lines(4, 'English') },
        { label: 'B', lang: 'en', text: lines(4, 'Other') },
      ],
    })
    const page = await open(`/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    const keys = () => page.locator('bead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bead')).join(' '))
    await expect.poll(keys).toBe('0:0 1:1 2:2 3:3')
    await page.locator('bead-row[data-bead="1:1"] .gutter').click()
    await page.locator('bead-row[data-bead="1:1"] [data-action="merge"]').click()
    await expect.poll(keys).toBe('0:0 1,2:1,2 3:3')
    await page.locator('header [data-action="undo"]:not([disabled])').click()
    await expect.poll(keys).toBe('0:0 1:1 2:2 3:3')
    await page.locator('header [data-action="undo"]:has-text("Undo")').waitFor()
    expect(await page.locator('bead-row .by-hand').count()).toBe(0)
    await page.reload()
    await expect.poll(keys).toBe('0:0 1:1 2:2 3:3')
    expect(await page.locator('bead-row .by-hand').count()).toBe(0)
    const report = await (await fetch(`${server.url}/api/comparisons/${id}/export?format=html`)).text()
    expect(report).not.toMatch(/<tr[^>]*class="manual"/)
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
