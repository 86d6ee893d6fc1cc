import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../e2e/harness.ts'
import { SEED_EN, SEED_TR } from './helpers.ts'

/**
 * The real server process on a free port and a temporary data folder: what `npm start` runs.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dirs: string[] = []
const procs: ChildProcess[] = []

afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

interface Running {
  url: string
  proc: ChildProcess
  output: () => string
  /** Stops the process with a signal and waits for it to exit. */
  stop(signal: NodeJS.Signals): Promise<void>
}

async function start(dataDir: string): Promise<Running> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PARALLAX_DATA_DIR: dataDir, DATABASE_URL: '', PARALLAX_WRITES_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  procs.push(proc)
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${out}`)), 110_000)
    const check = () => {
      if (/serving on http/.test(out)) {
        clearTimeout(timer)
        resolve()
      }
    }
    proc.stdout!.on('data', check)
    proc.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited with ${code}:\n${out}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    output: () => out,
    async stop(signal) {
      proc.kill(signal)
      await exited
    },
  }
}

const json = (res: Response) => res.json() as Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('server process', { timeout: 300_000 }, () => {
  it('serves the seed pair, keeps a comparison made from two uploaded files and its annotations across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parallax-process-'))
    dirs.push(dataDir)
    let server = await start(dataDir)
    expect(server.output()).toMatch(/Parallax is serving on http:\/\/127\.0\.0\.1:\d+\/ \(PGlite in /)

    const list = await json(await fetch(`${server.url}/api/comparisons`))
    expect(list.comparisons[0].versions.map((v: { lang: string }) => v.lang)).toEqual(['en', 'tr'])

    const form = new FormData()
    form.append('file', new File([SEED_EN], 'english.txt', { type: 'text/plain' }))
    form.append('file', new File([SEED_TR], 'turkish.txt', { type: 'text/plain' }))
    const created = await fetch(`${server.url}/api/comparisons`, { method: 'POST', body: form })
    expect(created.status).toBe(201)
    const { id, ownerKey } = await json(created)

    const alignment = await json(await fetch(`${server.url}/api/comparisons/${id}/alignment`))
    expect(alignment.beads.length).toBeGreaterThan(5)

    for (const [i, tag] of ['omission', 'addition', 'name'].entries()) {
      const res = await fetch(`${server.url}/api/comparisons/${id}/annotations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerKey}` },
        body: JSON.stringify({ target: { bead: i }, tag, note: `note ${i}`, author: 'test' }),
      })
      expect(res.status).toBe(201)
    }

    await server.stop('SIGTERM')
    server = await start(dataDir)
    const back = await json(await fetch(`${server.url}/api/comparisons/${id}/annotations`))
    expect(back.annotations.map((a: { tag: string; note: string; target: { bead: number } }) => `${a.target.bead} ${a.tag} ${a.note}`)).toEqual([
      '0 omission note 0',
      '1 addition note 1',
      '2 name note 2',
    ])
    // The samples are written once: a restart does not add them again.
    expect((await json(await fetch(`${server.url}/api/comparisons`))).total).toBe(list.total + 1)
    await server.stop('SIGTERM')
  })

  it('loses no acknowledged write when killed in the middle of a stream of writes, and restarts cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parallax-crash-'))
    dirs.push(dataDir)
    let server = await start(dataDir)
    const created = await fetch(`${server.url}/api/comparisons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ versions: [{ lang: 'en', text: 'One. Two. Three.' }, { lang: 'tr', text: 'Bir. İki. Üç.' }] }),
    })
    const { id, ownerKey } = await json(created)

    // Four clients write as fast as they can; the process is killed while they are at it.
    const acknowledged: string[] = []
    let killed = false
    const client = async (c: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await fetch(`${server.url}/api/comparisons/${id}/annotations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerKey}` },
            body: JSON.stringify({ target: { bead: i % 3 }, tag: 'other', note: `c${c}-${i}` }),
          })
          if (res.status === 201) acknowledged.push((await json(res)).note)
        } catch {
          return // the connection died with the process
        }
      }
    }
    const writers = [0, 1, 2, 3].map(client)
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5))
    killed = true
    await server.stop('SIGKILL')
    await Promise.all(writers)

    server = await start(dataDir)
    expect((await json(await fetch(`${server.url}/api/health`))).status).toBe('ok')
    const notes = new Set((await json(await fetch(`${server.url}/api/comparisons/${id}/annotations`))).annotations.map((a: { note: string }) => a.note))
    expect(acknowledged.filter((n) => !notes.has(n))).toEqual([])
    await server.stop('SIGTERM')
  })
})
