/**
 * Keys and the classroom in Chromium (issue 10, items 5 and 25): a crafted `#key=` link cannot
 * cost the owner the owner key, keys download and import, the owner lists and revokes students'
 * keys, copies their links (announced), and sees their notes arrive without reloading.
 */
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, buildClient, launchBrowser, startServer, watchPage, type RunningServer } from './harness.ts'

const skip = browserSkipReason()
if (skip) console.warn(`[e2e] skipped: ${skip}`)

/** `expect.poll` with room for a busy machine (its default gives up after a second). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })

describe.skipIf(!!skip)('keys and classroom (Chromium)', () => {
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

  const seed = (title: RegExp) => {
    const s = server.seeds.find((x) => title.test(x.title))
    if (!s) throw new Error(`no seed ${title}:\n${server.output()}`)
    return s
  }

  async function browserContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    contexts.push(context)
    return context
  }

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage()
    watchPage(page, path, errors)
    await page.goto(server.url + path)
    return page
  }

  const keystate = (page: Page) => page.locator('header.top .keystate').innerText()
  const heldKeys = (page: Page) =>
    page.locator('my-keys li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-held-key')}:${li.className || 'works'}`))

  it('keeps the owner key when a crafted link hands the browser another key', async () => {
    const { id, ownerKey } = seed(/Turkish/)
    const ownerId = ownerKey.split('_')[1]
    const context = await browserContext()
    const page = await open(context, `/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    await poll(() => keystate(page)).toBe('Owner')
    expect(page.url()).toBe(`${server.url}/c/${id}`)

    // The attack: a link with a forged key for the same comparison.
    const forged = `plx_0123456789ab_${'A'.repeat(43)}`
    await page.goto(`${server.url}/c/${id}#key=${forged}`)
    await page.locator('bead-row').first().waitFor()
    await poll(() => page.locator('.toast').innerText()).toMatch(/refused a key .* Your owner key still works/)
    expect(await keystate(page)).toBe('Owner')
    await page.locator('my-keys summary').click()
    await poll(() => heldKeys(page)).toEqual([`${ownerId}:works`, '0123456789ab:refused'])
    await page.screenshot({ path: '/tmp/parallax-keys-refused.png' })

    // A reload changes nothing, and the owner still writes, with the owner key.
    await page.reload()
    await poll(() => keystate(page)).toBe('Owner')
    const answer = await page.evaluate(async (cid) => {
      const app = document.querySelector('parallax-app') as unknown as { api: { createAnnotation(id: string, d: unknown): Promise<{ keyId: string }> } }
      return app.api.createAnnotation(cid, { target: { bead: 3 }, tag: 'omission', tags: [], note: 'still the owner', author: '' })
    }, id)
    expect(answer.keyId).toBe(ownerId)
    expect(errors).toEqual([])
  }, 60_000)

  it('downloads the keys as a file that another browser imports', async () => {
    const { id, ownerKey } = seed(/Arabic/)
    const home = await browserContext()
    const page = await open(home, `/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    await poll(() => keystate(page)).toBe('Owner')
    await page.locator('my-keys summary').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('my-keys [data-action="download-keys"]').click()])
    expect(download.suggestedFilename()).toMatch(/^parallax-keys-\d{4}-\d\d-\d\d\.json$/)
    const path = await download.path()
    const file = JSON.parse(readFileSync(path, 'utf8'))
    expect([file.format, file.comparisons[id].map((k: { key: string; role: string }) => `${k.role} ${k.key === ownerKey}`)]).toEqual(['parallax-keys', ['owner true']])

    // Another browser: read only, until the file is imported on the list page.
    const school = await browserContext()
    const list = await open(school, '/')
    await list.locator('my-keys [data-action="import-keys"]').setInputFiles(path)
    await poll(() => list.locator('.toast').innerText()).toMatch(/^1 key imported from “/)
    expect(await list.locator('my-keys p').innerText()).toMatch(/keeps \d+ keys? for \d+ comparisons?/)
    const opened = await open(school, `/c/${id}`)
    await poll(() => keystate(opened)).toBe('Owner')
  }, 60_000)

  it('lets the owner copy a student link, see the student’s note arrive live, and revoke the key', async () => {
    const { id, ownerKey } = seed(/Reuters/)
    const context = await browserContext()
    const page = await open(context, `/c/${id}#key=${encodeURIComponent(ownerKey)}`)
    await poll(() => keystate(page)).toBe('Owner')
    const share = page.locator('share-panel')
    await share.locator('summary').click()
    await share.locator('input[name=label]').fill('Ayşe')
    await share.locator('button[type=submit]').click()
    const item = share.locator('li[data-issued-key]', { hasText: 'Ayşe' })
    await item.locator('[data-key-link]').waitFor()
    const link = await item.locator('[data-key-link]').innerText()
    expect(link).toMatch(new RegExp(`^${server.url}/c/${id}#key=plx_`))

    // Copy: the clipboard holds the link and a live region says so.
    await item.locator('[data-action="copy-link"]').click()
    const status = item.locator('.copied[role="status"]')
    await poll(() => status.innerText()).toBe('Link copied. Send it to this student only.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
    await page.screenshot({ path: '/tmp/parallax-share-panel.png' })

    // The student opens the link; the note they save shows on the owner's page without a reload.
    const student = await open(await browserContext(), new URL(link).pathname + new URL(link).hash)
    await poll(() => keystate(student)).toBe('Participant')
    const studentKey = decodeURIComponent(new URL(link).hash.slice('#key='.length))
    const created = await fetch(`${server.url}/api/comparisons/${id}/annotations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${studentKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ target: { bead: 2 }, tag: 'omission', note: 'Ayşe noticed this' }),
    })
    expect(created.status).toBe(201)
    const note = page.locator('annotation-panel article.card', { hasText: 'Ayşe noticed this' })
    await note.waitFor({ timeout: 5000 })
    await poll(() => page.locator('.toast').innerText()).toBe('New annotation by Ayşe')
    // Changed and deleted, live too.
    const { id: noteId } = (await created.json()) as { id: string }
    await fetch(`${server.url}/api/annotations/${noteId}`, { method: 'PATCH', headers: { authorization: `Bearer ${studentKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ note: 'Ayşe changed her mind' }) })
    await page.locator('annotation-panel article.card', { hasText: 'Ayşe changed her mind' }).waitFor({ timeout: 5000 })
    await fetch(`${server.url}/api/annotations/${noteId}`, { method: 'DELETE', headers: { authorization: `Bearer ${ownerKey}` } })
    await poll(() => page.locator('annotation-panel article.card', { hasText: 'Ayşe' }).count()).toBe(0)

    // Revoke: listed as revoked; the student's page then finds its key refused, and keeps it listed.
    await item.locator('[data-action="revoke-key"]').click()
    await item.locator('[data-action="confirm-revoke"]').click()
    await poll(() => share.locator('li.revoked', { hasText: 'Ayşe' }).count()).toBe(1)
    expect(await share.locator('li[data-issued-key]').evaluateAll((items) => items.map((li) => li.querySelector('.who')!.textContent!.replace(/\s+/g, ' ').trim()))).toEqual([
      'Ayşe · participant · revoked',
      expect.stringMatching(/· owner$/),
    ])
    await student.reload()
    await poll(() => keystate(student)).toBe('Read only')
    await student.locator('my-keys summary').click()
    expect((await heldKeys(student)).map((k) => k.split(':')[1])).toEqual(['refused'])
    await page.screenshot({ path: '/tmp/parallax-share-revoked.png' })
    expect(errors).toEqual([])
  }, 90_000)
})
