/**
 * Page benchmark: time to first rendered row and to fully interactive, for the seed pair and for
 * a 5,000-row comparison, in headless Chromium against the real server; plus frame times while
 * scrolling the 5,000 rows and the delay of a key press (next finding).
 *
 * "First row": navigation start → the first `<bead-row>` has rendered its content.
 * "Interactive": the summary bar, the map and the annotation panel are rendered, and the main
 * thread then has an idle period (requestIdleCallback), so input is handled at once.
 *
 * Run: `node --import tsx bench/page-bench.ts [runs]` (default 3 runs each, medians printed).
 */
import { buildClient, browserSkipReason, createComparison, launchBrowser, startServer } from '../tests/e2e/harness.ts'

const RUNS = Number(process.argv[2] ?? 3)
const ROWS = 5000

/**
 * Installed before the page's own scripts: records when the first row and the whole UI are up.
 * Plain JavaScript in a string, so the TypeScript loader adds no helpers the page lacks.
 */
const PROBE = `(() => {
  const deep = (selector) => {
    const stack = [document]
    while (stack.length) {
      const root = stack.pop()
      const hit = root.querySelector(selector)
      if (hit) return hit
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && stack.push(el.shadowRoot))
    }
    return null
  }
  const tick = () => {
    if (window.__first === undefined && deep('bead-row')?.shadowRoot?.querySelector('.row')) window.__first = performance.now()
    const inside = (host, selector) => deep(host)?.shadowRoot?.querySelector(selector)
    if (window.__first !== undefined && inside('summary-bar', '.bar') && inside('alignment-map', 'svg') && inside('annotation-panel', 'h2')) {
      requestIdleCallback(() => (window.__interactive = performance.now()))
      return
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

interface Sample {
  first: number
  interactive: number
  keyDelay: number
  frames?: { p50: number; p95: number; max: number; rendered: number }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const skip = browserSkipReason()
  if (skip) {
    console.log(`page-bench skipped: ${skip}`)
    return
  }
  buildClient()
  const server = await startServer()
  const browser = await launchBrowser()
  try {
    const seed = server.seeds.find((s) => /Turkish/.test(s.title)) ?? server.seeds[0]
    if (!seed) throw new Error(`the server wrote no sample comparison:\n${server.output()}`)
    const line = (i: number, words: string[]) => `${words[i % words.length]} ${i + 1}: the report goes on about crossing ${i * 7} and the border, long enough to wrap once.`
    const t0 = performance.now()
    const big = await createComparison(server.url, {
      title: `${ROWS} rows`,
      presplit: true,
      versions: [
        { lang: 'en', text: Array.from({ length: ROWS }, (_, i) => line(i, ['Line', 'Item', 'Entry'])).join('\n') },
        { lang: 'en', text: Array.from({ length: ROWS }, (_, i) => line(i, ['Row', 'Point', 'Note'])).join('\n') },
      ],
    })
    console.log(`created the ${ROWS}-row comparison in ${((performance.now() - t0) / 1000).toFixed(1)} s (server-side alignment)`)

    const results: Record<string, Sample[]> = { 'seed pair': [], [`${ROWS} rows`]: [] }
    for (let run = 0; run < RUNS; run++) {
      for (const [name, id] of [['seed pair', seed.id], [`${ROWS} rows`, big.id]] as const) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
        const page = await context.newPage()
        await page.addInitScript({ content: PROBE })
        await page.goto(`${server.url}/c/${id}`)
        await page.waitForFunction(() => (window as unknown as { __interactive?: number }).__interactive !== undefined, null, { timeout: 60_000 })
        const { first, interactive } = await page.evaluate(() => {
          const w = window as unknown as { __first: number; __interactive: number }
          return { first: w.__first, interactive: w.__interactive }
        })
        // Key press → next finding shown and focused.
        const keyDelay = await page.evaluate(async () => {
          const bar = document.querySelector('parallax-app')!.shadowRoot!.querySelector('summary-bar')!
          const before = bar.shadowRoot!.querySelector('.position')!.textContent
          const start = performance.now()
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }))
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r))
            if (bar.shadowRoot!.querySelector('.position')!.textContent !== before) return performance.now() - start
            if (performance.now() - start > 5000) return NaN
          }
        })
        const sample: Sample = { first, interactive, keyDelay }
        if (name !== 'seed pair') {
          sample.frames = await page.evaluate(async () => {
            const view = document.querySelector('parallax-app')!.shadowRoot!.querySelector('parallel-view')!
            const scroller = view.shadowRoot!.querySelector('.scroller') as HTMLElement
            const times: number[] = []
            let last = performance.now()
            // Fling through a third of the document, 300 px a frame (18,000 px/s at 60 fps).
            for (let i = 0; i < 400; i++) {
              scroller.scrollTop += 300
              await new Promise((r) => requestAnimationFrame(r))
              const now = performance.now()
              times.push(now - last)
              last = now
            }
            times.sort((a, b) => a - b)
            return {
              p50: times[Math.floor(times.length * 0.5)],
              p95: times[Math.floor(times.length * 0.95)],
              max: times[times.length - 1],
              rendered: view.shadowRoot!.querySelectorAll('bead-row').length,
            }
          })
        }
        results[name].push(sample)
        await context.close()
      }
    }

    const ms = (x: number) => `${Math.round(x)} ms`.padStart(8)
    console.log(`\nmedian of ${RUNS} runs, headless Chromium, 1440×900`)
    console.log('comparison        first row  interactive  key → next finding')
    for (const [name, samples] of Object.entries(results)) {
      console.log(`${name.padEnd(16)} ${ms(median(samples.map((s) => s.first)))}   ${ms(median(samples.map((s) => s.interactive)))}   ${ms(median(samples.map((s) => s.keyDelay)))}`)
    }
    const frames = results[`${ROWS} rows`].map((s) => s.frames!)
    console.log(
      `\nscrolling ${ROWS} rows: frame time p50 ${median(frames.map((f) => f.p50)).toFixed(1)} ms, p95 ${median(frames.map((f) => f.p95)).toFixed(1)} ms, ` +
        `max ${median(frames.map((f) => f.max)).toFixed(1)} ms; rows in the DOM: ${frames[0].rendered} of ${ROWS}`,
    )
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
