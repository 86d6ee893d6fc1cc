import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { DataLockError, LOCK_FILE, lockDataDir } from '../../server/data-lock.ts'
import { freePort } from '../e2e/harness.ts'

/**
 * Issue 10, item 12: one server per data folder. The lock is taken before the database is
 * opened, a second server refuses in one line with a non-zero exit, a stale lock is taken over.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dirs: string[] = []
const procs: ChildProcess[] = []

afterAll(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `parallax-${name}-`))
  dirs.push(d)
  return d
}

/** A pid no process has: one of a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!

interface Server {
  proc: ChildProcess
  output: () => string
  /** Resolves with the exit code (or the signal that ended it) once the process ends. */
  exited: Promise<number | string | null>
  /** Resolves once it serves, rejects if it exits first. */
  serving: Promise<void>
}

function startServer(dataDir: string, port: number): Server {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), PARALLAX_DATA_DIR: dataDir, DATABASE_URL: '', PARALLAX_WRITES_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  procs.push(proc)
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)))
  const serving = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', () => /serving on http/.test(out) && resolve())
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}`)))
  })
  serving.catch(() => {})
  return { proc, output: () => out, exited, serving }
}

describe('data-lock', { timeout: 240_000 }, () => {
  it('refuses a second lock on the same folder, and takes a stale one over', () => {
    const dir = tempDir('lock')
    const lock = lockDataDir(dir)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
    expect(() => lockDataDir(dir)).toThrow(DataLockError)
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)

    // A crashed server's lock, and a half-written one: both stale.
    for (const content of [`${deadPid()}\n`, '']) {
      writeFileSync(join(dir, LOCK_FILE), content)
      const again = lockDataDir(dir)
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
      again.release()
    }
  })

  it('makes a second server on the same data folder refuse in one line, before it opens the database', async () => {
    const dir = tempDir('two')
    const first = startServer(dir, await freePort())
    await first.serving

    const second = startServer(dir, await freePort())
    const code = await second.exited
    expect(code).not.toBe(0)
    const lines = second.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`Another Parallax server \\(process ${first.proc.pid}\\) is using the data folder`))
    expect(second.output()).not.toMatch(/Applied migrations|serving on/)

    // The first goes on serving, its lock in place.
    expect(first.proc.exitCode).toBeNull()
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(first.proc.pid))
    first.proc.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('makes a server whose port is taken refuse before it creates or migrates a database', async () => {
    const port = await freePort()
    const first = startServer(tempDir('port-a'), port)
    await first.serving
    const otherDir = tempDir('port-b')
    const second = startServer(otherDir, port)
    expect(await second.exited).not.toBe(0)
    expect(second.output().trim()).toBe(`Port ${port} is in use; set PORT to another port.`)
    // Nothing written into its folder: no database files, and the lock released.
    expect(readdirSync(otherDir)).toEqual([])
    first.proc.kill('SIGTERM')
    await first.exited
  })

  it('starts over a stale lock a killed server left', async () => {
    const dir = tempDir('stale')
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`)
    const server = startServer(dir, await freePort())
    await server.serving
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(server.proc.pid))
    server.proc.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })
})
