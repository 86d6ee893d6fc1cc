/**
 * The page in headless Chromium against the real server (built page, `server/main.ts`, a fresh
 * PGlite folder): what a person sees and does, per issue 5, and that user text never runs as code.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, SCREENSHOTS, browserSkipReason, buildClient, createComparison, launchBrowser, startServer, watchPage, type RunningServer } from './harness.ts'

const skip = browserSkipReason()
if (skip) console.warn(`[e2e] skipped: ${skip}`)

const seedText = (file: string) => readFileSync(join(ROOT, 'seeds', file), 'utf8')

describe.skipIf(!!skip)('page (Chromium)', () => {
  let server: RunningServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const errors: string[] = []

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
  })

  async function open(path: string, viewport = { width: 1440, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true, colorScheme })
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
      return el ? { tag: el.tagName.toLowerCase(), finding: el.getAttribute('data-finding'), text: el.textContent } : null
    })

  it('lists the seed pair first and opens it at its own address', async () => {
    const page = await open('/')
    const first = page.locator('comparison-list a.card').first()
    await expect.poll(() => first.getAttribute('data-comparison')).toBe(seedPair().id)
    await first.click()
    await page.waitForURL(`**/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    expect(await page.title()).toContain('Turkish')
  })

  it('reads the comparison without its texts, and gets the large answers compressed', async () => {
    const context = await browser.newContext()
    contexts.push(context)
    const page = await context.newPage()
    const answers: Array<{ path: string; encoding: string }> = []
    page.on('response', async (res) => {
      const url = new URL(res.url())
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) {
        answers.push({ path: url.pathname.replace(/[^/]+\.js$/, 'X.js') + url.search, encoding: (await res.allHeaders())['content-encoding'] ?? '-' })
      }
    })
    const id = seedPair().id
    await page.goto(`${server.url}/c/${id}`)
    await page.locator('bead-row').first().waitFor()
    const seen = (path: string) => answers.find((a) => a.path === path)?.encoding
    expect([seen(`/api/comparisons/${id}?texts=false`), seen(`/api/comparisons/${id}/alignment`), seen('/assets/X.js')]).toEqual(['gzip', 'gzip', 'gzip'])
    expect(answers.some((a) => a.path === `/api/comparisons/${id}`)).toBe(false)
  })

  it('shows the seed pair with Taliban* as annotation-marker and the headlines as gap rows', async () => {
    const page = await open(`/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    // The first rows are the English headline (twice), with nothing on the Turkish side.
    const firstRows = page.locator('bead-row').filter({ has: page.locator('[data-gap="tgt"]') })
    const headline = /As Taliban 'Seizes' Key Crossing With Iran/
    const gapTexts = await firstRows.locator('.cell.src').allInnerTexts()
    expect(gapTexts.filter((t) => headline.test(t)).length).toBeGreaterThanOrEqual(2)
    for (const key of await firstRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bead')))) expect(key).toMatch(/^\d+(,\d+)*:$/)
    // The gap is marked as the omission it is, with the finding's message.
    const gap = page.locator('bead-row [data-gap="tgt"]').first()
    expect([await gap.getAttribute('data-finding'), await gap.innerText()]).toEqual(['omission', 'not in the target'])
    // The asterisk of "Taliban*" is highlighted as an annotation marker, inside its sentence.
    const marker = page.locator('[data-finding="annotation-marker"]').first()
    await marker.waitFor()
    expect(await marker.innerText()).toContain('*')
    const sentence = page.locator('p.sentence', { has: page.locator('[data-finding="annotation-marker"]') }).first()
    expect(await sentence.innerText()).toContain('Taliban* spokesman')
    // Hovering shows its message.
    expect(await marker.getAttribute('data-message')).toMatch(/\S{10,}/)
    await page.locator('summary-bar').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'seed-pair.png') })
  })

  it('moves between findings with the keyboard and the buttons', async () => {
    const page = await open(`/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    const position = page.locator('summary-bar .position')
    const total = Number((await position.innerText()).match(/(\d+) findings|\/ (\d+)/)!.slice(1).find(Boolean))
    expect(total).toBeGreaterThan(2)
    await page.keyboard.press('j')
    await expect.poll(() => position.innerText()).toBe(`1 / ${total}`)
    expect((await focused(page))?.finding).toBeTruthy()
    await page.keyboard.press('j')
    await expect.poll(() => position.innerText()).toBe(`2 / ${total}`)
    const second = await focused(page)
    await page.keyboard.press('n')
    await page.keyboard.press('k')
    await expect.poll(() => position.innerText()).toBe(`2 / ${total}`)
    expect(await focused(page)).toEqual(second)
    await page.locator('summary-bar [data-action="next-finding"]').click()
    await expect.poll(() => position.innerText()).toBe(`3 / ${total}`)
    // Focus is visible: the focused highlight has an outline.
    await page.keyboard.press('p')
    const outline = await page.evaluate(() => {
      let el: Element | null = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      return el ? getComputedStyle(el).outlineStyle : 'none'
    })
    expect(outline).not.toBe('none')
  })

  it('filters to one kind and to rows with findings', async () => {
    const page = await open(`/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    const keys = () => page.locator('bead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bead')))
    const all = await keys()
    await page.locator('summary-bar [data-kind="annotation-marker"]').click()
    await expect.poll(() => page.locator('bead-row').count()).toBe(1)
    expect(await page.locator('bead-row [data-finding="annotation-marker"]').count()).toBe(1)
    await page.locator('summary-bar [data-kind="annotation-marker"]').click()
    await expect.poll(async () => (await keys()).slice(0, 5)).toEqual(all.slice(0, 5))
    // Only rows with findings: every row shown has a highlight or a badge.
    await page.getByLabel('Only rows with findings').check()
    await expect.poll(async () => (await keys()).length).toBeLessThan(all.length)
    const bare = await page.locator('bead-row').evaluateAll((rows) => rows.filter((r) => !r.shadowRoot!.querySelector('[data-finding]')).length)
    expect(bare).toBe(0)
  })

  it('creates a comparison from pasted text and keeps its owner key', async () => {
    const page = await open('/')
    await page.locator('#text-0').fill('The first sentence is here. The second one follows it.\n\nA third sentence ends the text.')
    await page.locator('#text-1').fill('İlk cümle burada. İkincisi onu izliyor.\n\nÜçüncü cümle metni bitiriyor.')
    await page.locator('#title').fill('Pasted pair')
    await page.getByRole('button', { name: 'Align the two texts' }).click()
    await page.waitForURL(/\/c\/[^/]+$/, { timeout: 60_000 })
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    await page.locator('bead-row').first().waitFor()
    expect(await page.locator('bead-row').count()).toBe(3)
    expect(await page.locator('[data-owner-key]').innerText()).toMatch(/^plx_/)
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('parallax.keys') ?? '{}'))
    expect(stored[id].map((k: { role: string }) => k.role)).toEqual(['owner'])
    expect(await page.locator('header .keystate').innerText()).toBe('Owner')
  })

  it('takes two dropped files, detects their languages, and aligns them', async () => {
    const page = await open('/')
    const target = page.locator('new-comparison .drop').first()
    await target.waitFor()
    const transfer = await page.evaluateHandle(
      ([en, tr]) => {
        const data = new DataTransfer()
        data.items.add(new File([en], 'report-en.txt', { type: 'text/plain' }))
        data.items.add(new File([tr], 'report-tr.txt', { type: 'text/plain' }))
        return data
      },
      [seedText('001_ca6b3e2cd13aa704.txt'), seedText('000_195cf53558b12275.txt')],
    )
    await target.dispatchEvent('drop', { dataTransfer: transfer })
    await expect.poll(() => page.locator('#text-1').inputValue()).toContain('Taliban')
    expect(await page.locator('#label-0').inputValue()).toBe('report-en')
    expect(await page.locator('#lang-0 option:checked').innerText()).toBe('English (detected)')
    expect(await page.locator('#lang-1 option:checked').innerText()).toBe('Turkish (detected)')
    await page.locator('#mode').selectOption('translation')
    // Hold the request a moment, as a large upload would take: the page shows it is working.
    await page.route('**/api/comparisons', async (route) => {
      if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1500))
      await route.continue()
    })
    await page.getByRole('button', { name: 'Align the two texts' }).click()
    const status = page.locator('new-comparison [role="status"]')
    await status.waitFor()
    // Held in the browser: the server has not seen it yet, and the page says it is on its way.
    expect(await status.innerText()).toMatch(/^Sending the texts… \d+ s$/)
    expect(await page.getByRole('button', { name: 'Align the two texts' }).isDisabled()).toBe(true)
    await page.waitForURL(/\/c\/[^/]+$/, { timeout: 60_000 })
    await page.locator('[data-finding="annotation-marker"]').first().waitFor()
    expect(await page.locator('header h1').innerText()).toMatch(/^As Taliban 'Seizes' Key Crossing With Iran, Moscow Says/)
  })

  it('fills its progress bar with the server’s own percentages while a large upload is aligned', async () => {
    const page = await open('/')
    // The seed pair 60 times over (190 KB a side), numbers shifted per copy: a few seconds of work.
    const many = (t: string) => Array.from({ length: 60 }, (_, i) => t.replace(/\d+/g, (d) => String(+d + i))).join('\n\n')
    const target = page.locator('new-comparison .drop').first()
    await target.waitFor()
    // Dropped as files: typing 190 KB into a text box is slow in any browser.
    const transfer = await page.evaluateHandle(
      ([en, tr]) => {
        const data = new DataTransfer()
        data.items.add(new File([en], 'large-en.txt', { type: 'text/plain' }))
        data.items.add(new File([tr], 'large-tr.txt', { type: 'text/plain' }))
        return data
      },
      [many(seedText('001_ca6b3e2cd13aa704.txt')), many(seedText('000_195cf53558b12275.txt'))],
    )
    await target.dispatchEvent('drop', { dataTransfer: transfer })
    await expect.poll(() => page.locator('#label-1').inputValue()).toBe('large-tr')
    await page.locator('#title').fill('Large uploaded pair')
    await page.locator('#mode').selectOption('translation')
    await page.getByRole('button', { name: 'Align the two texts' }).click()
    const bar = page.locator('new-comparison [role="progressbar"]')
    const values: number[] = []
    const labels = new Set<string>()
    while (!/\/c\/[^/]+$/.test(page.url())) {
      const [now, label] = await bar
        .evaluate((el) => [el.getAttribute('aria-valuenow'), el.getAttribute('aria-valuetext') ?? ''] as const, undefined, { timeout: 1000 })
        .catch(() => [null, ''] as const)
      if (now !== null) values.push(Number(now))
      if (label) labels.add(label.replace(/ \d+ %$/, ''))
      await page.waitForTimeout(60)
    }
    await page.locator('bead-row').first().waitFor()
    // Real steps, each at least the last: not a bar that only slides, nor one that jumps to the end.
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(new Set(values.filter((v) => v > 0 && v < 100)).size).toBeGreaterThanOrEqual(2)
    expect([...labels]).toContain('Aligning sentences…')
  })

  it('adds, edits and deletes an annotation, each surviving a reload', async () => {
    const seed = seedPair()
    // A link with the key in its fragment hands the key to the page, which keeps it.
    const page = await open(`/c/${seed.id}#key=${encodeURIComponent(seed.ownerKey)}`)
    await page.locator('bead-row').first().waitFor()
    expect(new URL(page.url()).hash).toBe('')
    const row = page.locator('bead-row').nth(3)
    const key = await row.getAttribute('data-bead')
    await row.locator('.gutter').click()
    const form = page.locator('annotation-panel form.new')
    await form.locator('select[name="tag"]').selectOption('modulation')
    await form.locator('input[name="tags"]').fill('syntax, voice')
    await form.locator('textarea[name="note"]').fill('Passive turned active.')
    await form.locator('input[name="author"]').fill('Ayşe')
    await form.getByRole('button', { name: 'Save annotation' }).click()
    const card = page.locator('annotation-panel article.card').filter({ hasText: 'Passive turned active.' })
    await card.waitFor()
    await expect.poll(() => page.locator(`bead-row[data-bead="${key}"] .note`).count()).toBe(1)

    await page.reload()
    await card.waitFor()
    expect(await card.innerText()).toMatch(/modulation[\s\S]*#syntax[\s\S]*#voice[\s\S]*Ayşe/)
    await card.locator('[data-action="edit"]').click()
    const edit = page.locator('annotation-panel form.edit')
    await edit.locator('textarea[name="note"]').fill('Passive turned active; agent made explicit.')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    const edited = page.locator('annotation-panel article.card').filter({ hasText: 'agent made explicit' })
    await edited.waitFor()

    await page.reload()
    await edited.waitFor()
    await edited.locator('[data-action="delete"]').click()
    await edited.locator('[data-action="confirm-delete"]').click()
    await expect.poll(() => page.locator('annotation-panel article.card').filter({ hasText: 'agent made explicit' }).count()).toBe(0)
    await page.reload()
    await page.locator('bead-row').first().waitFor()
    await page.locator('annotation-panel h2').waitFor()
    expect(await page.locator('annotation-panel article.card').filter({ hasText: 'agent made explicit' }).count()).toBe(0)
  })

  it('annotates a span of text selected with the mouse', async () => {
    const seed = seedPair()
    const page = await open(`/c/${seed.id}#key=${encodeURIComponent(seed.ownerKey)}`)
    const word = page.locator('[data-finding="annotation-marker"]').first()
    await word.waitFor()
    // Double-click a word: the browser selects it, the page takes the span.
    const sentence = page.locator('p.sentence', { has: word }).first()
    const box = (await word.boundingBox())!
    await page.mouse.dblclick(box.x + box.width / 3, box.y + box.height / 2)
    const quote = page.locator('annotation-panel form.new blockquote')
    await quote.waitFor()
    const selected = (await quote.innerText()).trim()
    expect(selected).toMatch(/^Taliban/)
    expect(await sentence.innerText()).toContain(selected)
    await page.locator('annotation-panel form.new textarea[name="note"]').fill('span note')
    await page.locator('annotation-panel form.new').getByRole('button', { name: 'Save annotation' }).click()
    await page.locator('annotation-panel article.card').filter({ hasText: 'span note' }).waitFor()
    await expect.poll(() => sentence.locator('.ann').count()).toBeGreaterThan(0)
  })

  it('merges and splits a row, marks it as set by hand, and undoes', async () => {
    const text = (n: number, lang: string) => Array.from({ length: n }, (_, i) => `${lang} sentence number ${i + 1} says something ${i * 3}.`).join('\n')
    const { id, ownerKey } = await createComparison(server.url, {
      title: 'Merge and split',
      presplit: true,
      mode: 'translation',
      versions: [
        { label: 'A', lang: 'en', text: text(4, 'English') },
        { label: 'B', lang: 'en', text: text(4, 'Other') },
      ],
    })
    const page = await open(`/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    await page.locator('bead-row').first().waitFor()
    const keys = () => page.locator('bead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bead')).join(' '))
    expect(await keys()).toBe('0:0 1:1 2:2 3:3')
    await page.locator('bead-row[data-bead="1:1"] .gutter').click()
    await page.locator('bead-row[data-bead="1:1"] [data-action="merge"]').click()
    await expect.poll(keys).toBe('0:0 1,2:1,2 3:3')
    expect(await page.locator('bead-row[data-bead="1,2:1,2"] .by-hand').innerText()).toBe('by hand')
    await page.locator('bead-row[data-bead="1,2:1,2"] [data-action="split"]').click()
    await expect.poll(keys).toBe('0:0 1:1 2:2 3:3')
    expect(await page.locator('bead-row .by-hand').count()).toBe(2)
    // Move a target sentence down, then undo twice to where we started.
    await page.locator('bead-row[data-bead="1:1"] .gutter').click()
    await page.locator('bead-row[data-bead="1:1"] [data-action="tgt-down"]').click()
    await expect.poll(keys).toBe('0:0 1: 2:1,2 3:3')
    await page.locator('header [data-action="undo"]').click()
    await expect.poll(keys).toBe('0:0 1:1 2:2 3:3')
    // The row shows at once; the next correction waits until the server has the last one.
    await page.locator('header [data-action="undo"]:not([disabled])').waitFor()
    await page.keyboard.press('u')
    await expect.poll(keys).toBe('0:0 1,2:1,2 3:3')
    // The correction is stored once saving is over: a reload shows it.
    await page.locator('header [data-action="undo"]:has-text("Undo")').waitFor()
    await page.reload()
    await expect.poll(keys).toBe('0:0 1,2:1,2 3:3')
  })

  it('exports TMX', async () => {
    const page = await open(`/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    await page.locator('header details.exports summary').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('header [data-export="tmx"]').click()])
    const body = readFileSync((await download.path())!, 'utf8')
    expect(body).toMatch(/<tmx[\s>]/)
    expect(body).toContain('<tu')
    expect(download.suggestedFilename()).toMatch(/\.tmx$/)
  })

  it('shows Arabic right to left in its own font', async () => {
    const arabic = server.seeds.find((s) => /Arabic/.test(s.title))
    expect(arabic, server.output()).toBeDefined()
    const page = await open(`/c/${arabic!.id}`)
    await page.locator('bead-row').first().waitFor()
    const cell = page.locator('bead-row .cell[lang="ar"]').first()
    await cell.waitFor()
    expect(await cell.getAttribute('dir')).toBe('rtl')
    const styles = await page.locator('bead-row .cell[lang="ar"] p.sentence').evaluateAll((ps) =>
      ps.map((p) => ({ direction: getComputedStyle(p).direction, font: getComputedStyle(p).fontFamily, align: getComputedStyle(p.parentElement!).textAlign })),
    )
    expect(styles.length).toBeGreaterThan(2)
    for (const style of styles) {
      expect(style.direction).toBe('rtl')
      expect(style.align).toBe('right')
      expect(style.font).toMatch(/^"Noto Naskh Arabic"/)
    }
    // The column head follows the direction too.
    expect(await page.locator('parallel-view .head .col[dir="rtl"]').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'arabic-english.png') })
  })

  it('stacks the columns inside each row on a narrow screen', async () => {
    const page = await open(`/c/${seedPair().id}`, { width: 390, height: 844 })
    const row = page.locator('bead-row').filter({ has: page.locator('.cell.src p.sentence') }).filter({ has: page.locator('.cell.tgt p.sentence') }).first()
    await row.waitFor()
    const src = (await row.locator('.cell.src').boundingBox())!
    const tgt = (await row.locator('.cell.tgt').boundingBox())!
    expect(tgt.y).toBeGreaterThanOrEqual(src.y + src.height - 1)
    expect(src.width).toBeGreaterThan(300)
    // No sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: join(SCREENSHOTS, 'narrow.png') })
    // The map and the annotations open as a drawer.
    const aside = page.locator('parallax-app aside')
    expect(await aside.isVisible()).toBe(false)
    await page.getByRole('button', { name: /Notes & map/ }).click()
    await expect.poll(() => aside.isVisible()).toBe(true)
    // Slid in completely (it moves in over a fraction of a second).
    await expect.poll(async () => Math.round((await aside.boundingBox())!.x + (await aside.boundingBox())!.width)).toBe(390)
    await page.screenshot({ path: join(SCREENSHOTS, 'narrow-drawer.png') })
    await page.keyboard.press('Escape')
    await expect.poll(() => aside.isVisible()).toBe(false)
  })

  it('renders HTML and script in documents and notes as text, and runs none of it', async () => {
    const hostile = '<script>window.__pwned = 1</script> A <img src=x onerror="window.__pwned = 2"> tag. <b onmouseover="window.__pwned=3">Bold</b> text.'
    const { id, ownerKey } = await createComparison(server.url, {
      title: '<img src=x onerror="window.__pwned = 4">',
      versions: [
        { lang: 'en', text: `${hostile}\n\nA plain sentence.` },
        { lang: 'en', text: `Another sentence. ${hostile}` },
      ],
    })
    const page = await open(`/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    await page.locator('bead-row').first().waitFor()
    await page.locator('bead-row').first().locator('.gutter').click()
    await page.locator('annotation-panel form.new textarea[name="note"]').fill('<script>window.__pwned = 5</script><img src=y onerror="window.__pwned=6">')
    await page.locator('annotation-panel form.new').getByRole('button', { name: 'Save annotation' }).click()
    await page.locator('annotation-panel article.card').first().waitFor()
    await page.reload()
    await page.locator('annotation-panel article.card').first().waitFor()
    await page.mouse.move(400, 300)
    await page.waitForTimeout(300)
    const seen = await page.evaluate(() => {
      const all: Element[] = []
      const walk = (root: Document | ShadowRoot) =>
        root.querySelectorAll('*').forEach((el) => {
          all.push(el)
          if (el.shadowRoot) walk(el.shadowRoot)
        })
      walk(document)
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        imgs: all.filter((el) => el.tagName === 'IMG').length,
        scripts: all.filter((el) => el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src).length,
        handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      }
    })
    expect(seen).toEqual({ pwned: undefined, imgs: 0, scripts: 0, handlers: 0 })
    const texts = (await page.locator('bead-row p.sentence').allInnerTexts()).join('\n')
    expect(texts).toContain('<script>window.__pwned = 1</script>')
    expect(texts).toContain('<img src=x onerror="window.__pwned = 2">')
    expect(await page.locator('annotation-panel article.card .note').first().innerText()).toContain('<img src=y onerror="window.__pwned=6">')
    expect(await page.locator('header h1').innerText()).toBe('<img src=x onerror="window.__pwned = 4">')
  })

  it('annotates with the keyboard alone', async () => {
    const seed = seedPair()
    const page = await open(`/c/${seed.id}#key=${encodeURIComponent(seed.ownerKey)}`)
    await page.locator('bead-row').first().waitFor()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await page.keyboard.press('a')
    // The note first; the free tags are one Shift+Tab before it.
    expect((await focused(page))?.tag).toBe('textarea')
    await page.keyboard.type('Made without a mouse.')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.type('keyboard')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect((await focused(page))?.text?.trim()).toBe('Save annotation')
    await page.keyboard.press('Enter')
    const card = page.locator('annotation-panel article.card').filter({ hasText: 'Made without a mouse.' })
    await card.waitFor()
    expect(await card.innerText()).toContain('#keyboard')
  })

  it('jumps to a row from the alignment map', async () => {
    const page = await open(`/c/${seedPair().id}`)
    await page.locator('bead-row').first().waitFor()
    const plot = (await page.locator('alignment-map svg').boundingBox())!
    // Bottom right of the plot: the end of both texts.
    await page.mouse.click(plot.x + plot.width * 0.985, plot.y + plot.height * 0.985)
    const rows = await page.evaluate(() => (document.querySelector('parallax-app') as unknown as { report: { beads: unknown[] } }).report.beads.length)
    const selected = () =>
      page.locator('bead-row').evaluateAll((els) => (els as Array<HTMLElement & { selected: boolean; index: number }>).filter((r) => r.selected).map((r) => r.index))
    await expect.poll(async () => (await selected())[0]).toBeGreaterThanOrEqual(rows - 4)
    // Clicking near the start goes back to the first rows.
    await page.mouse.click(plot.x + plot.width * 0.03, plot.y + plot.height * 0.03)
    await expect.poll(async () => (await selected())[0]).toBeLessThan(2)
    expect(await page.locator('alignment-map .band').count()).toBe(1)
  })

  it('tells the second of two people correcting at once that they conflict, and shows the first one’s work', async () => {
    const text = (lang: string) => Array.from({ length: 4 }, (_, i) => `${lang} line ${i + 1} about the number ${i * 11}.`).join('\n')
    const { id, ownerKey } = await createComparison(server.url, {
      title: 'Conflict',
      presplit: true,
      mode: 'translation',
      versions: [{ lang: 'en', text: text('First') }, { lang: 'en', text: text('Second') }],
    })
    const link = `/c/${id}#key=${encodeURIComponent(ownerKey)}`
    const [a, b] = [await open(link), await open(link)]
    for (const page of [a, b]) await page.locator('bead-row[data-bead="0:0"]').waitFor()
    const keys = (page: Page) => page.locator('bead-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-bead')).join(' '))
    await a.locator('bead-row[data-bead="0:0"] .gutter').click()
    await a.locator('bead-row[data-bead="0:0"] [data-action="merge"]').click()
    await expect.poll(() => keys(a)).toBe('0,1:0,1 2:2 3:3')
    await a.locator('header [data-action="undo"]:not([disabled])').waitFor()
    await b.locator('bead-row[data-bead="2:2"] .gutter').click()
    await b.locator('bead-row[data-bead="2:2"] [data-action="merge"]').click()
    await expect.poll(() => b.locator('.toast').innerText()).toMatch(/Someone else corrected/)
    await expect.poll(() => keys(b)).toBe('0,1:0,1 2:2 3:3')
  })

  it.each(['light', 'dark'] as const)('keeps text contrast at WCAG AA (%s)', async (scheme) => {
    const page = await open(`/c/${seedPair().id}`, undefined, scheme)
    await page.locator('[data-finding="annotation-marker"]').first().waitFor()
    const failures = await page.evaluate(() => {
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
      }
      const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)
      const background = (el: Element | null): number[] => {
        for (let at = el; at; at = parentOf(at)) {
          const [r, g, b, a = 1] = parse(getComputedStyle(at).backgroundColor)
          if (a > 0.5) return [r, g, b]
        }
        return [255, 255, 255]
      }
      const out: string[] = []
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) visit(el.shadowRoot)
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
          const style = getComputedStyle(el)
          if (!own || style.visibility === 'hidden' || style.display === 'none' || (el as HTMLElement).offsetWidth === 0) continue
          if ((el as HTMLButtonElement).disabled || el.closest('[disabled]') || ['OPTION', 'TEXTAREA', 'INPUT', 'STYLE', 'SCRIPT'].includes(el.tagName)) continue
          const [l1, l2] = [lum(parse(style.color)), lum(background(el))].sort((x, y) => y - x)
          const ratio = (l1 + 0.05) / (l2 + 0.05)
          const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700)
          if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}`)
        }
      }
      visit(document)
      return out
    })
    expect(failures).toEqual([])
    if (scheme === 'dark') {
      await page.keyboard.press('j')
      await page.keyboard.press('j')
      await page.keyboard.press('j')
      await page.screenshot({ path: join(SCREENSHOTS, 'seed-pair-dark.png') })
    }
  })

  it('lets the owner hand a student a key, the student annotate, and the owner delete it all', async () => {
    const { id, ownerKey } = await createComparison(server.url, {
      title: 'Classroom',
      mode: 'translation',
      versions: [{ lang: 'en', text: 'One sentence here. Another one there.' }, { lang: 'tr', text: 'Burada bir cümle. Orada bir başkası.' }],
    })
    const owner = await open(`/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    await owner.locator('bead-row').first().waitFor()
    await owner.locator('bead-row').first().locator('.gutter').click()
    await owner.locator('annotation-panel form.new textarea[name="note"]').fill('Owner note')
    await owner.locator('annotation-panel form.new').getByRole('button', { name: 'Save annotation' }).click()
    await owner.locator('annotation-panel article.card').filter({ hasText: 'Owner note' }).waitFor()
    await owner.locator('share-panel summary').click()
    await owner.locator('share-panel input[name="label"]').fill('Student 7')
    await owner.locator('share-panel').getByRole('button', { name: 'Make a key' }).click()
    const link = await owner.locator('share-panel [data-key-link]').innerText()
    expect(link).toMatch(new RegExp(`/c/${id}#key=plx_`))

    const student = await open(new URL(link).pathname + new URL(link).hash)
    await student.locator('bead-row').first().waitFor()
    await expect.poll(() => student.locator('header .keystate').innerText()).toBe('Participant')
    // The owner's note is shown to the student but not editable by them.
    const ownerCard = student.locator('annotation-panel article.card').filter({ hasText: 'Owner note' })
    await ownerCard.waitFor()
    expect(await ownerCard.locator('[data-action="edit"]').count()).toBe(0)
    await student.locator('bead-row').nth(1).locator('.gutter').click()
    await student.locator('annotation-panel form.new textarea[name="note"]').fill('Student note')
    await student.locator('annotation-panel form.new').getByRole('button', { name: 'Save annotation' }).click()
    const mine = student.locator('annotation-panel article.card').filter({ hasText: 'Student note' })
    await mine.waitFor()
    expect(await mine.locator('[data-action="edit"]').count()).toBe(1)
    // The student may not delete the comparison: the owner tools are not shown to them.
    expect(await student.locator('share-panel').count()).toBe(0)

    await owner.reload()
    await owner.locator('annotation-panel article.card').filter({ hasText: 'Student note' }).waitFor()
    await owner.locator('share-panel summary').click()
    await owner.locator('share-panel [data-action="delete-comparison"]').click()
    await owner.locator('share-panel [data-action="confirm-delete-comparison"]').click()
    await owner.waitForURL(`${server.url}/`)
    expect((await fetch(`${server.url}/api/comparisons/${id}`)).status).toBe(404)
  })

  it('shows each version of a comparison against the source, at its own address', async () => {
    const { id } = await createComparison(server.url, {
      title: 'Three versions',
      mode: 'translation',
      versions: [
        { label: 'English', lang: 'en', text: 'The border is closed. Trade has stopped.' },
        { label: 'Turkish', lang: 'tr', text: 'Sınır kapalı. Ticaret durdu.' },
        { label: 'Arabic', lang: 'ar', text: 'الحدود مغلقة. توقفت التجارة.' },
      ],
    })
    const page = await open(`/c/${id}?v=2`)
    await page.locator('bead-row .cell[lang="ar"]').first().waitFor()
    expect(await page.locator('parallel-view .head .col').nth(1).innerText()).toContain('Arabic')
    expect(await page.locator('header [data-export="tmx"]').getAttribute('href')).toContain('version=2')
    await page.locator('header select.version').selectOption('1')
    await page.waitForURL(`**/c/${id}`)
    await page.locator('bead-row .cell[lang="tr"]').first().waitFor()
    expect(await page.locator('bead-row .cell[lang="ar"]').count()).toBe(0)
    await page.goBack()
    await page.locator('bead-row .cell[lang="ar"]').first().waitFor()
  })

  it('says so when a comparison does not exist', async () => {
    const page = await open('/c/no-such-comparison')
    await page.getByText('There is no comparison at this address.').waitFor()
    await page.getByRole('link', { name: 'Back to the list' }).click()
    await page.waitForURL(`${server.url}/`)
    await page.locator('comparison-list a.card').first().waitFor()
  })

  it('raised no page errors', () => {
    expect(errors).toEqual([])
  })
})
