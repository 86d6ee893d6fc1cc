import { describe, expect, it } from 'vitest'
import { applyEdit, beadKey, canEdit, checkBeads, type BeadEdit } from '../../../client/lib/bead-edit.ts'
import type { Bead } from '../../../client/types.ts'

/** `'0:0 1,2:1 3:'` ↔ beads; a trailing `*` marks a manual bead. */
const parse = (s: string): Bead[] =>
  s.split(' ').map((t) => {
    const manual = t.endsWith('*')
    const [a, b] = t.replace('*', '').split(':')
    const list = (x: string) => (x ? x.split(',').map(Number) : [])
    return { src: list(a), tgt: list(b), confidence: 0.9, ...(manual ? { manual } : {}) }
  })
const show = (beads: Bead[]) => beads.map((b) => beadKey(b) + (b.manual ? '*' : '')).join(' ')
const run = (s: string, edit: BeadEdit) => show(applyEdit(parse(s), edit))

describe('bead-edit', () => {
  it('merges a row with the next', () => {
    expect(run('0:0 1:1 2:', { op: 'merge', bead: 1 })).toBe('0:0 1,2:1*')
    expect(run('0: :0 1:1', { op: 'merge', bead: 0 })).toBe('0:0* 1:1')
  })

  it('splits a row pairwise, and unlinks a 1:1 row', () => {
    expect(run('0:0 1,2:1 3:2', { op: 'split', bead: 1 })).toBe('0:0 1:1* 2:* 3:2')
    expect(run('0:0,1,2', { op: 'split', bead: 0 })).toBe('0:0* :1* :2*')
    expect(run('0:0 1:1', { op: 'split', bead: 1 })).toBe('0:0 1:* :1*')
  })

  it('moves the edge sentence of one side to the neighbouring row', () => {
    expect(run('0,1:0 2:1', { op: 'move-down', bead: 0, side: 'src' })).toBe('0:0* 1,2:1*')
    expect(run('0:0 1:1,2', { op: 'move-up', bead: 1, side: 'tgt' })).toBe('0:0,1* 1:2*')
    // The emptied row disappears; a move past either end makes a new row.
    expect(run('0: :0 1:1', { op: 'move-down', bead: 0, side: 'src' })).toBe('0:0* 1:1')
    expect(run('0:0 1:1,2', { op: 'move-down', bead: 1, side: 'tgt' })).toBe('0:0 1:1* :2*')
    expect(run('0,1:0', { op: 'move-up', bead: 0, side: 'src' })).toBe('0:* 1:0*')
  })

  it('refuses edits that do not apply', () => {
    const beads = parse('0:0 1:')
    expect(canEdit(beads, { op: 'merge', bead: 1 })).toBe(false)
    expect(canEdit(beads, { op: 'split', bead: 1 })).toBe(false)
    expect(canEdit(beads, { op: 'move-up', bead: 1, side: 'tgt' })).toBe(false)
    expect(canEdit(parse('0: 1:0'), { op: 'move-up', bead: 0, side: 'src' })).toBe(false)
    expect(canEdit(beads, { op: 'merge', bead: 7 })).toBe(false)
    expect(() => applyEdit(beads, { op: 'split', bead: 1 })).toThrow(/cannot split row 1/)
  })

  it('keeps every sentence in exactly one bead and never mutates its input', () => {
    const start = parse('0:0 1,2:1 3: :2 4:3,4 5:5')
    const frozen = show(start)
    const edits: BeadEdit[] = []
    for (let i = 0; i < start.length + 1; i++) {
      edits.push({ op: 'merge', bead: i }, { op: 'split', bead: i })
      for (const side of ['src', 'tgt'] as const) edits.push({ op: 'move-up', bead: i, side }, { op: 'move-down', bead: i, side })
    }
    for (const edit of edits) {
      if (!canEdit(start, edit)) continue
      const out = applyEdit(start, edit)
      expect(checkBeads(out, 6, 6), JSON.stringify(edit)).toBeUndefined()
      // Order of each side is kept: indices increase along the beads.
      for (const side of ['src', 'tgt'] as const) expect(out.flatMap((b) => b[side])).toEqual([0, 1, 2, 3, 4, 5])
    }
    expect(show(start)).toBe(frozen)
  })

  it('checkBeads names the first problem', () => {
    expect(checkBeads(parse('0:0 0:1'), 1, 2)).toBe('src sentence 0 appears 2 times')
    expect(checkBeads(parse('0:0'), 2, 1)).toBe('src sentence 1 appears 0 times')
    expect(checkBeads(parse('0:5'), 1, 1)).toBe('tgt sentence 5 out of range')
  })
})
