/**
 * Three versions and more in headless Chromium against the real server: created from the page's
 * form, read in shared rows (one column per version, the source where the reader puts it), and
 * linked both ways with the two-column view.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, SCREENSHOTS, browserSkipReason, buildClient, createComparison, launchBrowser, startServer, watchPage, type RunningServer } from './harness.ts'

const skip = browserSkipReason()
if (skip) console.warn(`[e2e] skipped: ${skip}`)

const seedText = (file: string) => readFileSync(join(ROOT, 'seeds', file), 'utf8')
const EN = seedText('001_ca6b3e2cd13aa704.txt')
const TR = seedText('000_195cf53558b12275.txt')
const AR = seedText('002_fbd60fafe6e1c24f.txt')

describe.skipIf(!!skip)('every version (Chromium)', () => {
  let server: RunningServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []
  /** The three-version comparison the first test creates from the form. */
  let created = ''

  beforeAll(async () => {
    buildClient()
    server = await startServer()
    browser = await launchBrowser()
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.stop()
    expect(errors).toEqual([])
  })

  async function open(path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport })
    contexts.push(context)
    const page = await context.newPage()
    watchPage(page, path, errors)
    await page.goto(server.url + path)
    return page
  }

  /** Scrolls the rows down a screen at a time until `target` is rendered. */
  async function scrollTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
    for (let i = 0; i < 50 && (await target.count()) === 0; i++) {
      await page.locator('rows-view .scroller').evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8))
      await page.waitForTimeout(100)
    }
    await target.waitFor()
  }

  /** The version shown in each cell of every rendered row, row by row: `0 1 2|0 1 2|…`. */
  const cellOrder = (page: Page) =>
    page.locator('shared-row').evaluateAll((rows) => rows.map((r) => [...r.shadowRoot!.querySelectorAll('.cell')].map((c) => c.getAttribute('data-version')).join(' ')))

  it('creates a comparison of three versions from the form and opens it in shared rows', async () => {
    const page = await open('/')
    await page.locator('#title').fill('Border crossing: English, Turkish and Arabic')
    await page.locator('#text-0').fill(EN)
    await page.locator('#text-1').fill(TR)
    expect(await page.locator('#text-2').count()).toBe(0)
    await page.getByRole('button', { name: 'Add a version' }).click()
    await page.locator('#text-2').fill(AR)
    expect(await page.locator('#lang-2 option:checked').innerText()).toBe('Arabic (detected)')
    expect(await page.locator('#text-2').getAttribute('dir')).toBe('rtl')
    await page.locator('#label-2').fill('Arabic (Euro Arabi)')
    // A fourth box can be added and removed again.
    await page.getByRole('button', { name: 'Add a version' }).click()
    await page.getByRole('button', { name: 'Remove the fourth version' }).click()
    expect(await page.locator('#text-3').count()).toBe(0)
    // Left to the texts: the Turkish is a translation, the Arabic report a telling of its own.
    expect(await page.locator('#mode').inputValue()).toBe('auto')
    await page.getByRole('button', { name: 'Align the three texts' }).click()
    await page.waitForURL(/\/c\/[^/?]+\?v=all$/, { timeout: 90_000 })
    created = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    await page.locator('shared-row').first().waitFor()
    expect(await page.locator('[data-owner-key]').innerText()).toMatch(/^plx_/)

    const stored = await (await fetch(`${server.url}/api/comparisons/${created}?texts=false`)).json()
    expect(stored.versions.map((v: { label: string; lang: string }) => `${v.label}/${v.lang}`)).toEqual(['English/en', 'Turkish/tr', 'Arabic (Euro Arabi)/ar'])
    const rows = (await (await fetch(`${server.url}/api/comparisons/${created}/rows`)).json()).rows as unknown[]

    // Three cells a row, the source first, one header column per version.
    const order = await cellOrder(page)
    expect(order.length).toBeGreaterThan(5)
    expect(new Set(order)).toEqual(new Set(['0 1 2']))
    expect(await page.locator('rows-view .head .col').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-version')))).toEqual(['0', '1', '2'])
    const first = await page.locator('shared-row').first().getAttribute('data-row')
    expect(first).toBe('0')
    // The Arabic cells run right to left, in Arabic; the others left to right.
    const dirs = await page.locator('shared-row').first().evaluate((r) => [...r.shadowRoot!.querySelectorAll('.cell')].map((c) => `${c.getAttribute('lang')}:${c.getAttribute('dir')}`))
    expect(dirs).toEqual(['en:ltr', 'tr:ltr', 'ar:rtl'])
    const arabic = page.locator('shared-row .cell[data-version="2"] p.sentence').first()
    expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl')
    // Gaps are marked: an English sentence the Arabic report does not have is an omission in its cell.
    const omission = page.locator('shared-row .cell[data-version="2"] .gap[data-finding="omission"]').first()
    await omission.waitFor()
    expect(await omission.innerText()).toBe('not in Arabic (Euro Arabi)')
    // The Turkish version drops the asterisk of "Taliban*": highlighted on the English text, naming Turkish.
    const marker = page.locator('shared-row .cell[data-version="0"] mark[data-finding="annotation-marker"]').first()
    await scrollTo(page, marker)
    expect([(await marker.innerText()).includes('*'), await marker.getAttribute('data-versions')]).toEqual([true, '1'])
    expect(await marker.getAttribute('data-message')).toMatch(/^Annotation marker: Turkish: \S/)
    // Virtualised: rows below the screen are not in the page yet.
    expect(await page.locator('shared-row').count()).toBeLessThan(rows.length)
  }, 120_000)

  it('puts the source in the middle when asked, keeps it in the address, and shows it narrow', async () => {
    expect(created).not.toBe('')
    const page = await open(`/c/${created}?v=all`)
    await page.locator('shared-row').first().waitFor()
    await page.locator('rows-view select[data-action="source-column"]').selectOption('2')
    await page.waitForURL(/\?v=all&src=2$/)
    await expect.poll(async () => new Set(await cellOrder(page))).toEqual(new Set(['1 0 2']))
    expect(await page.locator('rows-view .head .col').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-version')))).toEqual(['1', '0', '2'])
    // Three columns of one width, side by side, each row as tall as its tallest cell.
    const boxes = await page.locator('shared-row').nth(4).evaluate((r) => [...r.shadowRoot!.querySelectorAll('.cell')].map((c) => c.getBoundingClientRect()).map((b) => ({ x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width) })))
    expect(boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x).toBe(true)
    expect(Math.max(...boxes.map((b) => b.w)) - Math.min(...boxes.map((b) => b.w))).toBeLessThan(24)
    // The picture: the rows where all three tell the story, the Turkish dropped asterisk hovered.
    const marker = page.locator('shared-row .cell[data-version="0"] mark[data-finding="annotation-marker"]').first()
    await scrollTo(page, marker)
    await page.locator('shared-row[data-row="11"]').evaluate((r) => r.scrollIntoView({ block: 'start' }))
    await marker.hover()
    await page.screenshot({ path: join(SCREENSHOTS, 'three-versions.png') })

    // Reload: the address keeps the order.
    await page.reload()
    await page.locator('shared-row').first().waitFor()
    expect(new Set(await cellOrder(page))).toEqual(new Set(['1 0 2']))

    const narrow = await open(`/c/${created}?v=all&src=2`, { width: 390, height: 844 })
    await narrow.locator('shared-row').first().waitFor()
    const stacked = await narrow.locator('shared-row').nth(1).evaluate((r) => [...r.shadowRoot!.querySelectorAll('.cell')].map((c) => c.getBoundingClientRect()).map((b) => ({ x: Math.round(b.x), y: Math.round(b.y) })))
    expect(new Set(stacked.map((b) => b.x)).size).toBe(1)
    expect(stacked[0].y < stacked[1].y && stacked[1].y < stacked[2].y).toBe(true)
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await narrow.screenshot({ path: join(SCREENSHOTS, 'three-versions-narrow.png') })
  }, 60_000)

  it('links the shared rows and the two-column view both ways', async () => {
    // The list opens a comparison of three versions on all of them.
    const page = await open('/')
    await page.locator(`comparison-list a.card[data-comparison="${created}"]`).click()
    await page.waitForURL(/\?v=all$/)
    await page.locator('shared-row').first().waitFor()
    await page.locator('rows-view a[data-pair="2"]').click()
    await page.waitForURL(/\?v=2$/)
    await page.locator('bead-row').first().waitFor()
    expect(await page.locator('bead-row .cell.tgt[dir="rtl"]').count()).toBeGreaterThan(0)
    await page.locator('header a[data-view="all"]').click()
    await page.waitForURL(/\?v=all$/)
    await page.locator('shared-row').first().waitFor()
    // And the version picker of the header leads to the same places.
    await page.locator('header select#version').selectOption('1')
    await page.waitForURL(new RegExp(`/c/${created}$`))
    await page.locator('bead-row').first().waitFor()
    await page.goBack()
    await page.locator('shared-row').first().waitFor()
  })

  it('shows a correction made in the pair view in the shared rows', async () => {
    const { id, ownerKey } = await createComparison(server.url, {
      title: 'Three short versions',
      presplit: true,
      versions: [
        { label: 'English', lang: 'en', text: 'The border at Panj closed on 9 July.\nTrade with Iran stopped at Islam Qala.\nTalks resume in Moscow on 12 July.' },
        { label: 'Turkish', lang: 'tr', text: "Panj sınırı 9 Temmuz'da kapandı.\nİran ile ticaret Islam Qala'da durdu.\nGörüşmeler 12 Temmuz'da Moskova'da yeniden başlıyor." },
        { label: 'Arabic', lang: 'ar', text: 'أغلقت الحدود عند بانج في 9 يوليو.\nتوقفت التجارة مع إيران عند إسلام قلعة.\nتستأنف المحادثات في موسكو في 12 يوليو.' },
      ],
    })
    const put = await fetch(`${server.url}/api/comparisons/${id}/alignment?version=2`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerKey}` },
      body: JSON.stringify({ revision: 1, beads: [{ src: [0], tgt: [0] }, { src: [1, 2], tgt: [1] }, { src: [], tgt: [2] }] }),
    })
    expect(put.status).toBe(200)
    const page = await open(`/c/${id}?v=all`)
    await page.locator('shared-row').first().waitFor()
    expect(await page.locator('shared-row').count()).toBe(3)
    const cells = (n: number) =>
      page.locator('shared-row').nth(n).evaluate((r) => [...r.shadowRoot!.querySelectorAll('.cell')].map((c) => c.querySelectorAll('p.sentence').length || c.querySelector('[data-gap]')?.getAttribute('data-gap')).join(' '))
    // Row 2 holds English 2–3 and Turkish 2–3 beside the one Arabic sentence; row 3 the Arabic addition alone.
    expect([await cells(0), await cells(1), await cells(2)]).toEqual(['1 1 1', '2 2 1', 'src other 1'])
    expect(await page.locator('shared-row').nth(1).locator('.cell[data-version="2"] .by-hand').count()).toBe(1)
    expect(await page.locator('shared-row').nth(2).locator('.cell[data-version="0"] .gap').getAttribute('data-finding')).toBe('addition')
  })

  it('keeps a long comparison of three versions to the rows on screen', async () => {
    const lines = (make: (i: number) => string) => Array.from({ length: 1500 }, (_, i) => make(i)).join('\n')
    const { id } = await createComparison(server.url, {
      title: 'Long, three versions',
      presplit: true,
      versions: [
        { lang: 'en', text: lines((i) => `Report ${i + 1}: the crossing at ${i * 7} km was closed.`) },
        { lang: 'tr', text: lines((i) => `Rapor ${i + 1}: ${i * 7} km'deki geçiş kapatıldı.`) },
        { lang: 'ar', text: lines((i) => `التقرير ${i + 1}: أغلق المعبر عند ${i * 7} كم.`) },
      ],
    })
    const page = await open(`/c/${id}?v=all`)
    await page.locator('shared-row').first().waitFor()
    expect(await page.locator('shared-row').count()).toBeLessThan(60)
    await page.locator('rows-view .scroller').evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect.poll(() => page.locator('shared-row').last().getAttribute('data-row'), { timeout: 10_000 }).toBe('1499')
    expect(await page.locator('shared-row').count()).toBeLessThan(60)
  }, 60_000)
})
