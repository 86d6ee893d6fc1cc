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

  it('19: the coverage bars fill to the share they show', async () => {
    const page = await open(`/c/${seedPair().id}`)
    const meters = page.locator('summary-bar .meter')
    await meters.first().waitFor()
    expect(await meters.count()).toBe(2)
    for (let i = 0; i < 2; i++) {
      const meter = meters.nth(i)
      const percent = Number((await meter.locator('b').innerText()).replace('%', ''))
      const track = (await meter.locator('.track').boundingBox())!
      const fill = (await meter.locator('.fill').boundingBox())!
      expect(track.width).toBeGreaterThan(20)
      expect(fill.height).toBeGreaterThan(0)
      expect(fill.width / track.width).toBeCloseTo(percent / 100, 1)
    }
  })

  it('20: a focused finding’s message stays inside the list, clear of the side panel', async () => {
    const page = await open(`/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    const total = Number((await page.locator('summary-bar .position').innerText()).split('/')[1])
    expect(total).toBeGreaterThan(3)
    const outside: string[] = []
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('j')
      await page.waitForTimeout(150)
      // The message box of the focused highlight, badge or gap, against the list that clips it.
      const placed = await page.evaluate(() => {
        let el: Element | null = document.activeElement
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
        if (!(el instanceof HTMLElement) || el.dataset.message === undefined) return null
        const view = document.querySelector('parallax-app')!.shadowRoot!.querySelector('parallel-view')!
        const list = view.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect()
        const tip = getComputedStyle(el, '::after')
        const box = el.getBoundingClientRect()
        const shift = parseFloat(tip.translate) || 0
        const width = parseFloat(tip.width)
        const left = (getComputedStyle(el).direction === 'rtl' ? box.right - width : box.left) + shift
        return { message: el.dataset.message, left, right: left + width, listLeft: list.left, listRight: list.right }
      })
      if (placed && (placed.right > placed.listRight || placed.left < placed.listLeft)) {
        outside.push(`${placed.message.slice(0, 40)}: ${Math.round(placed.left)}–${Math.round(placed.right)} outside ${Math.round(placed.listLeft)}–${Math.round(placed.listRight)}`)
      }
    }
    expect(outside).toEqual([])
  })

  it('26: on a narrow screen, cells are labelled with their version’s label and every finding chip is in view', async () => {
    const page = await open(`/c/${seedPair().id}`, { width: 390, height: 844 })
    const first = page.locator('bead-row').nth(2)
    await first.waitFor()
    const labels = await first.locator('.side-label').evaluateAll((els) => els.map((e) => e.textContent!.trim()))
    expect(labels).toEqual(['English (original) · en', 'Turkish · tr'])
    const chips = page.locator('summary-bar .chip')
    expect(await chips.count()).toBeGreaterThan(4)
    for (const box of await chips.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(390)
    }
  })

  it('26: the all-versions view exports each pair, and TMX can leave out units in one language', async () => {
    const { id } = await createComparison(server.url, {
      title: 'Three versions to export',
      versions: [
        { label: 'English', lang: 'en', text: EN },
        { label: 'Turkish', lang: 'tr', text: TR },
        { label: 'Arabic', lang: 'ar', text: AR },
      ],
    })
    const page = await open(`/c/${id}?v=all`)
    await page.locator('shared-row').first().waitFor()
    await page.locator('header .exports summary').click()
    const links = page.locator('header .exports .menu a')
    const found = await links.evaluateAll((els) => els.map((a) => `${a.getAttribute('data-version')} ${a.getAttribute('data-export')}`))
    expect(found).toEqual(['1', '2'].flatMap((v) => ['tmx', 'tmx-pairs', 'tsv', 'json', 'html'].map((f) => `${v} ${f}`)))
    const href = (await page.locator('header .exports a[data-version="2"][data-export="tmx-pairs"]').getAttribute('href'))!
    expect(href).toContain('version=2')
    const units = async (url: string) => {
      const tmx = await (await fetch(server.url + url)).text()
      return [...tmx.matchAll(/<tu\b[\s\S]*?<\/tu>/g)].map((m) => (m[0].match(/<tuv\b/g) ?? []).length)
    }
    const all = await units(href.replace('&units=pairs', ''))
    const pairs = await units(href)
    expect(all).toContain(1)
    expect(pairs.length).toBeGreaterThan(0)
    expect(pairs.every((n) => n === 2)).toBe(true)
    expect(pairs.length).toBe(all.filter((n) => n === 2).length)
  })

  it('24: the form takes pre-split text one sentence per line, as given', async () => {
    // Lines a segmenter would join (a sentence runs on over the line break) or split (two in one line).
    const src = ['The talks went on until', 'late at night, officials said.', 'Both sides met again. Nothing was agreed.', 'A statement followed']
    const tgt = ['Görüşmeler geç saatlere kadar', 'sürdü, dedi yetkililer.', 'İki taraf yine görüştü. Anlaşma olmadı.', 'Bir açıklama yapıldı']
    const page = await open('/')
    await page.locator('#title').fill('Pre-split')
    await page.locator('#text-0').fill(src.join('\n'))
    await page.locator('#text-1').fill(tgt.join('\n'))
    await page.locator('#mode').selectOption('translation')
    await page.getByLabel('One sentence per line').check()
    await page.getByRole('button', { name: /^Align the/ }).click()
    await page.waitForURL('**/c/*')
    const keys = () => page.locator('bead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bead')).join(' '))
    await expect.poll(keys, { timeout: 20_000 }).toBe('0:0 1:1 2:2 3:3')
    const first = await page.locator('bead-row').first().locator('p.sentence[data-side="src"]').innerText()
    expect(first).toBe(src[0])
  }, 60_000)

  it('22: the list, the all-versions view and the pair views count the findings of three versions alike', async () => {
    const { id } = await createComparison(server.url, {
      title: 'Three versions counted',
      versions: [
        { label: 'English', lang: 'en', text: EN },
        { label: 'Turkish', lang: 'tr', text: TR },
        { label: 'Arabic', lang: 'ar', text: AR },
      ],
    })
    const pairTotal = async (v: number) => {
      const page = await open(`/c/${id}?v=${v}`)
      await page.locator('bead-row').first().waitFor()
      return Number((await page.locator('summary-bar .position').innerText()).split('/')[1])
    }
    const pairs = [await pairTotal(1), await pairTotal(2)]
    expect(pairs[0]).toBeGreaterThan(0)

    const all = await open(`/c/${id}?v=all`)
    await all.locator('shared-row').first().waitFor()
    const heads = await all.locator('rows-view .head .col .n').evaluateAll((els) => els.map((e) => parseInt(e.textContent!, 10)))
    expect(heads).toEqual(pairs)
    expect(await all.locator('rows-view .bar .count').innerText()).toMatch(new RegExp(`, ${pairs[0] + pairs[1]} findings$`))

    const list = await open('/')
    const card = list.locator(`comparison-list a.card[data-comparison="${id}"]`)
    await card.waitFor()
    const stats = await card.locator('.stats > span').evaluateAll((els) => els.map((e) => e.textContent!.replace(/\s+/g, ' ').trim()))
    expect(stats).toContain(`${pairs[0] + pairs[1]}findings`)
    expect(stats).toContain('3versions')
  })

  describe('23: keyboard', () => {
    it('reaches the first row with a skip link: Tab, Enter', async () => {
      const page = await open(`/c/${seedPair().id}`)
      await page.locator('bead-row').first().waitFor()
      await page.keyboard.press('Tab')
      expect((await focused(page))?.text).toBe('Skip to the rows')
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await focused(page))?.host).toBe('bead-row')
      await page.keyboard.press('ArrowDown')
      await expect.poll(async () => (await focused(page))?.bead).toBe('1:')
    })

    it('puts a to the note, and Esc back on the row, where the arrows go on', async () => {
      const seed = seedPair()
      const page = await open(`/c/${seed.id}#key=${encodeURIComponent(seed.ownerKey)}`)
      await page.locator('bead-row').first().waitFor()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
      await expect.poll(async () => (await focused(page))?.bead).toBe('3:1')
      await page.keyboard.press('Enter')
      await page.keyboard.press('a')
      await expect.poll(async () => (await focused(page))?.name).toBe('note')
      await page.keyboard.press('Escape')
      await expect.poll(async () => (await focused(page))?.bead).toBe('3:1')
      await page.keyboard.press('ArrowDown')
      await expect.poll(async () => (await focused(page))?.bead).toBe('4:2')
      // Esc on a row (selected or not) keeps the keyboard there too.
      await page.keyboard.press('Enter')
      await page.keyboard.press('Escape')
      await expect.poll(async () => (await focused(page))?.bead).toBe('4:2')
      await page.keyboard.press('ArrowUp')
      await expect.poll(async () => (await focused(page))?.bead).toBe('3:1')
    }, 60_000)

    it('walks on with j from the rows on screen after a scroll, not from the top', async () => {
      const page = await open(`/c/${seedPair().id}`)
      await page.locator('bead-row').first().waitFor()
      await page.keyboard.press('j')
      await expect.poll(() => page.locator('summary-bar .position').innerText()).toMatch(/^1 \//)
      const scroller = page.locator('parallel-view .scroller')
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
      await page.waitForTimeout(300)
      const top = Number(await page.locator('bead-row').evaluateAll((rows, scrollTop) => {
        const list = rows[0].parentElement!.closest('.scroller')!.getBoundingClientRect()
        const first = rows.find((r) => r.getBoundingClientRect().bottom > list.top + 1)!
        return (first as HTMLElement & { index: number }).index
      }, 0))
      expect(top).toBeGreaterThan(5)
      await page.keyboard.press('j')
      await expect.poll(async () => (await focused(page))?.host).toBe('bead-row')
      const bead = await page.evaluate(() => {
        let el: Element | null = document.activeElement
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
        return ((el!.getRootNode() as ShadowRoot).host as HTMLElement & { index: number }).index
      })
      expect(bead).toBeGreaterThanOrEqual(top)
      expect(Number((await page.locator('summary-bar .position').innerText()).split(' ')[0])).toBeGreaterThan(2)
    })
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
