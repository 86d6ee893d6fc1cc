import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * One server per data folder. PGlite holds the database files of its folder with no lock between
 * processes, so two servers on one folder would both write them and corrupt the database. The
 * first server takes a lock file holding its process id before it opens anything; a second one
 * finds it and refuses. A lock left by a process that is gone (a crash, `kill -9`) is stale and
 * taken over.
 */

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'parallax.lock'

/** Another live process holds the data folder. */
export class DataLockError extends Error {
  override name = 'DataLockError'
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Parallax server (process ${pid}) is using the data folder ${dataDir}; stop it first, or set PARALLAX_DATA_DIR to another folder.`,
    )
  }
}

/** A held lock: `release()` removes the file if it is still ours (idempotent). */
export interface DataLock {
  readonly path: string
  release(): void
}

/**
 * Whether a process with this id runs, as far as this machine can tell. EPERM means it exists
 * but belongs to someone else: alive. On Linux a live pid that is not a Node process is a reused
 * id, not the server that wrote the lock.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    return /node|tsx|bun|deno/i.test(cmdline)
  } catch {
    return true // no /proc (macOS): trust kill()
  }
}

/** The pid a lock file names, or undefined when it names none (a half-written file). */
function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the lock of a data folder (created, owner-only, when missing): `parallax.lock` with this
 * process's id, created exclusively so that of two servers starting together exactly one gets
 * it. A lock whose process is gone is removed and taken. The lock is released when the process
 * exits, and by `release()`.
 *
 * @throws DataLockError when a live process holds it (this process included: one database, one opener)
 * @example
 * const lock = lockDataDir('./data')
 * // ... open PGlite in ./data, serve ...
 * lock.release()
 */
export function lockDataDir(dataDir: string): DataLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const path = join(dataDir, LOCK_FILE)
  // The pid is written to a file of this process's own and linked into place: the link is
  // atomic and fails when the lock exists, so no one ever reads a lock half written.
  const mine = `${path}.${process.pid}`
  writeFileSync(mine, `${process.pid}\n`, { mode: 0o600 })
  try {
    // Two rounds: the second follows the removal of a stale lock.
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, path)
        break
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
        const pid = readPid(path)
        if (attempt > 0 || (pid !== undefined && alive(pid))) throw new DataLockError(dataDir, pid ?? 0)
      }
      // Stale: its process is gone. Another server starting at this very moment may remove it
      // too; the link above still lets only one of them have it.
      try {
        unlinkSync(path)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      }
    }
  } finally {
    unlinkSync(mine)
  }
  let held = true
  const release = () => {
    if (!held) return
    held = false
    process.off('exit', release)
    // Only our own lock: never one a later server took after ours was judged stale.
    if (readPid(path) === process.pid) {
      try {
        unlinkSync(path)
      } catch {}
    }
  }
  process.on('exit', release)
  return { path, release }
}
