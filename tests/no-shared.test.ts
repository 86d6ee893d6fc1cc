import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Issue 10, item 15: `npm test` must pass on a fresh clone, with no `shared/` folder beside the
 * repository. Tests carry their own data under `tests/fixtures/`; only the benchmarks (`bench/`)
 * read the bench data in the parent folder. This test fails if a test source reaches for it again.
 */
const TESTS = import.meta.dirname
const SOURCE = /\.(?:[cm]?[jt]sx?)$/

// `../shared`, `..\shared`, a path built from a 'shared' segment (join(root, '..', 'shared')), or
// `/shared/bench` written out in full.
const READS_SHARED = /\.\.[\\/]+shared\b|['"`]shared['"`]|[\\/]+shared[\\/]+bench\b/

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path)
    return SOURCE.test(entry.name) ? [path] : []
  })
}

describe('tests read no data outside the repository', () => {
  it('no test source under tests/ refers to the shared folder beside the repository', () => {
    // This file names such paths on purpose, as samples for the pattern.
    const files = sources(TESTS).filter((file) => file !== import.meta.filename)
    expect(files.length).toBeGreaterThan(10)
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, k) => (READS_SHARED.test(line) ? [`${relative(TESTS, file)}:${k + 1}: ${line.trim()}`] : [])),
    )
    expect(offending).toEqual([])
  })

  it('the pattern catches the ways a path to it is written', () => {
    for (const line of [
      "const BENCH = join(import.meta.dirname, '../../../shared/bench')",
      "new URL('../shared/bench/seeds-en-tr/', ROOT)",
      "join(root, '..', 'shared', 'bench')",
      'const p = "C:\\\\work\\\\shared\\\\bench"',
    ])
      expect(READS_SHARED.test(line), line).toBe(true)
    for (const line of ["page.locator('shared-row')", 'const { sharedRows } = rows', 'sharedAddressFactor: 10'])
      expect(READS_SHARED.test(line), line).toBe(false)
  })
})
