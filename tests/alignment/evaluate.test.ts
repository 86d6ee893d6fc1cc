import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { align } from '../../alignment/align.ts'
import { formatBeads, parseBeads } from '../../alignment/bead-format.ts'
import { scoreAlignment } from '../../alignment/evaluate.ts'

const b = (text: string) => parseBeads(text.split(' ').join('\n'))

describe('evaluate', () => {
  it('scores a perfect alignment 1', () => {
    const gold = b('[0]:[0] [1,2]:[1] [3]:[]')
    const s = scoreAlignment([[gold, gold]])
    expect([s.precisionStrict, s.recallStrict, s.f1Strict, s.f1Lax]).toEqual([1, 1, 1, 1])
  })

  it('counts strict and lax hits as vecalign does', () => {
    const gold = b('[0]:[0] [1,2]:[1] [3]:[]')
    const test = b('[0]:[0] [1]:[1] [2]:[] [3]:[]')
    const s = scoreAlignment([[gold, test]])
    // Precision over 4 test beads: [0]:[0] and [3]:[] strict; [1]:[1] lax; [2]:[] miss.
    expect(s.counts.precision).toEqual([2, 2, 3, 1])
    // Recall over gold non-null beads [0]:[0], [1,2]:[1] against test non-null beads.
    expect(s.counts.recall).toEqual([1, 1, 2, 0])
  })

  const SCORER = join(import.meta.dirname, '../../../shared/bench/score.py')
  const BENCH = join(import.meta.dirname, '../../../shared/bench/textberg')
  it.runIf(existsSync(SCORER) && existsSync(BENCH))('agrees with the reference scorer on Text+Berg', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-score-'))
    const golds: string[] = []
    const tests: string[] = []
    const pairs: Array<[ReturnType<typeof parseBeads>, ReturnType<typeof parseBeads>]> = []
    for (const doc of ['test2', 'test4']) {
      const lines = (f: string) => readFileSync(join(BENCH, doc, f), 'utf8').replace(/\n$/, '').split('\n')
      const test = align(lines('src.de'), lines('tgt.fr'))
      const path = join(dir, `${doc}.align`)
      writeFileSync(path, formatBeads(test))
      golds.push(join(BENCH, doc, 'gold.defr'))
      tests.push(path)
      pairs.push([parseBeads(readFileSync(join(BENCH, doc, 'gold.defr'), 'utf8')), test])
    }
    const reference = JSON.parse(execFileSync('python3', [SCORER, '--json', '-g', ...golds, '-t', ...tests], { encoding: 'utf8' }))
    const ours = scoreAlignment(pairs)
    expect(ours.counts).toEqual(reference.counts)
    expect(ours.f1Strict).toBeCloseTo(reference.f1_strict, 12)
    expect(ours.f1Lax).toBeCloseTo(reference.f1_lax, 12)
  })
})
