/** The real `parallax` command, run as a user runs it, for the command-line tests. */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const BIN = join(import.meta.dirname, '../../bin/parallax.js')
export const SEEDS = join(import.meta.dirname, '../../seeds')
export const EN = join(SEEDS, '001_ca6b3e2cd13aa704.txt')
export const TR = join(SEEDS, '000_195cf53558b12275.txt')

/** Runs the real command; resolves with exit code, stdout and stderr. */
export async function parallax(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { encoding: 'utf8' })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
