/**
 * What the browser tests and the page benchmark share: building the page, starting the real
 * server on a free port with a fresh data folder, and launching Debian's Chromium through
 * playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(ROOT, 'tests', 'screenshots')

/**
 * Why browser tests cannot run here, or `undefined` when they can. Under `CI=true` a missing
 * Chromium is an error, not a reason to skip.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined
  const reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`
  if (process.env.CI === 'true') throw new Error(`${reason}: browser tests are required under CI`)
  return reason
}

/** Launches headless Chromium with the flags this machine needs (no sandbox as root, no network chatter). */
/**
 * Records what goes wrong on `page` into `errors`: uncaught exceptions, console errors (Content
 * Security Policy violations and failed loads among them; 401/403/404/409 answers are expected in
 * these tests) and any dialog, which is dismissed.
 */
export function watchPage(page: Page, path: string, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|403|404|409)/.test(m.text())) errors.push(`${path}: console: ${m.text()}`)
  })
  page.on('dialog', (d) => {
    errors.push(`${path}: unexpected dialog "${d.message()}"`)
    void d.dismiss()
  })
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

let built = false

/** Builds the page into `dist/client` (once per process). */
export function buildClient(): void {
  if (built) return
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
    // Test runners set NODE_ENV=test, which would bundle Lit's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
  built = true
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** A sample comparison the server wrote at first start, with the owner key it printed. */
export interface SeededComparison {
  id: string
  title: string
  ownerKey: string
}

export interface RunningServer {
  url: string
  seeds: SeededComparison[]
  /** Everything the process printed so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts `server/main.ts` on a free port with a new PGlite data folder and waits until
 * `/api/health` answers. The write rate limit is off: tests write faster than people.
 */
export async function startServer(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARALLAX_DATA_DIR: dataDir, PARALLAX_WRITES_PER_MINUTE: '0', DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + (options.timeoutMs ?? 90_000)
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`the server exited with ${child.exitCode}:\n${output}`)
    }
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`the server did not answer /api/health in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  const seeds = [...output.matchAll(/Sample comparison "(.+?)" \((\S+)\); its owner key, shown this once: (\S+)/g)].map((m) => ({ title: m[1], id: m[2], ownerKey: m[3] }))
  return { url, seeds, output: () => output, stop }
}

/** Creates a comparison through the API; returns its id and owner key. */
export async function createComparison(
  url: string,
  body: { title: string; versions: Array<{ label?: string; lang?: string; text: string }>; presplit?: boolean; mode?: string },
): Promise<{ id: string; ownerKey: string }> {
  const res = await fetch(`${url}/api/comparisons`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as { id: string; ownerKey: string }
}
