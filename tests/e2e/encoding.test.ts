/**
 * The form reads files that are not UTF-8 (issue 10, item 16): a Turkish windows-1254 file and an
 * Arabic windows-1256 one come out letter for letter, the guess is shown and must be confirmed or
 * changed before anything is sent, and another encoding reads the file again.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCodePage } from '../code-page.ts'
import { ROOT, browserSkipReason, buildClient, launchBrowser, startServer, watchPage, type RunningServer } from './harness.ts'

const skip = browserSkipReason()
if (skip) console.warn(`[e2e] skipped: ${skip}`)

/** `expect.poll` with room for a busy machine (its default gives up after a second). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })

const seedText = (file: string) => readFileSync(join(ROOT, 'seeds', file), 'utf8')
const ENGLISH = seedText('001_ca6b3e2cd13aa704.txt')
const TURKISH = seedText('000_195cf53558b12275.txt')
// windows-1256 has no ARABIC PERCENT SIGN; the file as a Windows editor would save it.
const ARABIC = seedText('002_fbd60fafe6e1c24f.txt').replaceAll('٪', '%')

describe.skipIf(!!skip)('form and file encodings (Chromium)', () => {
  let server: RunningServer
  let browser: Browser
  const errors: string[] = []

  beforeAll(async () => {
    buildClient()
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function form(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
    watchPage(page, '/', errors)
    await page.goto(server.url + '/')
    await page.locator('new-comparison textarea#text-0').waitFor()
    return page
  }

  const pick = (page: Page, version: number, name: string, bytes: Uint8Array) =>
    page.locator(`new-comparison fieldset[data-version="${version}"] input[type=file]`).setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(bytes) })

  it('reads a windows-1254 file as Turkish, shows the guess, and sends only once it is confirmed', async () => {
    const page = await form()
    await pick(page, 0, 'en.txt', new TextEncoder().encode(ENGLISH))
    await pick(page, 1, 'tr-1254.txt', encodeCodePage(TURKISH, 'windows-1254'))
    const target = page.locator('new-comparison textarea#text-1')
    await poll(() => target.inputValue()).toBe(TURKISH)
    // The detected language follows the letters: Turkish, not Czech.
    expect(await page.locator('new-comparison select#lang-1 option').first().innerText()).toBe('Turkish (detected)')
    const box = page.locator('new-comparison fieldset[data-version="1"] file-encoding')
    expect(await box.locator('.box').innerText()).toMatch(/“tr-1254\.txt” is not UTF-8\. It was read as Turkish \(windows-1254, ISO-8859-9\), a guess/)
    expect(await box.locator('select').inputValue()).toBe('windows-1254')
    // The UTF-8 file needs no confirmation.
    expect(await page.locator('new-comparison fieldset[data-version="0"] file-encoding .box').innerText()).toMatch(/“en\.txt” is read as Unicode \(UTF-8\)\./)
    await page.locator('new-comparison form').screenshot({ path: '/tmp/parallax-encoding-guess.png' })

    // Not sent before the guess is confirmed; focus goes to the confirmation.
    await page.locator('new-comparison button[type=submit]').click()
    await poll(() => page.locator('new-comparison p.error').innerText()).toMatch(/Check the encoding of “tr-1254\.txt” \(target text\)/)
    await poll(() => page.evaluate(() => document.querySelector('parallax-app')!.shadowRoot!.querySelector('new-comparison')!.shadowRoot!.querySelector('file-encoding:focus-within') !== null)).toBe(true)
    expect(page.url()).toBe(server.url + '/')

    // Another encoding reads the file again: windows-1252 turns ı into ý; back to windows-1254.
    await box.locator('select').selectOption('windows-1252')
    await poll(() => target.inputValue()).toContain('ý')
    await box.locator('select').selectOption('windows-1254')
    await poll(() => target.inputValue()).toBe(TURKISH)
    expect(await box.locator('.box').innerText()).toMatch(/read as Turkish \(windows-1254, ISO-8859-9\), as you chose/)
    // UTF-8 cannot read these bytes: said, and the text is kept.
    await box.locator('select').selectOption('utf-8')
    await poll(() => box.locator('.error').innerText()).toMatch(/cannot be read as Unicode \(UTF-8\)/)
    expect(await target.inputValue()).toBe(TURKISH)
    await box.locator('select').selectOption('windows-1254')

    await page.locator('new-comparison button[type=submit]').click()
    await page.waitForURL(/\/c\/[^/?#]+$/)
    const id = new URL(page.url()).pathname.split('/').pop()!
    const comparison = (await (await fetch(`${server.url}/api/comparisons/${id}`)).json()) as { versions: Array<{ lang: string; text: string }> }
    expect(comparison.versions.map((v) => v.lang)).toEqual(['en', 'tr'])
    expect(comparison.versions[1].text).toBe(TURKISH.replace(/^\uFEFF/, ''))
    expect(comparison.versions[1].text).not.toContain('\uFFFD')
    await page.close()
  }, 90_000)

  it('reads a windows-1256 file as Arabic once confirmed', async () => {
    const page = await form()
    await pick(page, 1, 'ar-1256.txt', encodeCodePage(ARABIC, 'windows-1256'))
    const target = page.locator('new-comparison textarea#text-1')
    await poll(() => target.inputValue()).toBe(ARABIC)
    const box = page.locator('new-comparison fieldset[data-version="1"] file-encoding')
    expect(await box.locator('.box').innerText()).toMatch(/read as Arabic \(windows-1256\), a guess/)
    expect(await target.getAttribute('dir')).toBe('rtl')
    await box.locator('[data-action="confirm-encoding"]').click()
    expect(await box.locator('.box').innerText()).toMatch(/read as Arabic \(windows-1256\), as you confirmed/)
    await page.locator('new-comparison form').screenshot({ path: '/tmp/parallax-encoding-arabic.png' })
    await page.close()
    expect(errors).toEqual([])
  }, 90_000)
})
