import { describe, expect, it } from 'vitest'
import type { Bead } from '../../alignment/types.ts'
import { applyOperations, checkBeads, replaceBeads, type Operation } from '../../server/alignment-edit.ts'

// '0:0 1-2:1 3:-' → beads; a '*' after a bead marks it manual in renderings.
const parse = (s: string): Bead[] =>
  s.split(' ').map((b) => {
    const [src, tgt] = b.split(':').map((x) => (x === '-' ? [] : x.split('-').map(Number)))
    return { src, tgt, confidence: 0.5 }
  })
const render = (beads: Bead[]) =>
  beads.map((b) => `${b.src.join('-') || '-'}:${b.tgt.join('-') || '-'}${b.manual ? '*' : ''}`).join(' ')

const BASE = parse('0:0 1-2:1 3:- -:2 4:3')
const run = (...ops: Operation[]) => render(applyOperations(BASE, ops, 5, 4))

describe('alignment-edit', () => {
  it('merges a bead with the next', () => {
    expect(run({ op: 'merge', bead: 0 })).toBe('0-1-2:0-1* 3:- -:2 4:3')
    expect(run({ op: 'merge', bead: 2 })).toBe('0:0 1-2:1 3:2* 4:3')
  })

  it('splits a bead at given counts', () => {
    expect(run({ op: 'split', bead: 1, src: 1, tgt: 1 })).toBe('0:0 1:1* 2:-* 3:- -:2 4:3')
    expect(run({ op: 'split', bead: 1, src: 1, tgt: 0 })).toBe('0:0 1:-* 2:1* 3:- -:2 4:3')
  })

  it('moves an edge sentence to the neighbouring bead, dropping a bead left empty', () => {
    expect(run({ op: 'move', side: 'src', sentence: 1, to: 'prev' })).toBe('0-1:0* 2:1* 3:- -:2 4:3')
    expect(run({ op: 'move', side: 'src', sentence: 3, to: 'next' })).toBe('0:0 1-2:1 3:2* 4:3')
  })

  it('links a target sentence into a source sentence’s bead, and unlinks a bead', () => {
    expect(run({ op: 'link', src: 3, tgt: 2 })).toBe('0:0 1-2:1 3:2* 4:3')
    expect(run({ op: 'unlink', bead: 1 })).toBe('0:0 1:-* 2:-* -:1* 3:- -:2 4:3')
  })

  it('applies operations in sequence', () => {
    expect(run({ op: 'unlink', bead: 0 }, { op: 'merge', bead: 0 })).toBe('0:0* 1-2:1 3:- -:2 4:3')
  })

  it('refuses operations that cannot apply, naming the operation', () => {
    const fails = (op: Operation) => () => applyOperations(BASE, [{ op: 'merge', bead: 0 }, op], 5, 4)
    expect(fails({ op: 'merge', bead: 3 })).toThrow(/operation 1 \(merge\).*last/)
    expect(fails({ op: 'merge', bead: 9 })).toThrow(/no bead 9/)
    expect(fails({ op: 'split', bead: 0, src: 0, tgt: 0 })).toThrow(/first part empty/)
    expect(fails({ op: 'split', bead: 0, src: 9, tgt: 0 })).toThrow(/cannot keep/)
    expect(fails({ op: 'move', side: 'src', sentence: 1, to: 'next' })).toThrow(/inside bead/)
    expect(fails({ op: 'move', side: 'src', sentence: 0, to: 'prev' })).toThrow(/no previous bead/)
    expect(fails({ op: 'link', src: 0, tgt: 1 })).toThrow(/already in bead/)
    expect(fails({ op: 'unlink', bead: 1 })).toThrow(/single sentence/)
    expect(fails({ op: 'move', side: 'tgt', sentence: 99, to: 'prev' })).toThrow(/no tgt sentence 99/)
  })

  it('checks that whole bead lists cover every sentence exactly once', () => {
    expect(() => checkBeads(parse('0:0 1:1'), 2, 2)).not.toThrow()
    expect(() => checkBeads(parse('0:0 0:1'), 2, 2)).toThrow('src sentence 0 is in bead 0 and in bead 1')
    expect(() => checkBeads(parse('0:0'), 2, 1)).toThrow('src sentence 1 is in no bead')
    expect(() => checkBeads(parse('0:0 1:5'), 2, 2)).toThrow(/names tgt sentence 5/)
    expect(() => checkBeads([{ src: [], tgt: [] }], 0, 0)).toThrow('bead 0 is empty on both sides')
  })

  it('marks only the changed beads of a whole new list as manual', () => {
    const next = replaceBeads(BASE, parse('0:0 1-2:1 3:2 4:3'), 5, 4)
    expect(render(next)).toBe('0:0 1-2:1 3:2* 4:3')
    expect(next[0].confidence).toBe(0.5)
  })

  it('restores the aligner’s beads on undo: beads sent with manual: false are not marked by hand', () => {
    const merged = applyOperations(BASE, [{ op: 'merge', bead: 1 }], 5, 4)
    expect(render(merged)).toBe('0:0 1-2-3:1* -:2 4:3')
    const undo = BASE.map((b) => ({ src: b.src, tgt: b.tgt, confidence: b.confidence, manual: false }))
    const restored = replaceBeads(merged, undo, 5, 4)
    expect(render(restored)).toBe('0:0 1-2:1 3:- -:2 4:3')
    expect(restored.map((b) => b.confidence)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5])
    // Without the flag, a bead the server does not hold is a correction.
    expect(render(replaceBeads(merged, parse('0:0 1-2:1 3:- -:2 4:3'), 5, 4))).toBe('0:0 1-2:1* 3:-* -:2 4:3')
  })
})
