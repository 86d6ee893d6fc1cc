import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBeads } from '../../alignment/bead-format.ts'
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

  // The reference figures are what the bench's score.py printed for these files (`--json`); how they
  // were made, and why the script itself is not copied, is in tests/fixtures/score/README.md. The
  // alignments are frozen files, so a change to the aligner does not move them.
  const FIXTURES = join(import.meta.dirname, '../fixtures')
  type Ratio = `${'precision' | 'recall' | 'f1'}_${'strict' | 'lax'}`
  type Run = { gold: string[]; test: string[]; reference: Record<Ratio, number> & { counts: { precision: number[]; recall: number[] } } }
  const runs: Run[] = JSON.parse(readFileSync(join(FIXTURES, 'score/reference.json'), 'utf8'))
  const read = (file: string) => parseBeads(readFileSync(join(FIXTURES, file), 'utf8'))

  it('has reference figures for each fixture alone and for all of them pooled', () => {
    expect(runs.map((r) => r.test.length)).toEqual([1, 1, 1, 3])
  })

  it.each(runs.map((r) => [r.test.join(' + '), r] as const))('agrees with the reference scorer on %s', (_, run) => {
    const ours = scoreAlignment(run.gold.map((g, k) => [read(g), read(run.test[k])]))
    expect(ours.counts).toEqual(run.reference.counts)
    expect(ours.precisionStrict).toBeCloseTo(run.reference.precision_strict, 12)
    expect(ours.recallStrict).toBeCloseTo(run.reference.recall_strict, 12)
    expect(ours.f1Strict).toBeCloseTo(run.reference.f1_strict, 12)
    expect(ours.precisionLax).toBeCloseTo(run.reference.precision_lax, 12)
    expect(ours.recallLax).toBeCloseTo(run.reference.recall_lax, 12)
    expect(ours.f1Lax).toBeCloseTo(run.reference.f1_lax, 12)
  })
})
