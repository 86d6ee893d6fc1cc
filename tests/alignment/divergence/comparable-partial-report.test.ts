import { describe, expect, it } from 'vitest'
import { diverge } from '../../../alignment/diverge.ts'
import { comparableBeads, longestIncreasing } from '../../../alignment/divergence/comparable.ts'
import { choosePartial, fitLengthModel, lengthDelta, type UnmatchedRun } from '../../../alignment/divergence/partial.ts'
import { formatReport } from '../../../alignment/divergence/report-text.ts'
import { formatBeads } from '../../../alignment/bead-format.ts'
import { EN, TR } from './fixtures.ts'
import { beads, diagonal, version } from './helpers.ts'

describe('comparable layout', () => {
  it('finds a longest increasing run', () => {
    expect([...longestIncreasing([3, 0, 1, 7, 2, 5])].sort()).toEqual([1, 2, 4, 5])
    expect(longestIncreasing([]).size).toBe(0)
  })

  it('lays matches out in source order, unmatched target sentences after their matched predecessor', () => {
    const laid = comparableBeads(
      [
        { src: 1, tgt: 3, score: 0.5, evidence: [] },
        { src: 3, tgt: 0, score: 0.5, evidence: [] },
      ],
      5,
      5,
    )
    expect(formatBeads(laid)).toBe('[0]:[]\n[1]:[3]\n[]:[4]\n[2]:[]\n[3]:[0]\n[]:[1]\n[]:[2]\n[4]:[]\n')
  })

  it('reports a match out of order as reordering, with its evidence', () => {
    const src = version('en', ['The mayor of Springfield resigned on Monday.', 'Flooding closed 12 schools in the north.', 'The budget was cut by 3%.'])
    const tgt = version('en', ['Officials said 12 schools in the north were shut by floods.', 'Springfield mayor quits on Monday.', 'Weather will improve.'])
    const r = diverge(src, tgt, beads('0:1 1:0 2:- -:2'), { mode: 'comparable' })
    const found = r.beads.flatMap((b) => b.findings.map((f) => `${f.kind} ${f.side}${f.sentence}`))
    expect(found).toEqual(['reordering tgt1', 'omission src2', 'addition tgt2'])
    expect(r.beads[0].evidence?.map((e) => e.src)).toEqual(expect.arrayContaining(['Springfield', 'Monday']))
  })
})

describe('length model and partial choice', () => {
  it('fits the ratio of the document and measures δ', () => {
    const pairs = Array.from({ length: 20 }, (_, i) => [100 + i * 10, Math.round((100 + i * 10) * 1.2)] as const)
    const m = fitLengthModel(pairs, 'en', 'xx')
    expect(m.ratio).toBeGreaterThan(1.15)
    expect(m.ratio).toBeLessThan(1.21)
    expect(lengthDelta(m, 200, 240)).toBeCloseTo(0, 0)
    expect(lengthDelta(m, 300, 150)).toBeLessThan(-3)
    expect(fitLengthModel([], 'en', 'tr')).toMatchObject({ ratio: 1.05, fittedOn: 0 })
  })

  it('picks the runs that explain a shortfall, and none without one', () => {
    const run = (start: number, end: number, content: number): UnmatchedRun => ({ start, end, sentence: 0, content, words: [] })
    const runs = [run(0, 60, 6), run(100, 117, 1), run(150, 160, 2)]
    expect(choosePartial(runs, 300, 80, -2).map((r) => r.start)).toEqual([0, 100])
    expect(choosePartial(runs, 300, 10, -2)).toEqual([])
    expect(choosePartial(runs, 300, 80, -0.5)).toEqual([])
  })
})

describe('formatReport', () => {
  it('says so when nothing differs', () => {
    const text = formatReport(diverge(version('en', EN), version('tr', TR), diagonal(6)))
    expect(text).toContain('No divergences found.')
    expect(text).toContain('coverage: 100% of the English and 100% of the Turkish have a counterpart')
  })

  it('lists omissions before additions and structure last, wrapped to the width', () => {
    const r = diverge(version('en', EN), version('tr', [...TR.slice(0, 5), 'Editör: Haber Merkezi']), beads('0:0 1:1 2:2 3:3 4:4 5:- -:5'))
    const text = formatReport(r, { width: 60 })
    expect(text.indexOf('OMISSIONS')).toBeLessThan(text.indexOf('PAGE FURNITURE'))
    expect(text.split('\n').every((l) => l.length <= 60 || !l.includes(' '))).toBe(true)
    expect(text).toMatch(/en 5 · omission · major/)
  })
})
